import { createHash } from 'node:crypto';
import { GatewayRejectedError, InvalidRequestError } from '../errors/gateway-errors';
import { SmsBridgeError } from '../errors/smsbridge-error';
import type { AdminCommandResult } from '../model/admin-command';
import type { DeliveryStatus } from '../model/delivery-status';
import type { InboundMessage } from '../model/inbound-message';
import type { SendResult } from '../model/send-result';
import type { UssdExchange } from '../model/ussd-exchange';
import { readSendRequest } from '../vendors/contract/send-request-fields';
import type { BridgeJournal, JournalEvent } from './bridge-journal';
import type { BridgeModem, BridgeModems } from './bridge-modems';

const GATEWAY = 'modembridge';

/** A message id of the bridge: the modem's number, a dot, the driver's id (two modems' drivers may hand out the same id). */
export function bridgeMessageId(modem: BridgeModem, driverId: string): string {
  return `${modem.number}.${driverId}`;
}

/** What identifies a stored message while it waits on a SIM: its modem, slots, sender, time and text. */
export function inboundFingerprint(modem: BridgeModem, message: InboundMessage): string {
  return createHash('sha256')
    .update(JSON.stringify([modem.name, message.id, message.from, message.receivedAt ?? null, message.text]))
    .digest('base64url')
    .slice(0, 16);
}

/** Things the API reports to whoever runs the bridge (push wake-ups, tests). */
export interface BridgeApiHooks {
  journaled?(event: JournalEvent): void;
}

/**
 * The bridge's operations, between the HTTP layer and the modems and journal: each takes the
 * decoded request body and returns what is answered as JSON, or throws a core error. Sends go
 * straight to the modem once (the outcome rule of the modem client decides `unknown`); inbound
 * messages and reports go through the journal.
 */
export class BridgeApi {
  constructor(
    private readonly modems: BridgeModems,
    private readonly journal: BridgeJournal,
    private readonly pushTargets: readonly string[],
    private readonly hooks: BridgeApiHooks = {},
  ) {}

  /** Takes an inbound SMS from a modem; resolves once it is journaled, which lets the driver delete it from the SIM. */
  async takeInbound(message: InboundMessage, modem: BridgeModem): Promise<void> {
    const fp = inboundFingerprint(modem, message);
    // Journaled before, and the SIM delete did not happen (a crash in between): only the delete is owed.
    if (this.journal.hasFingerprint(fp)) return;
    const event = await this.journal.addInbound(
      { ...message, gateway: GATEWAY, port: modem.name, raw: { ...message.raw, simId: message.id, modem: modem.number } },
      fp,
      this.pushTargets,
    );
    this.hooks.journaled?.(event);
  }

  /** Takes a delivery report from a modem: the status by id, and an event for the push targets. */
  async takeStatus(status: DeliveryStatus, modem: BridgeModem): Promise<void> {
    const event = await this.journal.addStatus({ ...status, messageId: bridgeMessageId(modem, status.messageId), gateway: GATEWAY, raw: { ...status.raw, modem: modem.number } }, this.pushTargets);
    if (event) this.hooks.journaled?.(event);
  }

  async send(body: Record<string, unknown>): Promise<{ results: SendResult[] }> {
    const { vendorOptions, ...fields } = body;
    const options = isObject(vendorOptions) ? { ...vendorOptions } : {};
    const modem = this.modems.pick(options['modem']);
    delete options['modem'];
    const request = readSendRequest(fields, options);
    // The modem client runs the contract's check again and the one send-outcome rule; it throws only when nothing went out.
    const results = (await modem.client.send(request)).map(
      (result): SendResult => ({
        ...result,
        gateway: GATEWAY,
        ...(result.messageId ? { messageId: bridgeMessageId(modem, result.messageId) } : {}),
        raw: { ...result.raw, modem: modem.number },
      }),
    );
    const now = new Date().toISOString();
    const statuses = results
      .filter((result) => result.messageId !== undefined)
      .map((result): DeliveryStatus => ({ state: result.state, messageId: result.messageId!, to: result.to, rawStatus: result.state, at: now, gateway: GATEWAY, raw: { modem: modem.number } }));
    // The send happened: a journal failure now must not turn it into an error the caller would retry.
    await this.journal.recordStatuses(statuses).catch(() => undefined);
    return { results };
  }

