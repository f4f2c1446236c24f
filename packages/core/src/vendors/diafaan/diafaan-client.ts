import { GatewayRejectedError, InvalidRequestError } from '../../errors/gateway-errors';
import { SmsBridgeError } from '../../errors/smsbridge-error';
import type { AdminCommandResult } from '../../model/admin-command';
import type { DeliveryStatus } from '../../model/delivery-status';
import type { InboundMessage } from '../../model/inbound-message';
import type { SendRequest } from '../../model/send-request';
import type { SendResult } from '../../model/send-result';
import type { UssdExchange } from '../../model/ussd-exchange';
import { settleSend } from '../contract/settle-send';
import type { SendOptions } from '../contract/send-journal';
import type { GatewayClient, InboxPage, UssdRequest, VerifyResult } from '../gateway-client';
import type { PhoneNumberFormat } from '../shared/phone-number';
import { PhoneNumberNormaliser } from '../shared/phone-number-normaliser';
import { runDiafaanAdminCommand } from './diafaan-admin-commands';
import { DiafaanApi, type DiafaanApiOptions, type DiafaanSendLine, type DiafaanSendParameters } from './diafaan-api';
import type { DiafaanDateOrder } from './diafaan-dates';
import { diafaanError } from './diafaan-error-codes';
import { DiafaanInbox } from './diafaan-inbox';
import { diafaanDeliveryState } from './diafaan-status';
import { planDiafaanText } from './diafaan-text-plan';

export interface DiafaanClientOptions extends DiafaanApiOptions {
  /** How numbers go to the server (default `as-is`: Diafaan routes on the number as written). */
  phoneNumberFormat?: PhoneNumberFormat;
  defaultCountry?: string;
  /** `remove` (default): `acknowledge` removes messages from the server; `keep`: they stay there. */
  inboxMode?: 'remove' | 'keep';
  /** Messages per inbox request (default 50, at most 100: the cursor remembers twice as many). */
  inboxPageSize?: number;
  /** The server's UTC offset for its zone-less dates, when known. */
  serverUtcOffsetMinutes?: number;
  /** Reading of `a/b/yyyy` dates without AM/PM (default day first). */
  dateOrder?: DiafaanDateOrder;
}

/** One request of a send: a number (`to`) or a contact or group of the user's list (`contact-name`). */
interface DiafaanSendBatch {
  /** What the results name: the number as sent, or the contact name. */
  recipient: string;
  parameters: Pick<DiafaanSendParameters, 'to' | 'contactName'>;
}

const SEPARATORS = /[\s\-().\u00A0\u2010-\u2015]/g;
/** An id no message has: `request-status-update` answers 309 for it once the password is right. */
const PROBE_MESSAGE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Diafaan SMS Server behind the vendor-neutral {@link GatewayClient}: send, status, inbox and
 * acknowledge, USSD, admin commands, verify. The whole HTTP API, in Diafaan's own words, is
 * {@link DiafaanApi} (`client.api`).
 */
export class DiafaanClient implements GatewayClient {
  readonly gateway = 'diafaan' as const;
  readonly api: DiafaanApi;
  /** Remembers recent destinations: a bulk send repeats them, and parsing one costs ~20 µs. */
  private readonly phoneNumbers = new PhoneNumberNormaliser();
  private readonly options: DiafaanClientOptions;
  private readonly inboxReader: DiafaanInbox;

  constructor(options: DiafaanClientOptions) {
    this.options = options;
    this.api = new DiafaanApi(options);
    this.inboxReader = new DiafaanInbox(this.api, {
      mode: options.inboxMode ?? 'remove',
      pageSize: options.inboxPageSize ?? 50,
      serverUtcOffsetMinutes: options.serverUtcOffsetMinutes,
      dateOrder: options.dateOrder,
    });
  }

  /**
   * One `send-message` per recipient, so every answer line belongs to a known number (the server
   * drops blocked numbers without a line). A recipient that is not a number is a contact or
   * group name (`contact-name`); a group answers one line, and so one result, per member. The
   * outcome rule is the shared `settleSend`.
   */
  async send(request: SendRequest, options: SendOptions = {}): Promise<SendResult[]> {
    const vendor = request.vendorOptions ?? {};
    const guid = typeof vendor['messageGuid'] === 'string' ? vendor['messageGuid'] : undefined;
    if (guid && request.to.length > 1) {
      throw new InvalidRequestError('A message-guid identifies one message: send to one recipient when you set it.', { details: { gateway: 'diafaan' } });
    }
    const batches = request.to.map((to) => this.batchFor(to));
    const plan = planDiafaanText(request);
    const common: DiafaanSendParameters = {
      from: request.from,
      message: plan.text,
      messageType: plan.messageType,
      messageGuid: guid,
      messageInfo: typeof vendor['messageInfo'] === 'string' ? vendor['messageInfo'] : undefined,
      gateway: Array.isArray(vendor['gateway']) ? (vendor['gateway'] as string[]) : undefined,
      priority: typeof vendor['priority'] === 'number' ? vendor['priority'] : undefined,
      validityPeriod: request.validityMinutes === undefined ? undefined : Math.round(request.validityMinutes * 60),
      scheduled: request.scheduleAt,
    };
    const base = { parts: plan.parts, encoding: plan.encoding, gateway: 'diafaan' } as const;
    return settleSend({
      journal: options.journal,
      batches,
      recipientsOf: (batch) => [batch.recipient],
      base,
      send: async (batch) => {
        const lines = await this.api.sendMessage({ ...common, ...batch.parameters });
        return lines.map((line): SendResult => ({ ...base, to: batch.recipient, ...this.resultOf(line) }));
      },
    });
  }

