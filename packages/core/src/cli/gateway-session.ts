import { SmsBridgeError } from '../errors/smsbridge-error';
import { redactDeep, redactSecrets } from '../transport/redact-secrets';
import type { GatewayOperation } from '../vendors/contract/vendor-capabilities';
import type { GatewayClient } from '../vendors/gateway-client';
import type { VendorRegistry } from '../vendors/registry';
import type { CliIo } from './cli-command';
import { CliUsageError } from './cli-usage-error';
import type { GatewayConnection } from './gateway-options';

/** The optional {@link GatewayClient} operations a subcommand may need. */
export type SessionOperation = Exclude<GatewayOperation, 'verify'>;

/** A client that is known to have `operation`. */
export type ClientWith<O extends SessionOperation> = GatewayClient & Required<Pick<GatewayClient, O>>;

/**
 * One gateway conversation of a subcommand: checks the vendor offers the operation before anything
 * goes over the wire, creates the client through the registry, always closes it, and makes sure
 * the password appears neither on stdout nor in an error.
 */
export class GatewaySession {
  constructor(
    private readonly commandName: string,
    private readonly registry: VendorRegistry,
    private readonly connection: GatewayConnection,
  ) {}

  /** Throws a usage error naming the vendors that have `operation` when this one has not. */
  requireOperation(operation: SessionOperation): void {
    if (!this.registry.get(this.connection.gateway).capabilities.operations.includes(operation)) throw this.unsupported(operation);
  }

  /** Runs `work` with a fresh client that has every one of `operations`. */
  async run<O extends SessionOperation, T>(operations: readonly O[], work: (client: ClientWith<O>) => Promise<T>): Promise<T> {
    for (const operation of operations) this.requireOperation(operation);
    try {
      const client = this.registry.open(this.connection.gateway, this.connection.values);
      try {
        const missing = operations.find((operation) => typeof client[operation] !== 'function');
        if (missing !== undefined) throw this.unsupported(missing);
        return await work(client as ClientWith<O>);
      } finally {
        await client.close();
      }
    } catch (error) {
      throw scrubSecrets(error, this.secrets());
    }
  }

  /** Prints `value` as one JSON document, with the password scrubbed should a vendor echo it. */
  print(io: CliIo, value: unknown, pretty = false): void {
    io.stdout.write(`${redactSecrets(JSON.stringify(value, null, pretty ? 2 : undefined), this.secrets())}\n`);
  }

  private secrets(): string[] {
    return this.connection.secrets;
  }

  private unsupported(operation: SessionOperation): CliUsageError {
    const gateway = this.connection.gateway;
    const able = this.registry
      .list()
      .filter((entry) => entry.capabilities.operations.includes(operation))
      .map((entry) => entry.key);
    const alternatives = able.length > 0 ? `${operation} is supported by ${able.join(', ')}` : `no built-in gateway offers ${operation}`;
    return new CliUsageError(`the ${gateway} gateway has no ${operation} operation: ${alternatives}`, this.commandName);
  }
}

/**
 * Clients already scrub their errors; this is the last line before stderr, over the whole cause
 * chain that `--debug` prints (message, stack and details).
 */
function scrubSecrets(error: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return error;
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth++) {
    current.message = redactSecrets(current.message, secrets);
    if (current.stack !== undefined) current.stack = redactSecrets(current.stack, secrets);
    if (current instanceof SmsBridgeError) {
      const details = redactDeep(current.details, secrets);
      for (const key of Object.keys(current.details)) delete current.details[key];
      Object.assign(current.details, details);
    }
    current = current.cause;
  }
  return error;
}
