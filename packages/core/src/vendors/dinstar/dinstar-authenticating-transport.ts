import type { HttpRequest, HttpResponse, HttpTransport } from '../../transport/http-transport';
import { joinUrlPath } from '../../transport/query-string';
import { DigestClientSession, parseDigestChallenge } from './dinstar-digest-auth';

export type DinstarAuthScheme = 'digest' | 'basic';

export interface DinstarAuthenticatingTransportOptions {
  transport: HttpTransport;
  username: string;
  password: string;
  /** Digest (default, what production clients use) or Basic (accepted by some firmware). */
  scheme?: DinstarAuthScheme;
  /** Path of the base URL (`/gw` in `https://host/gw`): part of the URI the Digest response signs. */
  basePath?: string;
  /**
   * Reuse the transport's pooled connections (default true). `false` sends `Connection: close` on
   * every request, for a box that cannot cope with keep-alive at all.
   */
  keepAlive?: boolean;
  newClientNonce?: () => string;
}

/** `a=1&port=1,2,3`: commas stay literal, as the API's list parameters are written. */
function encodeQuery(query: HttpRequest['query']): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value)).replace(/%2C/gi, ',')}`);
  }
  return pairs.join('&');
}

/**
 * Adds the gateway's HTTP authentication to every request. Digest is sent at once when a nonce is
 * known (a probe would count as a failed login on some firmware); without one, the request goes
 * out bare and the 401 challenge is answered. A 401 on an authenticated request is retried once
 * with the new challenge — a 401 means the gateway did not act, so even a send may be repeated —
 * on a fresh connection, as boxes answer sporadic 401s on reused ones.
 */
export class DinstarAuthenticatingTransport implements HttpTransport {
  private readonly inner: HttpTransport;
  private readonly scheme: DinstarAuthScheme;
  private readonly basePath: string;
  private readonly keepAlive: boolean;
  private readonly digest: DigestClientSession;
  private readonly basic: string;

  constructor(options: DinstarAuthenticatingTransportOptions) {
    this.inner = options.transport;
    this.scheme = options.scheme ?? 'digest';
    this.basePath = (options.basePath ?? '').replace(/\/+$/, '');
    this.keepAlive = options.keepAlive ?? true;
    this.digest = new DigestClientSession(options.username, options.password, options.newClientNonce);
    this.basic = `Basic ${Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64')}`;
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const query = encodeQuery(request.query);
    const path = query ? `${request.path}?${query}` : request.path;
    const signedUri = joinUrlPath(this.basePath, path);
    const send = (authorization: string | undefined, { retry = false } = {}): Promise<HttpResponse> =>
      this.inner.request({
        method: request.method,
        path,
        headers: {
          ...request.headers,
          ...(authorization ? { authorization } : {}),
          ...(this.keepAlive ? {} : { connection: 'close' }),
        },
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
        ...(request.idempotent === undefined ? {} : { idempotent: request.idempotent }),
        ...(retry || request.freshConnection ? { freshConnection: true } : {}),
      });

    if (this.scheme === 'basic') {
      const first = await send(this.basic);
      return first.status === 401 ? send(this.basic, { retry: true }) : first;
    }

    let response: HttpResponse;
    if (!this.digest.hasChallenge) {
      response = await send(undefined);
      if (response.status !== 401 || !this.takeChallenge(response)) return response;
    }
    response = await send(this.digest.authorization(request.method, signedUri));
    if (response.status !== 401) return response;
    // Sporadic 401 (expired nonce, reused connection): one retry with the challenge it carried.
    if (!this.takeChallenge(response)) return response;
    response = await send(this.digest.authorization(request.method, signedUri), { retry: true });
    if (response.status === 401) this.digest.forget();
    return response;
  }

  /** Whether a request can carry the account at once (Basic, or Digest with a nonce). */
  get knowsChallenge(): boolean {
    return this.scheme === 'basic' || this.digest.hasChallenge;
  }

  /**
   * Learns the Digest challenge from a bare request to `path` (a harmless read), so the request
   * that follows — a send — goes out signed once instead of bare first. The bare request counts as
   * a failed login on some firmware, like the bare send it replaces. Answers other than the 401
   * challenge are returned for the caller to read.
   */
  async learnChallenge(path: string): Promise<HttpResponse | undefined> {
    if (this.knowsChallenge) return undefined;
    const response = await this.inner.request({
      method: 'GET',
      path,
      headers: { accept: 'application/json', ...(this.keepAlive ? {} : { connection: 'close' }) },
      idempotent: true,
    });
    if (response.status === 401 && this.takeChallenge(response)) return undefined;
    return response;
  }

  async close(): Promise<void> {
    await this.inner.close();
  }

  private takeChallenge(response: HttpResponse): boolean {
    const challenge = parseDigestChallenge(response.headers['www-authenticate']);
    if (!challenge) return false;
    this.digest.accept(challenge);
    return true;
  }
}
