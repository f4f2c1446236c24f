import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidRequestError } from '../errors/gateway-errors';

/** Shortest token the bridge takes: a guessable token on a network port is no protection. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * The bridge's bearer token. A request's `Authorization: Bearer …` is compared through SHA-256
 * digests with `timingSafeEqual`, so neither the content nor the length of the token leaks
 * through timing. The token itself is never logged or echoed.
 */
export class BearerToken {
  private readonly digest: Buffer;

  constructor(token: string) {
    const trimmed = token.trim();
    if (trimmed.length < MIN_TOKEN_LENGTH || /\s/.test(trimmed)) {
      throw new InvalidRequestError(`The bridge token must be at least ${MIN_TOKEN_LENGTH} characters without spaces (e.g. openssl rand -hex 24).`, {
        details: { option: 'token' },
      });
    }
    this.digest = createHash('sha256').update(trimmed, 'utf8').digest();
  }

  /** Whether an `Authorization` header carries this token. */
  accepts(authorization: string | undefined): boolean {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const given = createHash('sha256')
      .update(match ? match[1]! : '', 'utf8')
      .digest();
    return timingSafeEqual(given, this.digest) && match !== null;
  }
}
