import { readFile } from 'node:fs/promises';
import type { GatewayKey } from '../vendors/gateway-client';
import type { VendorRegistry } from '../vendors/registry';
import type { CliIo } from './cli-command';
import { CliUsageError } from './cli-usage-error';
import { parseKeyValueOptions } from './key-value-options';

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
  --gateway <key>        the gateway: diafaan, routesms, spangw, jasmin or dinstar
                         (\`smsbridge describe --gateway <key>\` lists its settings, send options and commands)
  --url <base>           the gateway's base URL, http(s)://host:port[/prefix]
  --username <name>      account name
  --password <secret>    account password; better: set ${PASSWORD_ENV_VARIABLE} (kept out of shell history)
  --insecure             accept any TLS certificate (self-signed LAN boxes)
  --ca <file>            trust this PEM CA for the gateway's certificate
  --timeout <ms>         connect and request timeout in milliseconds
  --option key=value     a connection setting of the gateway (repeatable), as \`describe\` lists them;
                         key:=json for lists and objects, e.g. ports:=[1,2]
  --pretty               indent the JSON output`;

/** The environment as the CLI entry hands it over (`io.env`); commands never read `process.env`. */
export type CliEnvironment = Readonly<Record<string, string | undefined>>;

function environmentOf(io: CliIo): CliEnvironment {
  return io.env ?? {};
}

/** A gateway connection as the command line describes it: the gateway and its connection values. */
export interface GatewayConnection {
  gateway: GatewayKey;
  /** Field values for `registry.open` (url, username, password, TLS, timeout, the vendor's own settings). */
  values: Record<string, unknown>;
  /** Values to scrub from anything printed. */
  secrets: string[];
}

/**
 * Reads `--gateway`, `--url`, credentials, TLS, timeout and `--option` settings into the values
 * `registry.open` reads by the vendor's connection descriptors (which check them: the URL, the
 * timeout's range, every setting). `--password` wins over ${PASSWORD_ENV_VARIABLE}. No message here
 * quotes the URL or the password.
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
  if (values.url === undefined || values.url.trim() === '') throw new CliUsageError('--url is required', commandName);
  if (values.insecure && values.ca !== undefined) throw new CliUsageError('use either --insecure or --ca, not both', commandName);

  const connection: Record<string, unknown> = { ...parseKeyValueOptions(commandName, 'option', values.option), url: values.url.trim() };
  if (values.username !== undefined) connection['username'] = values.username;
  const password = values.password ?? environmentOf(io)[PASSWORD_ENV_VARIABLE];
  if (password !== undefined) connection['password'] = password;
  if (values.insecure) connection['allowUnauthorizedCerts'] = true;
  if (values.ca !== undefined) connection['ca'] = await readCaFile(commandName, values.ca);
  if (values.timeout !== undefined) connection['timeoutMs'] = values.timeout;
  return { gateway, values: connection, secrets: password ? [password] : [] };
}

async function readCaFile(commandName: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliUsageError(`cannot read --ca file '${path}' (${reason})`, commandName, error);
  }
}
