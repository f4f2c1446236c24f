import { readFileSync } from 'node:fs';
import { BridgeServer } from '../../bridge/bridge-server';
import { MIN_TOKEN_LENGTH } from '../../bridge/bearer-token';
import type { ModemPortSettings } from '../../modem/gateway/modem-connection-fields';
import { DEFAULT_BRIDGE_PORT } from '../../vendors/modembridge/modembridge-wire';
import type { CliCommand, CliIo } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { expectPositionals, parseCommandArgs, parseIntegerOption } from '../parse-command-args';

const name = 'modem serve';

/** Environment variables the command reads, so secrets stay out of the process list. */
export const BRIDGE_ENV = { token: 'SMSBRIDGE_BRIDGE_TOKEN', pin: 'SMSBRIDGE_MODEM_PIN', pushSecret: 'SMSBRIDGE_PUSH_SECRET' } as const;

/** `host:port`, `[v6]:port`, or a bare port. */
function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+))?:?(\d+)$/.exec(value.trim());
  if (!match) throw new CliUsageError(`--listen must be host:port (e.g. 127.0.0.1:${DEFAULT_BRIDGE_PORT} or 0.0.0.0:${DEFAULT_BRIDGE_PORT}), got '${value}'`, name);
  return { host: match[1] ?? match[2] ?? '127.0.0.1', port: parseIntegerOption(name, 'listen', match[3]!, 0, 65_535) };
}

function readSecretFile(option: string, path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new CliUsageError(`--${option} cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'} (${path})`, name);
  }
}

function readPem(option: string, path: string): string {
  const text = readSecretFile(option, path);
  if (!text.includes('-----BEGIN')) throw new CliUsageError(`--${option} is not a PEM file (${path})`, name);
  return text;
}

export const modemServeCommand: CliCommand = {
  name,
  summary: 'serve GSM modems to other machines over an authenticated HTTP(S) API (the modembridge gateway)',
  usage: `Usage: smsbridge modem serve --port <where> [--port <where> …] --journal <dir> [options]

Runs the modem driver for one or several modems behind a small HTTP API for hosts on other
machines (the "modembridge" gateway: n8n credential "GSM Modem Bridge", Node-RED gateway config):
send, status, inbox with acknowledge, USSD, device info, and pushes of inbound SMS and delivery
reports. Inbound SMS are written to the journal (fsync'd) before the SIM lets go of them and stay
there until a consumer acknowledges them or a push target answers 2xx; a restart loses nothing and
repeats nothing. Prints one JSON line {"listening", "modems", "journal", "push"} once it listens,
logs to stderr, and runs until SIGINT/SIGTERM (then the port is released and the journal flushed).

  --port <where>         a modem: a path (/dev/ttyUSB2), a USB serial number or VID:PID, #N for
                         the Nth port of a multi-port modem; repeat for several modems (1, 2, …)
  --baud <rate>          baud rate of every modem (default 115200)
  --pin <digits>         SIM PIN of every modem, used only when a SIM asks (or ${BRIDGE_ENV.pin})
  --listen <host:port>   where to listen (default 127.0.0.1:${DEFAULT_BRIDGE_PORT}; 0.0.0.0:${DEFAULT_BRIDGE_PORT} for every interface)
  --token <token>        the bearer token callers present, at least ${MIN_TOKEN_LENGTH} characters; prefer
                         --token-file or ${BRIDGE_ENV.token} (a --token shows in the process list)
  --token-file <path>    read the token from this file
  --tls-cert <path>      serve HTTPS with this certificate (PEM); needs --tls-key
  --tls-key <path>       the certificate's private key (PEM)
  --journal <dir>        folder of the journal (created if missing; one bridge per folder)
  --push <url>           push inbound SMS and delivery reports to this URL (repeat for several)
  --push-secret <secret> the secret pushes are signed with (HMAC-SHA256; or ${BRIDGE_ENV.pushSecret});
                         the receiving connection's "Push Secret" must be the same

Example:
  openssl rand -hex 24 > bridge.token
  smsbridge modem serve --port 2c7c:0125 --journal /var/lib/smsbridge --listen 0.0.0.0:${DEFAULT_BRIDGE_PORT} \\
    --token-file bridge.token --tls-cert cert.pem --tls-key key.pem \\
    --push https://n8n.example/webhook/<id>/smsbridge/<secret> --push-secret "$PUSH_SECRET"

Exit codes: 0 stopped by Ctrl-C or SIGTERM, 1 it could not start (port in use, journal locked or
unreadable, certificate unreadable), 2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, {
      port: { type: 'string', multiple: true },
      baud: { type: 'string' },
      pin: { type: 'string' },
      listen: { type: 'string' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      journal: { type: 'string' },
      push: { type: 'string', multiple: true },
      'push-secret': { type: 'string' },
    });
    expectPositionals(name, positionals, []);
    const env = io.env ?? {};
    const ports = (values.port ?? []).map((port) => port.trim()).filter((port) => port !== '');
    if (ports.length === 0) throw new CliUsageError('--port is required (repeat it for several modems)', name);
    if (!values.journal) throw new CliUsageError('--journal is required: the folder where inbound SMS and owed pushes are kept', name);
    const baudRate = values.baud === undefined ? 115_200 : parseIntegerOption(name, 'baud', values.baud, 300, 4_000_000);
    const pin = values.pin ?? env[BRIDGE_ENV.pin];
    if (pin !== undefined && pin !== '' && !/^\d{4,8}$/.test(pin)) throw new CliUsageError('--pin must be 4 to 8 digits', name);
    const tokens = [values.token, values['token-file'] !== undefined ? readSecretFile('token-file', values['token-file']) : undefined].filter((token) => token !== undefined);
    if (tokens.length > 1) throw new CliUsageError('give the token once: --token or --token-file', name);
    const token = tokens[0] ?? env[BRIDGE_ENV.token];
    if (!token) throw new CliUsageError(`a token is required: --token-file <path>, ${BRIDGE_ENV.token} or --token`, name);
    if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) throw new CliUsageError('--tls-cert and --tls-key go together', name);
    const tls = values['tls-cert'] !== undefined ? { cert: readPem('tls-cert', values['tls-cert']), key: readPem('tls-key', values['tls-key']!) } : undefined;
    const pushUrls = values.push ?? [];
    const pushSecret = values['push-secret'] ?? env[BRIDGE_ENV.pushSecret] ?? '';
    if (pushUrls.length > 0 && pushSecret === '') throw new CliUsageError(`--push needs --push-secret (or ${BRIDGE_ENV.pushSecret}): pushes are signed`, name);
    const listen = values.listen === undefined ? { host: '127.0.0.1', port: DEFAULT_BRIDGE_PORT } : parseListen(values.listen);
    const modems: ModemPortSettings[] = ports.map((port) => ({ port, baudRate, ...(pin ? { pin } : {}) }));
    if (io.signal.aborted) return 0;

    const log = (line: string) => io.stderr.write(`smsbridge modem serve: ${line}\n`);
    const bridge = await BridgeServer.start({
      modems,
      token,
      journal: values.journal,
      host: listen.host,
      port: listen.port,
      ...(tls ? { tls } : {}),
      push: pushUrls.map((url) => ({ url, secret: pushSecret })),
      log,
    });
    try {
      printJson(io, { listening: bridge.url, modems: modems.map((modem, index) => ({ number: index + 1, port: modem.port })), journal: bridge.journal.directory, push: pushUrls.length });
      await new Promise<void>((resolve) => {
        if (io.signal.aborted) resolve();
        else io.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      await bridge.stop();
    }
    return 0;
  },
};

function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}
