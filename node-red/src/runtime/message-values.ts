/** A property of the message when it is set there, else the node's own setting; blanks count as unset. */
export function pick(msg: Record<string, unknown>, config: Record<string, unknown>, name: string, msgName = name): unknown {
  const fromMsg = msg[msgName];
  if (fromMsg !== undefined && fromMsg !== null && fromMsg !== '') return fromMsg;
  const fromConfig = config[name];
  return fromConfig === '' || fromConfig === null ? undefined : fromConfig;
}

/** A JSON object typed in a node's dialog (vendor options, command arguments), or the object a message carries. */
export function readObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new Error(`${what} must be a JSON object such as {"name": "value"}: ${value.slice(0, 60)}`);
    }
    return readObject(parsed, what);
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${what} must be an object of names and values.`);
  return value as Record<string, unknown>;
}

/** Whether a flag given as true/false, "true"/"false" or 1/0 is on. */
export function isOn(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === '1';
}
