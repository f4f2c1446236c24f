import { InvalidRequestError } from '../../errors/gateway-errors';
import type { TlsOptions } from '../../transport/http-transport';
import type { ConnectContext, VendorClientOptions } from '../vendor-entry';
import type { FieldDescriptor } from './field-descriptor';

export interface HttpConnectionFieldsOptions {
  /** Shown as the URL placeholder, e.g. `http://192.168.1.10:9710`. */
  urlExample: string;
  usernameRequired: boolean;
  passwordRequired: boolean;
  /** What the account is (`the gateway's web account`, `the Jasmin user`). */
  accountHint: string;
}

/** Names of the connection fields every HTTP gateway has. */
export const HTTP_CONNECTION_FIELD_NAMES = ['url', 'username', 'password', 'allowUnauthorizedCerts', 'ca', 'timeoutMs'] as const;

/** URL, account, TLS and timeout: the connection fields every HTTP gateway shares. */
export function httpConnectionFields(options: HttpConnectionFieldsOptions): FieldDescriptor[] {
  return [
    { name: 'url', displayName: 'URL', type: 'url', required: true, placeholder: options.urlExample, description: `Base URL of the gateway, scheme, host and port, e.g. ${options.urlExample}.` },
    { name: 'username', displayName: 'Username', type: 'string', required: options.usernameRequired, description: `User name of ${options.accountHint}.` },
    { name: 'password', displayName: 'Password', type: 'string', secret: true, required: options.passwordRequired, description: `Password of ${options.accountHint}.` },
    {
      name: 'allowUnauthorizedCerts',
      displayName: 'Ignore TLS Certificate Errors',
      type: 'boolean',
      default: false,
      description: 'Accept any certificate: only for a LAN gateway with a self-signed certificate.',
    },
    { name: 'ca', displayName: 'Custom CA (PEM)', type: 'string', description: 'PEM of the certificate authority that signed the gateway\'s certificate, instead of ignoring errors.' },
    { name: 'timeoutMs', displayName: 'Timeout (ms)', type: 'number', min: 100, max: 3_600_000, default: 30_000, description: 'How long to wait to connect and for each answer.' },
  ];
}

/**
 * The client options for read connection values: the shared HTTP fields become URL, credentials,
 * TLS and timeouts; every other field is the vendor's own setting (`vendorOptions`).
 */
export function httpClientOptions(settings: Readonly<Record<string, unknown>>, context: ConnectContext = {}): VendorClientOptions {
  const url = settings['url'];
  if (typeof url !== 'string' || url === '') throw new InvalidRequestError('The gateway URL is missing: give http(s)://host:port.');
  const parsed = new URL(url);
  if (parsed.username !== '' || parsed.password !== '') {
    throw new InvalidRequestError('The gateway URL must not contain credentials: put them in the username and password fields.');
  }
  const options: VendorClientOptions = { baseUrl: url };
  if (typeof settings['username'] === 'string') options.username = settings['username'];
  if (typeof settings['password'] === 'string') options.password = settings['password'];
  if (settings['allowUnauthorizedCerts'] === true && typeof settings['ca'] === 'string') {
    throw new InvalidRequestError('Either ignore TLS certificate errors or give a custom CA, not both.');
  }
  const tls: TlsOptions | undefined =
    settings['allowUnauthorizedCerts'] === true ? { rejectUnauthorized: false } : typeof settings['ca'] === 'string' ? { ca: settings['ca'] } : undefined;
  if (tls) options.tls = tls;
  if (typeof settings['timeoutMs'] === 'number') {
    options.connectTimeoutMs = settings['timeoutMs'];
    options.requestTimeoutMs = settings['timeoutMs'];
  }
  if (context.transport) options.transport = context.transport;
  if (context.clock) options.clock = context.clock;
  const own = Object.entries(settings).filter(([name]) => !(HTTP_CONNECTION_FIELD_NAMES as readonly string[]).includes(name));
  if (own.length > 0) options.vendorOptions = Object.fromEntries(own);
  return options;
}
