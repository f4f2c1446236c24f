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

/** A raw query or body, read as JSON or as form fields. */
export type PushText = { json: unknown } | { form: URLSearchParams };

/**
 * Reads a raw query or body: JSON when the content type says so or it starts with `{`, else
 * form-encoded (a leading `?` allowed); undefined when blank. JSON that does not parse is the
 * gateway's mistake, reported with `unparsableJson`.
 */
export function readPushText(source: string, contentType: string, unparsableJson: (cause: unknown) => InvalidRequestError): PushText | undefined {
  const text = source.trim();
  if (text === '') return undefined;
  if (/json/i.test(contentType) || text.startsWith('{')) {
    try {
      return { json: JSON.parse(text) };
    } catch (cause) {
      throw unparsableJson(cause);
    }
  }
  return { form: new URLSearchParams(text.replace(/^\?/, '')) };
}

function collect(target: Record<string, string>, source: PushCall['query'] | PushCall['body'], contentType = ''): void {
  if (source === undefined || source === null) return;
  if (typeof source === 'string') {
    const read = readPushText(
      source,
      contentType,
      (cause) => new InvalidRequestError('The push body looks like JSON but cannot be parsed: check what the gateway sends to this URL', { cause }),
    );
    if (read && 'json' in read) {
      if (read.json && typeof read.json === 'object') collect(target, read.json as Record<string, unknown>);
    } else if (read) {
      for (const [name, value] of read.form) target[name] = value;
    }
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
