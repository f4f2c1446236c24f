import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/** `sha256=<hex>` of HMAC-SHA256(secret, payload): how the bridge signs a push. */
export function signPushPayload(secret: string, payload: string): string {
  return PREFIX + createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}

/** Whether `signature` is the push secret's signature of `payload`, compared in constant time. */
export function pushSignatureMatches(secret: string, payload: string, signature: string): boolean {
  const expected = Buffer.from(signPushPayload(secret, payload), 'utf8');
  const given = Buffer.from(signature.trim().toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
