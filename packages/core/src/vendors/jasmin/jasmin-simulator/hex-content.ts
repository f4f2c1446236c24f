/** `hex-content` as text: UCS-2 for coding 8, one Latin-1 character per byte otherwise. */
export function decodeHexContent(hex: string, coding: number): string {
  const bytes = Buffer.from(hex, 'hex');
  if (coding === 8) return bytes.swap16().toString('utf16le');
  return bytes.toString('latin1');
}
