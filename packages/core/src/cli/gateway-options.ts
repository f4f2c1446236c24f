import { readFile } from 'node:fs/promises';
import type { TlsOptions } from '../transport/http-transport';
import type { GatewayKey } from '../vendors/gateway-client';
import type { VendorRegistry } from '../vendors/registry';
import type { VendorClientOptions } from '../vendors/vendor-entry';
import type { CliIo } from './cli-command';
import { CliUsageError } from './cli-usage-error';
import { parseKeyValueOptions } from './key-value-options';
import { parseIntegerOption } from './parse-command-args';

/** The environment variable that carries the gateway password, so it stays out of shell history. */
export const PASSWORD_ENV_VARIABLE = 'SMSBRIDGE_PASSWORD';

/** Options every gateway subcommand (`send`, `status`, `inbox`, `ussd`, `admin`) takes. */
export const gatewayOptionSpecs = {
  gateway: { type: 'string' },
  url: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  insecure: { type: 'boolean' },
  ca: { type: 'string' },
  timeout: { type: 'string' },
  option: { type: 'string', multiple: true },
  pretty: { type: 'boolean' },
} as const;

export interface GatewayOptionValues {
  gateway?: string;
  url?: string;
  username?: string;
  password?: string;
  insecure?: boolean;
  ca?: string;
  timeout?: string;
  option?: string[];
  pretty?: boolean;
}

export const gatewayOptionsUsage = `Gateway options:
  --gateway <key>        diafaan, routesms, spangw, jasmin or dinstar
  --url <base>           the gateway's base URL, http(s)://host:port[/prefix]
  --username <name>      account name
  --password <secret>    account password; better: set ${PASSWORD_ENV_VARIABLE} (kept out of shell history)
  --insecure             accept any TLS certificate (self-signed LAN boxes)
  --ca <file>            trust this PEM CA for the gateway's certificate
  --timeout <ms>         connect and request timeout in milliseconds
  --option key=value     client setting of one vendor (repeatable), e.g. authScheme=basic (dinstar),
                         defaultSource=MyShop (routesms), successCodes=0,200 (spangw);
                         key:=json for numbers, lists and objects, e.g. ports:=[1,2]
  --pretty               indent the JSON output`;

/** The environment as the CLI entry hands it over (`io.env`); commands never read `process.env`. */
export type CliEnvironment = Readonly<Record<string, string | undefined>>;

function environmentOf(io: CliIo): CliEnvironment {
  return io.env ?? {};
}

/** A gateway connection as the command line describes it. */
export interface GatewayConnection {
  gateway: GatewayKey;
  clientOptions: VendorClientOptions;
}

/**
 * Reads `--gateway`, `--url`, credentials, TLS and timeouts into the options of the vendor's
 * `createClient`. `--password` wins over ${PASSWORD_ENV_VARIABLE}. No message here quotes the
 * URL or the password: a URL may carry credentials.
 */
export async function readGatewayConnection(
  commandName: string,
  values: GatewayOptionValues,
  io: CliIo,
  registry: VendorRegistry,
): Promise<GatewayConnection> {
  const gateway = values.gateway?.trim();
  if (!gateway) throw new CliUsageError(`--gateway is required: one of ${registry.keys().join(', ')}`, commandName);
  if (!registry.has(gateway)) throw new CliUsageError(`unknown gateway '${gateway}': use one of ${registry.keys().join(', ')}`, commandName);
  const baseUrl = checkedBaseUrl(commandName, values.url);

  const clientOptions: VendorClientOptions = { baseUrl };
  if (values.username !== undefined) clientOptions.username = values.username;
  const password = values.password ?? environmentOf(io)[PASSWORD_ENV_VARIABLE];
  if (password !== undefined) clientOptions.password = password;

  const tls = await tlsOptions(commandName, values);
  if (tls) clientOptions.tls = tls;
  if (values.timeout !== undefined) {
    const timeoutMs = parseIntegerOption(commandName, 'timeout', values.timeout, 1, 3_600_000);
    clientOptions.connectTimeoutMs = timeoutMs;
    clientOptions.requestTimeoutMs = timeoutMs;
  }
  const vendorOptions = parseKeyValueOptions(commandName, 'option', values.option);
  if (Object.keys(vendorOptions).length > 0) clientOptions.vendorOptions = vendorOptions;
  return { gateway, clientOptions };
}

function checkedBaseUrl(commandName: string, url: string | undefined): string {
  if (url === undefined || url.trim() === '') throw new CliUsageError('--url is required', commandName);
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new CliUsageError('--url is not a valid URL: give http(s)://host:port[/prefix]', commandName);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliUsageError(`--url must start with http:// or https://, got ${parsed.protocol}//…`, commandName);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new CliUsageError(`--url must not contain credentials: use --username and ${PASSWORD_ENV_VARIABLE}`, commandName);
  }
  return url.trim();
}

async function tlsOptions(commandName: string, values: GatewayOptionValues): Promise<TlsOptions | undefined> {
  if (values.insecure && values.ca !== undefined) throw new CliUsageError('use either --insecure or --ca, not both', commandName);
  if (values.insecure) return { rejectUnauthorized: false };
  if (values.ca === undefined) return undefined;
  try {
    return { ca: await readFile(values.ca, 'utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliUsageError(`cannot read --ca file '${values.ca}' (${reason})`, commandName, error);
  }
}
