/** `+COPS: <mode>[,<format>,<oper>[,<AcT>]]` (3GPP TS 27.007 §7.3). */
export interface NetworkOperator {
  /** Name or numeric MCC+MNC, as the modem gave it; undefined when not registered. */
  name?: string;
  format?: 'long' | 'short' | 'numeric';
  accessTechnology?: number;
}

const formats = ['long', 'short', 'numeric'] as const;

export function parseNetworkOperator(line: string): NetworkOperator | undefined {
  const match = /^\+COPS:\s*(\d+)(?:\s*,\s*(\d+)\s*,\s*"([^"]*)"(?:\s*,\s*(\d+))?)?/i.exec(line);
  if (!match) return undefined;
  const operator: NetworkOperator = {};
  if (match[3] !== undefined) {
    operator.name = match[3];
    operator.format = formats[Number(match[2])] ?? 'long';
  }
  if (match[4] !== undefined) operator.accessTechnology = Number(match[4]);
  return operator;
}