  status(messageId: string): DeliveryStatus {
    const status = this.journal.statusOf(messageId);
    if (status) return status;
    throw new GatewayRejectedError(`The bridge knows no message "${messageId.slice(0, 60)}": it keeps the statuses of the last 10,000 messages it sent.`, 'not-found', {
      httpStatus: 404,
      details: { gateway: GATEWAY, messageId: messageId.slice(0, 60) },
    });
  }

  inbox(cursor: string | undefined): { messages: InboundMessage[]; cursor: string } {
    const after = this.journal.cursorSeq(cursor);
    const page = this.journal.inbox(after);
    const last = page.length > 0 ? page[page.length - 1]!.seq : after;
    return { messages: page.map((event) => event.inbound!), cursor: this.journal.cursorAfter(last) };
  }

  async acknowledge(body: Record<string, unknown>): Promise<{ acknowledged: number }> {
    const ids = body['ids'];
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
      throw new InvalidRequestError('Acknowledge takes {"ids": [...]}, the ids of the inbox messages handed on.', { details: { gateway: GATEWAY } });
    }
    return { acknowledged: await this.journal.acknowledge(ids as string[]) };
  }

  async ussd(body: Record<string, unknown>): Promise<UssdExchange> {
    const modem = this.modems.pick(body['port']);
    const code = body['code'];
    if (typeof code !== 'string' || code.trim() === '') throw new InvalidRequestError('USSD takes {"code": "*100#"}.', { details: { gateway: GATEWAY } });
    return exchangeOf(await modem.client.ussd!({ code }), modem);
  }

  async ussdContinue(body: Record<string, unknown>): Promise<UssdExchange> {
    const modem = this.modems.pick(body['port']);
    const answer = body['answer'];
    if (typeof answer !== 'string' || answer === '') throw new InvalidRequestError('A USSD menu answer takes {"answer": "1"}.', { details: { gateway: GATEWAY } });
    return exchangeOf(await modem.client.ussdContinue!({ answer }), modem);
  }

  async ussdCancel(body: Record<string, unknown>): Promise<{ cancelled: true }> {
    await this.modems.pick(body['port']).client.ussdCancel!();
    return { cancelled: true };
  }

  async admin(command: string, body: Record<string, unknown>): Promise<AdminCommandResult> {
    const args = isObject(body['args']) ? body['args'] : {};
    if (command === 'modems') return { command, ok: true, gateway: GATEWAY, data: { modems: await this.describeModems(), journal: this.journal.counts() } };
    const modem = this.modems.pick(args['modem']);
    const result = await modem.client.admin!(command);
    return { ...result, gateway: GATEWAY, data: { ...result.data, modem: modem.number, port: modem.name } };
  }

  /** Every modem's own verify (answers, SIM ready, registered): verified only when all are. */
  async verify(): Promise<{ status: 'verified' | 'failed'; message: string; modems: Record<string, unknown>[] }> {
    const modems = await Promise.all(
      this.modems.list.map(async (modem) => {
        const result = await modem.client.verify();
        return {
          number: modem.number,
          name: modem.name,
          status: result.status,
          message: result.message,
          ...(result.status === 'failed' ? { error: result.error.toJSON(), ...(result.summary ? { summary: result.summary } : {}) } : {}),
        };
      }),
    );
    const failed = modems.filter((modem) => modem.status === 'failed');
    const message =
      failed.length === 0
        ? `The bridge accepted the token; ${modems.map((modem) => modem.message).join(' ')}`
        : `The bridge accepted the token, but ${failed.map((modem) => modem.message).join(' ')}`;
    return { status: failed.length === 0 ? 'verified' : 'failed', message, modems };
  }

  private async describeModems(): Promise<Record<string, unknown>[]> {
    return Promise.all(
      this.modems.list.map(async (modem) => {
        try {
          const network = await modem.client.admin!('network');
          return { number: modem.number, name: modem.name, ...network.data };
        } catch (error) {
          return { number: modem.number, name: modem.name, error: error instanceof SmsBridgeError ? error.toJSON() : { message: 'unavailable' } };
        }
      }),
    );
  }
}

function exchangeOf(exchange: UssdExchange, modem: BridgeModem): UssdExchange {
  return { ...exchange, port: modem.name, gateway: GATEWAY };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
