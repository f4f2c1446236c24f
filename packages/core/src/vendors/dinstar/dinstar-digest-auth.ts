import { hash as digestOf, randomFillSync } from 'node:crypto';

/** The parameters of a `WWW-Authenticate: Digest …` challenge. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  /** `auth` when offered; undefined for the old RFC 2069 form. */
  qop?: 'auth';
  opaque?: string;
  /** `MD5` (default), `MD5-sess`, `SHA-256`, `SHA-256-sess`. */
  algorithm: string;
  stale: boolean;
}

/** Reads `a=b, c="d, e"` parameter lists. */
function parseAuthParameters(text: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const pattern = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    parameters.set(match[1].toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]);
  }
  return parameters;
}

/** The Digest challenge among the `WWW-Authenticate` values (a server may offer Basic beside it). */
export function parseDigestChallenge(header: string | undefined): DigestChallenge | undefined {
  if (!header) return undefined;
  const start = header.search(/digest\s/i);
  if (start < 0) return undefined;
  // Another scheme after Digest starts with its name and no `=`; cut there.
  const rest = header.slice(start + 'digest'.length);
  const next = rest.search(/,\s*(basic|bearer|negotiate|digest)\s/i);
  const parameters = parseAuthParameters(next < 0 ? rest : rest.slice(0, next));
  const nonce = parameters.get('nonce');
  if (!nonce) return undefined;
  const qops = (parameters.get('qop') ?? '').split(',').map((value) => value.trim().toLowerCase());
  const algorithm = parameters.get('algorithm') ?? 'MD5';
  return {
    realm: parameters.get('realm') ?? '',
    nonce,
    ...(qops.includes('auth') ? { qop: 'auth' as const } : {}),
    ...(parameters.has('opaque') ? { opaque: parameters.get('opaque') } : {}),
    algorithm,
    stale: (parameters.get('stale') ?? '').toLowerCase() === 'true',
  };
}

function hashFor(algorithm: string): (text: string) => string {
  const name = /^sha-256/i.test(algorithm) ? 'sha256' : 'md5';
  return (text) => digestOf(name, text, 'hex');
}

/** A quoted-string; the escaping pass only for the rare value that needs it. */
function quote(value: string): string {
  return /["\\]/.test(value) ? `"${value.replace(/(["\\])/g, '\\$1')}"` : `"${value}"`;
}

const CLIENT_NONCE_BYTES = 8;

/**
 * Client nonces cut from a 4 KiB buffer of CSPRNG bytes, refilled when used up: as unpredictable
 * as `randomBytes(8)` per request without a call into the CSPRNG for every one.
 */
function pooledClientNonces(): () => string {
  const pool = Buffer.alloc(4096);
  let offset = pool.length;
  return () => {
    if (offset + CLIENT_NONCE_BYTES > pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const nonce = pool.toString('hex', offset, offset + CLIENT_NONCE_BYTES);
    offset += CLIENT_NONCE_BYTES;
    return nonce;
  };
}

/**
 * Answers Digest challenges (RFC 7616, `qop=auth`) and keeps the last nonce so later requests
 * carry credentials at once with a growing nonce count, without an unauthenticated round-trip.
 */
export class DigestClientSession {
  private challenge: DigestChallenge | undefined;
  private nonceCount = 0;
  /** HA1 of `username:realm:password` for the current challenge's realm and algorithm; constant until they change. */
  private credentialsHash: { realm: string; algorithm: string; hash: (text: string) => string; ha1: string } | undefined;

  constructor(
    private readonly username: string,
    private readonly password: string,
    private readonly newClientNonce: () => string = pooledClientNonces(),
  ) {}

  get hasChallenge(): boolean {
    return this.challenge !== undefined;
  }

  /** Takes a new challenge; the nonce count restarts. */
  accept(challenge: DigestChallenge): void {
    this.challenge = challenge;
    this.nonceCount = 0;
  }

  /** Forgets the nonce, e.g. after the gateway refused it. */
  forget(): void {
    this.challenge = undefined;
    this.nonceCount = 0;
  }

  /** The `Authorization` header for `method` on `uri` (path and query, exactly as requested). */
  authorization(method: string, uri: string): string | undefined {
    const challenge = this.challenge;
    if (!challenge) return undefined;
    const { hash, ha1: credentialsHa1 } = this.credentialsHashFor(challenge);
    const clientNonce = this.newClientNonce();
    this.nonceCount += 1;
    const nc = this.nonceCount.toString(16).padStart(8, '0');
    let ha1 = credentialsHa1;
    if (/-sess$/i.test(challenge.algorithm)) ha1 = hash(`${ha1}:${challenge.nonce}:${clientNonce}`);
    const ha2 = hash(`${method}:${uri}`);
    const response = challenge.qop
      ? hash(`${ha1}:${challenge.nonce}:${nc}:${clientNonce}:${challenge.qop}:${ha2}`)
      : hash(`${ha1}:${challenge.nonce}:${ha2}`);
    const parts = [
      `username=${quote(this.username)}`,
      `realm=${quote(challenge.realm)}`,
      `nonce=${quote(challenge.nonce)}`,
      `uri=${quote(uri)}`,
      `algorithm=${challenge.algorithm}`,
      `response=${quote(response)}`,
    ];
    if (challenge.qop) parts.push(`qop=${challenge.qop}`, `nc=${nc}`, `cnonce=${quote(clientNonce)}`);
    if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
    return `Digest ${parts.join(', ')}`;
  }

  private credentialsHashFor(challenge: DigestChallenge): { hash: (text: string) => string; ha1: string } {
    const known = this.credentialsHash;
    if (known && known.realm === challenge.realm && known.algorithm === challenge.algorithm) return known;
    const hash = hashFor(challenge.algorithm);
    const fresh = { realm: challenge.realm, algorithm: challenge.algorithm, hash, ha1: hash(`${this.username}:${challenge.realm}:${this.password}`) };
    this.credentialsHash = fresh;
    return fresh;
  }
}
