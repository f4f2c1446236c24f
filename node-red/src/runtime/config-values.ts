import { InvalidRequestError } from '@smsbridge/core';

/** What a form leaves blank is not set: the vendor's default applies. */
function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The vendor settings a gateway config node keeps as one object (a string of JSON from older exports too). */
export function readSettings(settings: unknown): Record<string, unknown> {
  if (settings === undefined || settings === null || settings === '') return {};
  if (typeof settings === 'string') {
    try {
      return readSettings(JSON.parse(settings));
    } catch {
      throw new InvalidRequestError('The gateway settings of this configuration are not valid JSON: open the configuration and save it again.');
    }
  }
  if (typeof settings !== 'object' || Array.isArray(settings)) {
    throw new InvalidRequestError('The gateway settings of this configuration are not an object: open the configuration and save it again.');
  }
  return settings as Record<string, unknown>;
}

/** The vendor's secret settings (a push secret …), kept as one JSON credential so they never land in the flow. */
function readSecretSettings(json: string | undefined): Record<string, unknown> {
  if (!isSet(json)) return {};
  try {
    const parsed = JSON.parse(json!) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InvalidRequestError('The secret settings of this gateway configuration are unreadable: open the configuration, enter them again and save.');
}

/** Connection values of an HTTP gateway config node, as the registry reads them. */
export function gatewayValues(
  config: { url?: unknown; settings?: unknown },
  credentials: { username?: string; password?: string; secretSettings?: string } = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries({ ...readSettings(config.settings), ...readSecretSettings(credentials.secretSettings) })) if (isSet(value)) values[name] = value;
  if (isSet(config.url)) values['url'] = String(config.url).trim();
  if (isSet(credentials.username)) values['username'] = credentials.username;
  if (isSet(credentials.password)) values['password'] = credentials.password;
  return values;
}

/** Connection values of a modem config node. */
export function modemValues(config: { port?: unknown; baudRate?: unknown }, credentials: { pin?: string } = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (isSet(config.port)) values['port'] = String(config.port).trim();
  if (isSet(config.baudRate)) values['baudRate'] = config.baudRate;
  if (isSet(credentials.pin)) values['pin'] = credentials.pin;
  return values;
}
