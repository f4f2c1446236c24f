import { createHash } from 'node:crypto';
import { InvalidRequestError } from '../errors/gateway-errors';

/** Where the bridge pushes, and the secret it signs those pushes with. */
export interface PushTargetSettings {
  url: string;
  secret: string;
}

/**
 * A push target as the bridge keeps it: an id derived from the URL (so the journal knows it again
 * after a restart), and a label for logs that never shows the URL's path or query, which often
 * carry a secret (`/webhook/…/<secret>`).
 */
export class PushTarget {
  readonly id: string;
  readonly label: string;

  constructor(readonly url: string, readonly secret: string) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InvalidRequestError('A push URL is not a valid URL: write it as http(s)://host:port/path.', { details: { option: 'push' } });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new InvalidRequestError(`A push URL must start with http:// or https://, not ${parsed.protocol}//.`, { details: { option: 'push' } });
    }
    if (parsed.username !== '' || parsed.password !== '') {
      throw new InvalidRequestError('A push URL must not contain a user or password; the pushes are signed with the push secret instead.', { details: { option: 'push' } });
    }
    if (secret === '') throw new InvalidRequestError('Pushes are signed: give a push secret (--push-secret) that the receiving node also has.', { details: { option: 'push-secret' } });
    this.id = createHash('sha256').update(url).digest('base64url').slice(0, 12);
    this.label = `${parsed.origin} (#${this.id})`;
  }
}
