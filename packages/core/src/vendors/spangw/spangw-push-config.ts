/**
 * `/smsoutbox/get_config` / `set_config`. The `url_http/host/port/path` fields build the URL the
 * gateway calls; the other `url_*` fields are the query parameter *names* it uses in that call,
 * e.g. `url_from_num: "from"` makes it send `…?from=<number>`.
 */
export interface SpangwPushParameterNames {
  fromNumber: string;
  toNumber: string;
  portName: string;
  message: string;
  time: string;
  imsi: string;
  status: string;
}

export interface SpangwPushConfig {
  enabled: boolean;
  /** Delivery reports (`DELIVERD`). */
  reportsEnabled: boolean;
  /** Send results (`SENT`, `FAILED`). */
  resultsEnabled: boolean;
  /** `http` or `https`. */
  scheme: string;
  host: string;
  port: string;
  path: string;
  names: SpangwPushParameterNames;
  /** Extra query text the gateway appends verbatim (`url_user_defined`), e.g. `token=abc`. */
  userDefined: string;
}

const NAME_FIELDS: ReadonlyArray<[keyof SpangwPushParameterNames, string]> = [
  ['fromNumber', 'url_from_num'],
  ['toNumber', 'url_to_num'],
  ['portName', 'url_portname'],
  ['message', 'url_message'],
  ['time', 'url_time'],
  ['imsi', 'url_imsi'],
  ['status', 'url_status'],
];

/** Names a freshly configured receiver expects when the user has not chosen others. */
export const SPANGW_DEFAULT_PUSH_NAMES: Readonly<SpangwPushParameterNames> = {
  fromNumber: 'from',
  toNumber: 'to',
  portName: 'portname',
  message: 'message',
  time: 'time',
  imsi: 'imsi',
  status: 'status',
};

function flag(value: unknown): boolean {
  return value === 1 || value === '1' || value === true || value === 'true' || value === 'on';
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Reads the `data` of `get_config` (an object, or a one-element array of it). */
export function parseSpangwPushConfig(data: unknown): SpangwPushConfig {
  const record = (Array.isArray(data) ? data[0] : data) as Record<string, unknown> | undefined;
  const source = record && typeof record === 'object' ? record : {};
  const names = { ...SPANGW_DEFAULT_PUSH_NAMES };
  for (const [key, wire] of NAME_FIELDS) names[key] = text(source[wire]);
  return {
    enabled: flag(source.enable),
    reportsEnabled: flag(source.reports_enable),
    resultsEnabled: flag(source.results_enable),
    scheme: text(source.url_http),
    host: text(source.url_host),
    port: text(source.url_port),
    path: text(source.url_path),
    names,
    userDefined: text(source.url_user_defined),
  };
}

/** `set_config`'s fields under the document's own names: the switches as 1/0, the rest as text. */
export type SpangwPushConfigFields = Record<string, string | number>;

/** The switches of `set_config` (1 on, 0 off). */
export const SPANGW_PUSH_SWITCH_FIELDS = ['enable', 'reports_enable', 'results_enable'] as const;

/** The text fields of `set_config`: where the push goes, then the parameter names it uses, then extra query text. */
export const SPANGW_PUSH_TEXT_FIELDS = [
  'url_http',
  'url_host',
  'url_port',
  'url_path',
  'url_from_num',
  'url_to_num',
  'url_portname',
  'url_message',
  'url_time',
  'url_imsi',
  'url_status',
  'url_user_defined',
] as const;

/** The document's name of each push parameter name (`fromNumber` is set by `url_from_num`). */
export const SPANGW_PUSH_NAME_FIELDS = NAME_FIELDS;

/** The request fields of `set_config`. */
export function spangwPushConfigFields(config: SpangwPushConfig): SpangwPushConfigFields {
  const fields: SpangwPushConfigFields = {
    enable: config.enabled ? 1 : 0,
    reports_enable: config.reportsEnabled ? 1 : 0,
    results_enable: config.resultsEnabled ? 1 : 0,
    url_http: config.scheme,
    url_host: config.host,
    url_port: config.port,
    url_path: config.path,
    url_user_defined: config.userDefined,
  };
  for (const [key, wire] of NAME_FIELDS) fields[wire] = config.names[key];
  return fields;
}

/**
 * A receiver URL as `set_config`'s location fields: the gateway calls
 * `{url_http}://{url_host}:{url_port}{url_path}?<its parameters>&{url_user_defined}`, so a query
 * already in the URL travels as `url_user_defined`.
 */
export function spangwPushLocationFields(url: string): SpangwPushConfigFields {
  const parsed = new URL(url);
  const scheme = parsed.protocol.replace(/:$/, '');
  return {
    url_http: scheme,
    url_host: parsed.hostname,
    url_port: parsed.port || (scheme === 'https' ? '443' : '80'),
    url_path: parsed.pathname || '/',
    url_user_defined: parsed.search.replace(/^\?/, ''),
  };
}
