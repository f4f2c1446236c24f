import { createHash, randomBytes } from 'node:crypto';
import type { SimulatorRequest } from './simulator-request';

/** A user a simulator accepts. */
export interface SimulatedAccount {
  username: string;
  password: string;
}

/** `username`/`password` from the form body or the query string (Diafaan, Route Mobile, span gateway JSON uses its own). */
export function parameterCredentials(
  request: SimulatorRequest,
  names: { username: string; password: string } = { username: 'username', password: 'password' },
): { username?: string; password?: string } {
  return {
    username: request.form[names.username] ?? request.query[names.username],
    password: request.form[names.password] ?? request.query[names.password],
  };
}

/** The user and password of an `Authorization: Basic …` header, or undefined when absent/malformed. */
export function basicCredentials(request: SimulatorRequest): SimulatedAccount | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** True when `account` matches one of `accounts` exactly. */
export function isKnownAccount(accounts: readonly SimulatedAccount[], account: { username?: string; password?: string } | undefined): boolean {
  return !!account && accounts.some((known) => known.username === account.username && known.password === (account.password ?? ''));
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** Parses `Digest a="b", c=d` into its fields. */
export function parseDigestHeader(header: string): Record<string, string> | undefined {
  const match = /^Digest\s+(.*)$/is.exec(header.trim());
  if (!match) return undefined;
  const fields: Record<string, string> = {};
  const pattern = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (let found = pattern.exec(match[1]!); found; found = pattern.exec(match[1]!)) {
    fields[found[1]!.toLowerCase()] = (found[2] ?? found[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return fields;
}

/**
 * HTTP Digest (RFC 7616, MD5, qop=auth) as embedded gateways do it: `challenge()` gives the
 * `WWW-Authenticate` value, `verify()` checks an `Authorization: Digest …` header.
 * Nonces are per authenticator instance (one per simulator).
 */
export class DigestAuthenticator {
  private readonly nonces = new Set<string>();

  constructor(
    private readonly realm: string,
    private readonly accounts: () => readonly SimulatedAccount[],
  ) {}

  challenge(stale = false): string {
    const nonce = randomBytes(16).toString('hex');
    this.nonces.add(nonce);
    if (this.nonces.size > 1000) this.nonces.delete(this.nonces.values().next().value as string);
    return `Digest realm="${this.realm}", qop="auth", nonce="${nonce}", opaque="${md5(this.realm)}", algorithm=MD5${stale ? ', stale=true' : ''}`;
  }

  /** The user name when the header proves knowledge of that user's password, else undefined. */
  verify(request: SimulatorRequest, rawUri: string): string | undefined {
    const header = request.headers.authorization;
    const fields = header ? parseDigestHeader(header) : undefined;
    if (!fields || !fields['username'] || !fields['nonce'] || !fields['response']) return undefined;
    if (!this.nonces.has(fields['nonce'])) return undefined;
    const account = this.accounts().find((known) => known.username === fields['username']);
    if (!account) return undefined;
    const uri = fields['uri'] ?? rawUri;
    const ha1 = md5(`${account.username}:${fields['realm'] ?? this.realm}:${account.password}`);
    const ha2 = md5(`${request.method}:${uri}`);
    const expected = fields['qop']
      ? md5(`${ha1}:${fields['nonce']}:${fields['nc']}:${fields['cnonce']}:${fields['qop']}:${ha2}`)
      : md5(`${ha1}:${fields['nonce']}:${ha2}`);
    return expected === fields['response'].toLowerCase() ? account.username : undefined;
  }
}
