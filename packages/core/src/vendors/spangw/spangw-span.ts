/** One GSM port as `/sms/get_valid_spans` lists it. `port` is the value `/sms/send` takes in `spans`. */
export interface SpangwSpan {
  port: number;
  /** e.g. `gsm-1.2`. */
  portName: string;
  /** `status` 1 on the wire. */
  available: boolean;
}

function asInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

/** Spans from the `data` of `/sms/get_valid_spans`; entries without a usable port are skipped. */
export function parseSpangwSpans(data: unknown): SpangwSpan[] {
  const list = Array.isArray(data) ? data : [];
  const spans: SpangwSpan[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const record = item as Record<string, unknown>;
    const port = asInteger(record.port);
    if (port === undefined) continue;
    spans.push({ port, portName: String(record.port_name ?? record.portname ?? ''), available: asInteger(record.status) === 1 });
  }
  return spans;
}
