import { InvalidRequestError } from '../../errors';

/** One HTTP call a gateway made to a receiver, as a host (n8n webhook, Node-RED http in) hands it over. */
export interface PushCall {
  method?: string;
  /** `a=1&b=2` (with or without `?`), URLSearchParams or an already parsed query object. */
  query?: string | URLSearchParams | Record<string, unknown>;
  /** Form-encoded or JSON body, raw or already parsed. */
  body?: string | Record<string, unknown>;
  contentType?: string;
}

function collect(target: Record<string, string>, source: PushCall['query'] | PushCall['body'], contentType = ''): void {
  if (source === undefined || source === null) return;
  if (typeof source === 'string') {
    const text = source.trim();
    if (text === '') return;
    if (/json/i.test(contentType) || text.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (cause) {
        throw new InvalidRequestError('The push body looks like JSON but cannot be parsed: check what the gateway sends to this URL', { cause });
      }
      if (parsed && typeof parsed === 'object') collect(target, parsed as Record<string, unknown>);
      return;
    }
    for (const [name, value] of new URLSearchParams(text.replace(/^\?/, ''))) target[name] = value;
    return;
  }
  if (source instanceof URLSearchParams) {
    for (const [name, value] of source) target[name] = value;
    return;
  }
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value === null) continue;
    target[name] = Array.isArray(value) ? String(value[0] ?? '') : String(value);
  }
}

/** Query and body merged (body wins), whatever form either came in. */
export function pushCallFields(call: PushCall): Record<string, string> {
  const fields: Record<string, string> = {};
  collect(fields, call.query);
  collect(fields, call.body, call.contentType);
  return fields;
}
