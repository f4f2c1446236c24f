/** A caller's option value for an error message; never throws, whatever was passed (null-prototype objects, symbols …). */
export function describeOptionValue(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value instanceof Date ? 'a Date' : 'an object';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