  /** Status of a sent message; for failures the error code is fetched as well. */
  async status(messageId: string): Promise<DeliveryStatus> {
    const answer = await this.api.requestStatusUpdate(messageId, 'status');
    const state = diafaanDeliveryState(answer.code ?? -1);
    const status: DeliveryStatus = {
      state,
      messageId,
      rawStatus: answer.line,
      gateway: 'diafaan',
      raw: { statusCode: answer.code, statusText: answer.text },
    };
    if (state === 'failed') {
      try {
        const error = await this.api.requestStatusUpdate(messageId, 'error-code');
        status.errorCode = error.code;
        status.raw = { ...status.raw, errorCode: error.code, errorText: error.text };
      } catch {
        // The status itself is known; a missing error code is no reason to fail the call.
      }
    }
    return status;
  }

  /** New received messages, oldest first; never removes anything (see {@link DiafaanInbox}). */
  inbox(cursor?: string): Promise<InboxPage> {
    return this.inboxReader.read(cursor);
  }

  /** Removes handed-on messages from the server where that touches no other message (see {@link DiafaanInbox}). */
  acknowledge(messages: readonly InboundMessage[]): Promise<void> {
    return this.inboxReader.acknowledge(messages);
  }

  /**
   * USSD through `message-type=gsm.ussd` (the code as recipient, the gateway as port). The reply
   * arrives later as a received message of type gsm.ussd, so the exchange starts `pending`.
   */
  async ussd(request: UssdRequest): Promise<UssdExchange> {
    if (!request.code.trim()) throw new InvalidRequestError('Give a USSD code such as *100#.', { details: { gateway: 'diafaan' } });
    const [line] = await this.api.sendMessage({
      to: request.code.trim(),
      messageType: 'gsm.ussd',
      gateway: request.port === undefined ? undefined : String(request.port),
    });
    if (!line!.ok) throw diafaanError(line!.code, line!.text, 'send-message (gsm.ussd)');
    return { code: request.code, awaitingInput: false, state: 'pending', port: request.port, gateway: 'diafaan', raw: { messageId: line!.messageId } };
  }

  /** The commands of `DIAFAAN_ADMIN_COMMANDS`: server status, message details, queue removal, the server commands. */
  admin(command: string, args: Record<string, unknown> = {}): Promise<AdminCommandResult> {
    return runDiafaanAdminCommand(this.api, command, args);
  }

  /**
   * Asks for the status of a message id nobody has: the server checks the user first (303/304/312
   * when wrong) and then answers 309 "Message id not found". Any user may call it (no
   * administrator rights, unlike request-server-status), and it reads or changes nothing.
   */
  async verify(): Promise<VerifyResult> {
    const who = this.api.usesGuestAccount ? 'the guest account (no username given)' : `user "${this.options.username}"`;
    const verified: VerifyResult = { status: 'verified', message: `Diafaan SMS Server at ${this.options.baseUrl} accepted ${who}.` };
    try {
      await this.api.requestStatusUpdate(PROBE_MESSAGE_ID);
      return verified;
    } catch (error) {
      if (error instanceof GatewayRejectedError && error.vendorCode === 309) return verified;
      if (error instanceof SmsBridgeError) return { status: 'failed', message: error.message, error };
      throw error;
    }
  }

  close(): Promise<void> {
    return this.api.close();
  }

  private batchFor(input: string): DiafaanSendBatch {
    const trimmed = input.trim();
    if (/^\+?\d+$/.test(trimmed.replace(SEPARATORS, ''))) {
      const to = this.phoneNumbers.normalise(trimmed, {
        format: this.options.phoneNumberFormat ?? 'as-is',
        defaultCountry: this.options.defaultCountry,
        allowShortCodes: true,
      });
      return { recipient: to, parameters: { to } };
    }
    // Diafaan separates names with semicolons: one inside a name would make two recipients.
    if (trimmed.includes(';')) {
      throw new InvalidRequestError(`"${trimmed.slice(0, 40)}" holds a semicolon: give each Diafaan contact or group as its own recipient.`, { details: { gateway: 'diafaan' } });
    }
    return { recipient: trimmed, parameters: { contactName: trimmed } };
  }

  private resultOf(line: DiafaanSendLine): Omit<SendResult, 'to' | 'parts' | 'encoding' | 'gateway'> {
    if (line.ok) return { accepted: true, messageId: line.messageId, state: 'queued', raw: { line: line.line } };
    // A refusal inside the answer (300, 301, 311 …) is that recipient's; the others may be queued.
    return { accepted: false, state: 'failed', errorCode: line.code, errorMessage: line.text, raw: { line: line.line } };
  }
}
