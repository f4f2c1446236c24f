/**
 * The gateway gives no message id: its outbox lists number, time, text and status only. The
 * client therefore names a sent message by what identifies it in the outbox — the number, when it
 * was sent and a hash of the text — as `<number>|<epoch ms>|<fnv1a-32 hex>`.
 */
export interface SpangwMessageReference {
  phoneNumber: string;
  sentAt: number;
  textHash: string;
}

/** FNV-1a over the UTF-16 code units: short, stable, enough to tell texts to one number apart. */
export function spangwTextHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function formatSpangwMessageReference(reference: SpangwMessageReference): string {
  return `${reference.phoneNumber}|${reference.sentAt}|${reference.textHash}`;
}

/** Undefined when the id was not made by {@link formatSpangwMessageReference}. */
export function parseSpangwMessageReference(messageId: string): SpangwMessageReference | undefined {
  const match = /^([^|]+)\|(\d+)\|([0-9a-f]{8})$/.exec(messageId);
  if (!match) return undefined;
  return { phoneNumber: match[1], sentAt: Number(match[2]), textHash: match[3] };
}
