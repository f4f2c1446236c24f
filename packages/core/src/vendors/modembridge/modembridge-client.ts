import { InvalidRequestError, SmsBridgeError } from '../../errors';
import type { AdminCommandResult, DeliveryStatus, SendRequest, SendResult, UssdExchange } from '../../model';
import { settleSend } from '../contract/settle-send';
import type { SendOptions } from '../contract/send-journal';
import type { GatewayClient, InboxPage, UssdMenuAnswer, UssdRequest, VerifyResult } from '../gateway-client';
import { planGatewayText } from '../shared/gateway-text-plan';
import { ModembridgeApi, type ModembridgeApiOptions } from './modembridge-api';
import { modembridgeError } from './modembridge-error';
import { BRIDGE_PATHS } from './modembridge-wire';
import type { InboundMessage } from '../../model/inbound-message';

export interface ModembridgeClientOptions extends ModembridgeApiOptions {
  /** The bridge's modem used when a call names none (number or --port value). */
  defaultModem?: string;
}

interface BridgeVerifyAnswer {
  status: 'verified' | 'failed';
  message: string;
  modems: { status: string; message: string; summary?: string; error?: { code: string; message: string; details?: Record<string, unknown> } }[];
}

/**
 * A modem bridge (`smsbridge modem serve`) as a gateway like the others: the modems of another
 * machine over HTTP(S). A send is one request for all recipients and is never repeated once it
 * may have reached the bridge (the bridge never repeats it either): a lost answer makes every
 * recipient `unknown`. The inbox is the bridge's journal; `acknowledge` ends messages there.
 */
export class ModembridgeClient implements GatewayClient {
  readonly gateway = 'modembridge' as const;
  readonly api: ModembridgeApi;

  constructor(private readonly options: ModembridgeClientOptions) {
    this.api = new ModembridgeApi(options);
  }

  async send(request: SendRequest, options: SendOptions = {}): Promise<SendResult[]> {
    const plan = planGatewayText('modembridge', request.text, request.encoding ?? 'auto');
    const modem = request.vendorOptions?.['modem'] ?? this.options.defaultModem;
    const body = {
      to: request.to,
      text: request.text,
      ...(request.encoding ? { encoding: request.encoding } : {}),
      ...(request.flash ? { flash: true } : {}),
      ...(request.statusReport ? { statusReport: true } : {}),
      ...(request.validityMinutes !== undefined ? { validityMinutes: request.validityMinutes } : {}),
      ...(modem !== undefined ? { vendorOptions: { modem } } : {}),
    };
    // Journaled, each recipient is its own request: a run cut off mid-send then knows which left.
    return settleSend<string[]>({
      journal: options.journal,
      batches: options.journal ? request.to.map((to) => [to]) : [request.to],
      recipientsOf: (to) => to,
      send: async (to) => (await this.api.post<{ results: SendResult[] }>(BRIDGE_PATHS.send, { ...body, to }, false)).results,
      base: { parts: plan.parts, encoding: plan.encoding, gateway: 'modembridge' },
    });
  }

  /** The latest status the bridge knows: what the send gave, then the modem's delivery reports. */
  status(messageId: string): Promise<DeliveryStatus> {
    return this.api.get<DeliveryStatus>(BRIDGE_PATHS.status(messageId));
  }

  /** Messages journaled by the bridge and not acknowledged yet, after the cursor; nothing is removed. */
  inbox(cursor?: string): Promise<InboxPage> {
    return this.api.get<InboxPage>(BRIDGE_PATHS.inbox, { cursor });
  }

  /** Ends the messages in the bridge's journal (they had left the SIM already, once journaled). */
  async acknowledge(messages: readonly InboundMessage[]): Promise<void> {
    const foreign = messages.find((message) => message.gateway !== 'modembridge');
    if (foreign) throw new InvalidRequestError(`Message "${foreign.id}" came from ${foreign.gateway}, not from a modem bridge.`, { details: { gateway: 'modembridge' } });
    if (messages.length === 0) return;
    await this.api.post(BRIDGE_PATHS.acknowledge, { ids: messages.map((message) => message.id) }, true);
  }

  ussd(request: UssdRequest): Promise<UssdExchange> {
    return this.api.post<UssdExchange>(BRIDGE_PATHS.ussd, { code: request.code, ...this.portOf(request.port) }, false);
  }

  ussdContinue(answer: UssdMenuAnswer): Promise<UssdExchange> {
    return this.api.post<UssdExchange>(BRIDGE_PATHS.ussdContinue, { answer: answer.answer, ...this.portOf(answer.port) }, false);
  }

  async ussdCancel(request?: { port?: string | number }): Promise<void> {
    await this.api.post(BRIDGE_PATHS.ussdCancel, this.portOf(request?.port), true);
  }

  admin(command: string, args: Record<string, unknown> = {}): Promise<AdminCommandResult> {
    const modem = args['modem'] ?? this.options.defaultModem;
    return this.api.post<AdminCommandResult>(BRIDGE_PATHS.admin(command), { args: { ...args, ...(modem !== undefined && command !== 'modems' ? { modem } : {}) } }, command !== 'restart');
  }

  /** The bridge accepts the token and every one of its modems answers, has its SIM ready and is registered. */
  async verify(): Promise<VerifyResult> {
    try {
      const answer = await this.api.get<BridgeVerifyAnswer>(BRIDGE_PATHS.verify);
      if (answer.status === 'verified') return { status: 'verified', message: answer.message };
      const failed = answer.modems.find((modem) => modem.status === 'failed');
      const error = failed?.error
        ? modembridgeError({ status: 502, headers: {}, body: JSON.stringify({ error: failed.error }) }, [], true)
        : new SmsBridgeError('SMSB_GATEWAY_UNREACHABLE', answer.message);
      return { status: 'failed', message: answer.message, error, ...(failed?.summary ? { summary: failed.summary } : {}) };
    } catch (error) {
      if (!(error instanceof SmsBridgeError)) throw error;
      return { status: 'failed', message: error.message, error };
    }
  }

  close(): Promise<void> {
    return this.api.close();
  }

  private portOf(port: string | number | undefined): { port?: string } {
    const chosen = port ?? this.options.defaultModem;
    return chosen === undefined ? {} : { port: String(chosen) };
  }
}
