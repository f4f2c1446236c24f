import { GatewayUnreachableError, InvalidRequestError } from '../../errors/gateway-errors';
import { SmsBridgeError } from '../../errors/smsbridge-error';
import type { AdminCommandResult } from '../../model/admin-command';
import type { InboundMessage } from '../../model/inbound-message';
import type { SendRequest } from '../../model/send-request';
import type { SendResult } from '../../model/send-result';
import type { UssdExchange } from '../../model/ussd-exchange';
import { settleSend } from '../../vendors/contract/settle-send';
import type { SendOptions } from '../../vendors/contract/send-journal';
import type { GatewayClient, GatewayListener, InboxPage, UssdMenuAnswer, UssdRequest, VerifyResult } from '../../vendors/gateway-client';
import { planGatewayText } from '../../vendors/shared/gateway-text-plan';
import { runModemAdminCommand } from './modem-admin-commands';
import { readModemInboxCursor, storedMessageFingerprint, writeModemInboxCursor } from './modem-inbox-cursor';
import type { ModemLease } from './modem-lease';
import { modemRecipientOutcome } from './modem-send-outcome';

/**
 * A GSM modem as a gateway like the others, over a lease on the port's shared connection: send
 * (one batch per recipient, through the shared outcome rule), the SIM as an inbox that is only
 * emptied by `acknowledge`, USSD menus, admin reads and a reset, and `verify` as a probe of modem,
 * SIM and network. `close()` gives the lease back; the hub closes the port after its last user.
 */
export class ModemGatewayClient implements GatewayClient {
  readonly gateway = 'modem' as const;

  constructor(readonly lease: ModemLease) {}

  async send(request: SendRequest, options: SendOptions = {}): Promise<SendResult[]> {
    const plan = planGatewayText('modem', request.text, request.encoding ?? 'auto');
    return settleSend<string>({
      journal: options.journal,
      batches: request.to,
      recipientsOf: (to) => [to],
      send: async (to) => (await this.lease.send({ ...request, to: [to] })).map((result) => modemRecipientOutcome(result, this.lease.port)),
      base: { parts: plan.parts, encoding: plan.encoding, gateway: 'modem' },
    });
  }

  /**
   * The complete messages stored on the SIM that the cursor has not seen; nothing is deleted (see
   * `acknowledge`). Parts of a message still waiting for the rest are left out until it is whole.
   * Those the cursor has seen and the SIM still holds come back as `handedOutBefore`.
   */
  async inbox(cursor?: string): Promise<InboxPage> {
    const seen = readModemInboxCursor(cursor);
    const stored = (await this.lease.inbox()).filter((message) => message.raw?.['incomplete'] !== true);
    const fingerprints = stored.map(storedMessageFingerprint);
    const handedOutBefore = stored.filter((_, index) => seen.has(fingerprints[index]!));
    return {
      messages: stored.filter((_, index) => !seen.has(fingerprints[index]!)),
      cursor: writeModemInboxCursor(fingerprints),
      ...(handedOutBefore.length > 0 ? { handedOutBefore } : {}),
    };
  }

  /** Deletes the messages from the SIM (all their parts), unless their slots hold other messages by now. */
  async acknowledge(messages: readonly InboundMessage[]): Promise<void> {
    const foreign = messages.find((message) => message.gateway !== 'modem');
    if (foreign) throw new InvalidRequestError(`Message "${foreign.id}" came from ${foreign.gateway}, not from this modem.`, { details: { gateway: 'modem' } });
    if (messages.length === 0) return;
    await this.lease.deleteStored(messages);
  }

  /** Inbound SMS and delivery reports as the modem indicates them; a message or stored report leaves the SIM once every subscriber's handler resolved. */
  subscribe(listener: GatewayListener): () => void {
    const inbound = listener.inbound;
    const status = listener.status;
    const error = listener.error;
    const unsubscribes = [
      inbound ? this.lease.onInbound((message) => inbound(message)) : undefined,
      status ? this.lease.onStatusReport((report) => status(report)) : undefined,
      error ? this.lease.onError((failure) => error(failure)) : undefined,
    ];
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe?.();
    };
  }

  async ussd(request: UssdRequest): Promise<UssdExchange> {
    this.checkUssdPort(request.port);
    return this.lease.ussd(request.code);
  }

  async ussdContinue(answer: UssdMenuAnswer): Promise<UssdExchange> {
    this.checkUssdPort(answer.port);
    return this.lease.ussdContinue(answer.answer);
  }

  async ussdCancel(request?: { port?: string | number }): Promise<void> {
    this.checkUssdPort(request?.port);
    await this.lease.ussdCancel();
  }

  admin(command: string): Promise<AdminCommandResult> {
    return runModemAdminCommand(this.lease, command);
  }

  /** The modem answers, its SIM is ready (PIN accepted) and it is registered on a network. */
  async verify(): Promise<VerifyResult> {
    const port = this.lease.port;
    try {
      const status = await this.lease.networkStatus();
      const registration = status.registration?.state;
      if (registration !== 'home' && registration !== 'roaming') {
        const error = new GatewayUnreachableError(
          `The modem on ${port} answers and its SIM is ready, but it is not registered on a network (${registration ?? 'registration not reported'}): check the antenna, the SIM's subscription and coverage.`,
          { details: { gateway: 'modem', port, registration: registration ?? null } },
        );
        return { status: 'failed', message: error.message, error, summary: 'not registered on a network' };
      }
      const operator = status.operator?.name ? ` on ${status.operator.name}` : '';
      const signal = status.signal?.dbm !== undefined ? `, signal ${status.signal.dbm} dBm` : '';
      return { status: 'verified', message: `The modem on ${port} answers, its SIM is ready and it is registered (${registration})${operator}${signal}.` };
    } catch (error) {
      if (!(error instanceof SmsBridgeError)) throw error;
      return { status: 'failed', message: error.message, error };
    }
  }

  close(): Promise<void> {
    return this.lease.release();
  }

  /** A modem has one SIM: a port other than its own would silently go to the wrong place. */
  private checkUssdPort(port: string | number | undefined): void {
    if (port === undefined || String(port) === this.lease.port) return;
    throw new InvalidRequestError(`A modem has one SIM: leave out the USSD port (got "${String(port).slice(0, 40)}"; this client's port is ${this.lease.port}).`, {
      details: { gateway: 'modem', option: 'port' },
    });
  }
}
