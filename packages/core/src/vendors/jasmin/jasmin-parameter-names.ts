/**
 * Jasmin's REST layer rewrites `_` to `-` in every key before handing it to its HTTP API, so
 * `dlr_url` and `dlr-url` are the same parameter. Keys are compared in this canonical form.
 */
export function canonicalJasminKey(key: string): string {
  return key.replace(/_/g, '-');
}

/** A copy of `fields` with canonical keys; a later spelling of the same key wins, as on the server. */
export function canonicalJasminFields(fields: Record<string, unknown>): Record<string, unknown> {
  const canonical: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) canonical[canonicalJasminKey(key)] = value;
  return canonical;
}

/** Parameters the Jasmin HTTP API knows for one message (after canonicalisation). */
export const JASMIN_MESSAGE_PARAMETERS: ReadonlySet<string> = new Set([
  'to',
  'from',
  'coding',
  'username',
  'password',
  'priority',
  'sdt',
  'validity-period',
  'dlr',
  'dlr-url',
  'dlr-level',
  'dlr-method',
  'tags',
  'content',
  'hex-content',
]);

/** `coding` values Jasmin accepts (SMPP data_coding 0–10, 13, 14). */
export const JASMIN_CODINGS: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14]);
