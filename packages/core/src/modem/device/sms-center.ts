/** `+CSCA: "<sca>",<tosca>` → the SMSC number; some modems give it UCS-2 hex under `+CSCS="UCS2"`. */
export function parseSmsCenter(line: string): string | undefined {
  const match = /^\+CSCA:\s*"([^"]*)"/i.exec(line);
  if (!match || match[1] === '') return undefined;
  const value = match[1]!;
  if (/^(00[0-9A-F]{2})+$/i.test(value) && value.length >= 8) {
    return Buffer.from(value, 'hex').swap16().toString('utf16le');
  }
  return value;
}
