/**
 * JSON as Python's `json.dumps` writes it with its defaults (Jasmin's REST API is Python):
 * `", "` and `": "` separators and every non-ASCII character escaped as `\uXXXX`. Floats with
 * no fraction keep their `.0` only when the caller passes them as `PythonFloat`.
 */
export class PythonFloat {
  constructor(readonly value: number) {}
}

function pythonString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function pythonJson(value: unknown): string {
  if (value instanceof PythonFloat) return Number.isInteger(value.value) ? `${value.value}.0` : String(value.value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pythonString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => pythonJson(item)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${pythonString(key)}: ${pythonJson(item)}`).join(', ')}}`;
  }
  return 'null';
}
