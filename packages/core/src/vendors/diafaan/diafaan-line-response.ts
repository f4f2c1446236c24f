/** One line of a Web connector text answer, classified by its prefix. */
export type DiafaanLine =
  | { kind: 'ok'; value: string; line: string }
  | { kind: 'error'; code?: number; text: string; line: string }
  | { kind: 'status'; code: number; text: string; line: string }
  | { kind: 'error-code'; code: number; text: string; line: string }
  | { kind: 'gateway'; name: string; line: string }
  | { kind: 'other'; line: string };

const CODE_AND_TEXT = /^\s*(\d+)\s*(.*)$/s;

function codeAndText(rest: string): { code?: number; text: string } {
  const match = CODE_AND_TEXT.exec(rest);
  return match ? { code: Number(match[1]), text: match[2]!.trim() } : { text: rest.trim() };
}

/** Classifies one line: `OK: id`, `ERROR:304 text`, `ERROR: text`, `STATUS:201 Received`, `ERROR-CODE:…`, `GATEWAY:name`. */
export function parseDiafaanLine(raw: string): DiafaanLine {
  const line = raw.trim();
  const colon = line.indexOf(':');
  const prefix = colon < 0 ? '' : line.slice(0, colon).trim().toUpperCase();
  const rest = colon < 0 ? '' : line.slice(colon + 1);
  switch (prefix) {
    case 'OK':
      return { kind: 'ok', value: rest.trim(), line };
    case 'ERROR':
      return { kind: 'error', ...codeAndText(rest), line };
    case 'STATUS':
    case 'ERROR-CODE': {
      const { code, text } = codeAndText(rest);
      if (code === undefined) return { kind: 'other', line };
      return { kind: prefix === 'STATUS' ? 'status' : 'error-code', code, text, line };
    }
    case 'GATEWAY':
      return { kind: 'gateway', name: rest.trim(), line };
    default:
      return { kind: 'other', line };
  }
}

/** Splits a body on CR/LF, trims, drops blank lines, classifies each. */
export function parseDiafaanLines(body: string): DiafaanLine[] {
  return body
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(parseDiafaanLine);
}
