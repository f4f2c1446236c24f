/**
 * Extracts the ICCID from `+CCID: …`, `+QCCID: …`, `^ICCID: …` or a bare line. Huawei's `^ICCID`
 * gives EF-ICCID's nibble-swapped bytes (`98…` for `89…`), so those are swapped back; a trailing
 * `F` pad is dropped.
 */
export function parseIccid(line: string): string | undefined {
  const match = /^(?:([+^][A-Z]*CCID):\s*)?"?([0-9A-Fa-f]{18,20})"?$/i.exec(line.trim());
  if (!match) return undefined;
  let digits = match[2]!.toUpperCase();
  if (match[1]?.toUpperCase() === '^ICCID' && digits.startsWith('98')) {
    digits = digits.replace(/(.)(.)/g, '$2$1');
  }
  return digits.replace(/F+$/, '');
}
