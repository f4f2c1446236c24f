import { systemClock, type Clock } from '../../clock/clock';
import { chooseEncoding, countSegments } from '../../codec';
import { GatewayMalformedResponseError, InvalidRequestError } from '../../errors/gateway-errors';
import { SmsBridgeError } from '../../errors/smsbridge-error';
import type { AdminCommandResult } from '../../model/admin-command';
import type { DeliveryStatus } from '../../model/delivery-status';
import type { InboundMessage } from '../../model/inbound-message';
import type { SendRequest } from '../../model/send-request';
import type { SendResult } from '../../model/send-result';
import type { UssdExchange } from '../../model/ussd-exchange';
import type { HttpResponse, HttpTransport } from '../../transport/http-transport';
import { encodeParameters, type ParameterValues } from '../../transport/query-string';
import { SecretRedactor } from '../../transport/redact-secrets';
import type { GatewayClient, InboxPage, UssdRequest } from '../gateway-client';
import { expectHttpOk } from '../shared/http-status-check';
import { httpTransportFor } from '../shared/http-transport-for';
import type { PhoneNumberFormat } from '../shared/phone-number';
import { PhoneNumberNormaliser } from '../shared/phone-number-normaliser';
import { SendRetryPolicy } from '../shared/send-retry-policy';
import { parseXmlBody, type XmlElement } from '../shared/xml-body';
import type { VendorClientOptions } from '../vendor-entry';
import type { DiafaanDateOrder } from './diafaan-dates';
import { diafaanError } from './diafaan-error-codes';
import { parseDiafaanLines, type DiafaanLine } from './diafaan-line-response';
import { isDiafaanMessageType, type DiafaanMessageType } from './diafaan-message-type';
import { parseReceivedMessages, toInboundMessage, type DiafaanReceivedMessage } from './diafaan-received-messages';
import { DIAFAAN_SERVER_COMMANDS, isDiafaanServerCommand, type DiafaanServerCommand, type DiafaanServerCommandParameters } from './diafaan-server-commands';
import { parseServerStatus, type DiafaanServerStatus } from './diafaan-server-status';
import { diafaanDeliveryState } from './diafaan-status';

export interface DiafaanClientOptions extends VendorClientOptions {
  /** `POST` (default: form body, the password stays out of URLs and proxy logs) or `GET`. */
  method?: 'GET' | 'POST';
  /** Gateway name(s) to send through when a request names none. */
  defaultGateway?: string;
  /** How numbers go to the server (default `as-is`: Diafaan routes on the number as written). */
  phoneNumberFormat?: PhoneNumberFormat;
  defaultCountry?: string;
  /** Inbox polling: `remove` (default) asks the server to delete what it returned; `keep` leaves it. */
  inboxMode?: 'remove' | 'keep';
  /** Messages per inbox poll (default 100). */
  inboxPageSize?: number;
  /** The server's UTC offset for its zone-less dates, when known. */
  serverUtcOffsetMinutes?: number;
  /** Reading of `a/b/yyyy` dates without AM/PM (default day first). */
  dateOrder?: DiafaanDateOrder;
  /** Retries for requests that provably never reached the server (default: one attempt). */
  retry?: SendRetryPolicy;
  /**
   * Shape of the ids the server hands out (default: a GUID, as Diafaan writes them); an id that
   * does not match means a cut-off answer. `null` accepts anything.
   */
  messageIdPattern?: RegExp | null;
}

/** Every parameter of `send-message`. */
export interface DiafaanSendParameters {
  /** Numbers (joined with `;`). */
  to?: string | readonly string[];
  /** Contacts or groups of the user's contact list (joined with `;`). */
  contactName?: string | readonly string[];
  from?: string;
  message?: string;
  messageType?: DiafaanMessageType;
  messageGuid?: string;
  messageInfo?: string;
  gateway?: string | readonly string[];
  priority?: number;
  /** Seconds. */
  validityPeriod?: number;
  /** Sent as ISO 8601. */
  scheduled?: Date | string;
}

/** One line of a `send-message` answer. */
export type DiafaanSendLine = { ok: true; messageId: string; line: string } | { ok: false; code?: number; text: string; line: string };

export interface DiafaanStatusAnswer {
  info: 'status' | 'error-code' | 'gateway';
  code?: number;
  text?: string;
  gatewayName?: string;
  line: string;
}

export interface DiafaanReceivedMessagesQuery {
  limit?: number;
  remove?: boolean;
  order?: 'newest' | 'oldest';
}

export interface DiafaanServerCommandResult {
  command: DiafaanServerCommand;
  /** The answer line (`OK: …`) for commands that change something. */
  line?: string;
  text?: string;
  /** Parsed XML for the get-* commands. */
  xml?: XmlElement;
}

interface InboxCursor {
  /** Ids already handed out (bounded), because `remove=1` may not remove. */
  seen: string[];
}

const SEEN_LIMIT = 2000;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Error codes that concern one recipient of a send (the others may have been queued). */
const PER_RECIPIENT_CODES = new Set([300, 301, 311]);

function joinList(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const list = (typeof value === 'string' ? [value] : [...value]).map((item) => item.trim()).filter((item) => item !== '');
  return list.length ? list.join(';') : undefined;
}

function isoDate(value: Date | string): string {
  if (typeof value === 'string') return value;
  // Diafaan parses ISO 8601 with an explicit offset; `Z` is written as +00:00 to be safe.
  return value.toISOString().replace('Z', '+00:00');
}

/**
 * Diafaan SMS Server Web connector client (`/http/<command>`, port 9710 by default). Implements the
 * vendor-neutral {@link GatewayClient} and the whole HTTP API of the seed: send-message,
 * request-status-update, remove-queued-message, request-server-status, request-received-messages
 * and the fifteen send-server-command commands.
 */
export class DiafaanClient implements GatewayClient {
  readonly gateway = 'diafaan' as const;
  /** Remembers recent destinations: a bulk send repeats them, and parsing one costs ~20 µs. */
  private readonly phoneNumbers = new PhoneNumberNormaliser();
  private readonly transport: HttpTransport;
  private readonly options: DiafaanClientOptions;
  private readonly secrets: string[];
  /** Scrubs the password from gateway lines quoted in errors; spelled once for the client's life. */
  private readonly redactor: SecretRedactor;
  private readonly retry: SendRetryPolicy;
  private readonly clock: Clock;
  /** An injected transport belongs to whoever injected it; only our own is closed with us. */
  private readonly ownsTransport: boolean;

  constructor(options: DiafaanClientOptions) {
    this.options = options;
    this.secrets = options.password ? [options.password] : [];
    this.redactor = new SecretRedactor(this.secrets);
    this.transport = httpTransportFor(options, 'diafaan');
    this.ownsTransport = options.transport === undefined;
    this.clock = options.clock ?? systemClock;
    this.retry = options.retry ?? new SendRetryPolicy({ maxAttempts: 1, clock: this.clock });
  }

  // ---- full API -------------------------------------------------------------------------------

  /** `send-message` with every parameter; one entry per answer line (may differ from the number of recipients). */
  async sendMessage(parameters: DiafaanSendParameters): Promise<DiafaanSendLine[]> {
    const to = joinList(parameters.to);
    const contactName = joinList(parameters.contactName);
    if (!to && !contactName) {
      throw new InvalidRequestError('A Diafaan message needs a recipient: give "to" (phone numbers) or "contact-name" (contacts or groups).');
    }
    if (parameters.messageType !== undefined && !isDiafaanMessageType(parameters.messageType)) {
      throw new InvalidRequestError(`"${String(parameters.messageType)}" is not a Diafaan message type: use sms.automatic, sms.text, sms.unicode, sms.text.flash, sms.binary, sms.pdu or gsm.ussd.`);
    }
    const lines = await this.call('send-message', {
      to,
      'contact-name': contactName,
      from: parameters.from,
      message: parameters.message,
      'message-type': parameters.messageType,
      'message-guid': parameters.messageGuid,
      'message-info': parameters.messageInfo,
      gateway: joinList(parameters.gateway ?? this.options.defaultGateway),
      priority: parameters.priority,
      'validity-period': parameters.validityPeriod,
      scheduled: parameters.scheduled === undefined ? undefined : isoDate(parameters.scheduled),
    }, false, true);
    if (lines.length === 0) {
      throw new GatewayMalformedResponseError('Diafaan answered send-message with an empty body: the message may or may not have been queued, check the server before sending it again.', {
        details: { gateway: 'diafaan', command: 'send-message' },
      });
    }
    const first = lines[0]!;
    // Codes about the request itself come once, not per recipient: nothing was queued.
    if (first.kind === 'error' && first.code !== undefined && !PER_RECIPIENT_CODES.has(first.code)) throw diafaanError(first.code, first.text, 'send-message');
    return lines.map((line): DiafaanSendLine => {
      if (line.kind === 'ok') {
        this.checkMessageId(line.value, parameters.messageGuid);
        return { ok: true, messageId: line.value, line: line.line };
      }
      if (line.kind === 'error') return { ok: false, code: line.code, text: line.text, line: line.line };
      throw new GatewayMalformedResponseError(`Diafaan answered send-message with a line that is neither OK nor ERROR: "${this.redactor.redact(line.line).slice(0, 80)}".`, {
        details: { gateway: 'diafaan', command: 'send-message' },
      });
    });
  }

  /** `request-status-update` with `info` = status (default), error-code or gateway. */
  async requestStatusUpdate(messageId: string, info: 'status' | 'error-code' | 'gateway' = 'status'): Promise<DiafaanStatusAnswer> {
    if (!messageId) throw new InvalidRequestError('request-status-update needs the message id that send-message returned.');
    const lines = await this.call('request-status-update', { 'message-id': messageId, info: info === 'status' ? undefined : info }, true);
    const first = this.firstLine(lines, 'request-status-update');
    if (first.kind === 'status' || first.kind === 'error-code') return { info, code: first.code, text: first.text, line: first.line };
    if (first.kind === 'gateway') return { info, gatewayName: first.name || undefined, line: first.line };
    throw this.unexpected('request-status-update', first);
  }

  /** `remove-queued-message`; resolves with the server's text. */
  async removeQueuedMessage(messageId: string): Promise<{ removed: true; text: string }> {
    if (!messageId) throw new InvalidRequestError('remove-queued-message needs the message id that send-message returned.');
    const first = this.firstLine(await this.call('remove-queued-message', { 'message-id': messageId }, false), 'remove-queued-message');
    if (first.kind === 'ok') return { removed: true, text: first.value };
    throw this.unexpected('remove-queued-message', first);
  }

  /** `request-server-status` (XML), read by element and attribute names. */
  async requestServerStatus(): Promise<DiafaanServerStatus> {
    const body = await this.callRaw('request-server-status', {}, true);
    return parseServerStatus(body);
  }

  /** `request-received-messages` (XML). */
  async requestReceivedMessages(query: DiafaanReceivedMessagesQuery = {}): Promise<DiafaanReceivedMessage[]> {
    const body = await this.callRaw(
      'request-received-messages',
      { limit: query.limit, remove: query.remove ? 1 : undefined, order: query.order === 'newest' ? 'newest' : undefined },
      !query.remove,
    );
    return parseReceivedMessages(body).messages;
  }

  /** `send-server-command` (admin; disabled by default from Diafaan 4.0 → error 307). */
  async sendServerCommand(command: DiafaanServerCommand, parameters: DiafaanServerCommandParameters = {}): Promise<DiafaanServerCommandResult> {
    if (!isDiafaanServerCommand(command)) {
      throw new InvalidRequestError(`"${String(command)}" is not a Diafaan server command: use one of ${Object.keys(DIAFAAN_SERVER_COMMANDS).join(', ')}.`);
    }
    const spec = DIAFAAN_SERVER_COMMANDS[command];
    if (spec.setsProperty && (!parameters.property || parameters.value === undefined)) {
      throw new InvalidRequestError(`The Diafaan command ${command} needs "property" and "value".`);
    }
    const targets = spec.targets as readonly string[];
    const value = typeof parameters.value === 'boolean' ? (parameters.value ? '1' : '0') : parameters.value;
    const body = await this.callRaw(
      'send-server-command',
      {
        command,
        gateway: targets.includes('gateway') ? joinList(parameters.gateway) : undefined,
        connector: targets.includes('connector') ? joinList(parameters.connector) : undefined,
        property: spec.setsProperty ? parameters.property : undefined,
        value: spec.setsProperty ? value : undefined,
        reload: spec.setsProperty && parameters.reload === false ? 0 : undefined,
      },
      spec.returnsXml,
    );
    if (/^\s*(\uFEFF)?</.test(body)) return { command, xml: parseXmlBody(body, 'diafaan', { idempotent: spec.returnsXml }) };
    const first = this.firstLine(this.linesOrThrow(body, 'send-server-command'), 'send-server-command');
    if (first.kind === 'ok') return { command, line: first.line, text: first.value };
    throw this.unexpected('send-server-command', first);
  }

  // ---- GatewayClient --------------------------------------------------------------------------

  /**
   * One `send-message` per recipient, so every answer line belongs to a known number. Encoding is
   * chosen here (sms.text / sms.unicode) so the billed part count is known. A failure after the
   * first recipient becomes that recipient's result instead of an exception (the others were sent).
   */
  async send(request: SendRequest): Promise<SendResult[]> {
    if (request.to.length === 0) throw new InvalidRequestError('Give at least one recipient.');
    const vendor = request.vendorOptions ?? {};
    const recipients = request.to.map((to) =>
      this.phoneNumbers.normalise(to, {
        format: this.options.phoneNumberFormat ?? 'as-is',
        defaultCountry: this.options.defaultCountry,
        allowShortCodes: true,
      }),
    );
    const guid = typeof vendor['messageGuid'] === 'string' ? vendor['messageGuid'] : undefined;
    if (guid && recipients.length > 1) throw new InvalidRequestError('A message-guid identifies one message: send to one recipient when you set it.');
    const plan = this.planText(request);
    const base: DiafaanSendParameters = {
      from: request.from,
      message: plan.text,
      messageType: plan.messageType,
      messageGuid: guid,
      messageInfo: typeof vendor['messageInfo'] === 'string' ? vendor['messageInfo'] : undefined,
      gateway: typeof vendor['gateway'] === 'string' ? vendor['gateway'] : undefined,
      priority: typeof vendor['priority'] === 'number' ? vendor['priority'] : undefined,
      validityPeriod: request.validityMinutes === undefined ? undefined : Math.round(request.validityMinutes * 60),
      scheduled: request.scheduleAt,
    };
    const results: SendResult[] = [];
    let stopAfter: SmsBridgeError | undefined;
    for (const to of recipients) {
      const common = { to, parts: plan.parts, encoding: plan.encoding, gateway: 'diafaan' } as const;
      if (stopAfter) {
        results.push({ ...common, accepted: false, state: 'failed', errorCode: stopAfter.code, errorMessage: `Not sent: ${stopAfter.message}` });
        continue;
      }
      try {
        const [line] = await this.sendMessage({ ...base, to });
        if (line!.ok) {
          results.push({ ...common, accepted: true, messageId: line!.messageId, state: 'queued', raw: { line: line!.line } });
        } else if (line!.code === undefined || PER_RECIPIENT_CODES.has(line!.code)) {
          results.push({ ...common, accepted: false, state: 'failed', errorCode: line!.code, errorMessage: line!.text, raw: { line: line!.line } });
        } else {
          throw diafaanError(line!.code, line!.text, 'send-message');
        }
      } catch (error) {
        if (results.length === 0 || !(error instanceof SmsBridgeError)) throw error;
        const mayHaveSent = !(error.code === 'SMSB_GATEWAY_UNREACHABLE' || error.code === 'SMSB_GATEWAY_AUTH' || error.code === 'SMSB_GATEWAY_REJECTED');
        results.push({ ...common, accepted: false, state: mayHaveSent ? 'unknown' : 'failed', errorCode: error.code, errorMessage: error.message, raw: { error: error.toJSON() } });
        if (error.code === 'SMSB_GATEWAY_AUTH' || error.code === 'SMSB_GATEWAY_UNREACHABLE') stopAfter = error;
      }
    }
    return results;
  }

  /** Status of a sent message; for failures the error code is fetched as well. */
  async status(messageId: string): Promise<DeliveryStatus> {
    const answer = await this.requestStatusUpdate(messageId, 'status');
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
        const error = await this.requestStatusUpdate(messageId, 'error-code');
        status.errorCode = error.code;
        status.raw = { ...status.raw, errorCode: error.code, errorText: error.text };
      } catch {
        // The status itself is known; a missing error code is no reason to fail the call.
      }
    }
    return status;
  }

  /**
   * Polls `request-received-messages`. Ids already handed out are remembered in the cursor and
   * skipped, because `remove=1` does not always remove; messages come oldest first.
   */
  async inbox(cursor?: string): Promise<InboxPage> {
    const state = this.readCursor(cursor);
    const keep = this.options.inboxMode === 'keep';
    const received = await this.requestReceivedMessages({
      limit: this.options.inboxPageSize ?? 100,
      remove: !keep,
      // Keeping messages on the server: the newest page is where new ones appear.
      order: keep ? 'newest' : 'oldest',
    });
    const seen = new Set(state.seen);
    const fresh: InboundMessage[] = [];
    const pageKeys = new Set<string>();
    for (const message of received) {
      if (message.messageId && seen.has(message.messageId)) continue;
      const key = `${message.messageId}\u0000${message.from}\u0000${message.text}`;
      if (pageKeys.has(key)) continue;
      pageKeys.add(key);
      fresh.push(toInboundMessage(message, { offsetMinutes: this.options.serverUtcOffsetMinutes, dateOrder: this.options.dateOrder }));
    }
    if (keep) fresh.reverse();
    const nextSeen = [...state.seen, ...fresh.map((message) => message.id).filter((id) => id !== '')];
    return { messages: fresh, cursor: JSON.stringify({ seen: nextSeen.slice(-SEEN_LIMIT) } satisfies InboxCursor) };
  }

  /**
   * USSD through `message-type=gsm.ussd` (the code as recipient, the gateway as port). The reply
   * arrives later as a received message of type gsm.ussd, so the exchange starts `pending`.
   */
  async ussd(request: UssdRequest): Promise<UssdExchange> {
    if (!request.code.trim()) throw new InvalidRequestError('Give a USSD code such as *100#.');
    const [line] = await this.sendMessage({
      to: request.code.trim(),
      messageType: 'gsm.ussd',
      gateway: request.port === undefined ? undefined : String(request.port),
    });
    if (!line!.ok) throw diafaanError(line!.code, line!.text, 'send-message (gsm.ussd)');
    return { code: request.code, awaitingInput: false, state: 'pending', port: request.port, gateway: 'diafaan', raw: { messageId: line!.messageId } };
  }

  /**
   * Administrative commands: the fifteen `send-server-command` commands by name, plus
   * `request-server-status` (alias `server-status`) and `remove-queued-message` (`messageId`).
   */
  async admin(command: string, args: Record<string, unknown> = {}): Promise<AdminCommandResult> {
    if (command === 'request-server-status' || command === 'server-status') {
      const status = await this.requestServerStatus();
      return { command, ok: true, gateway: 'diafaan', data: { gateways: status.gateways, messagesInSendQueue: status.messagesInSendQueue } };
    }
    if (command === 'remove-queued-message') {
      const result = await this.removeQueuedMessage(String(args['messageId'] ?? args['message-id'] ?? ''));
      return { command, ok: true, gateway: 'diafaan', data: { text: result.text } };
    }
    if (!isDiafaanServerCommand(command)) {
      throw new InvalidRequestError(`"${command}" is not a Diafaan admin command: use request-server-status, remove-queued-message or one of ${Object.keys(DIAFAAN_SERVER_COMMANDS).join(', ')}.`);
    }
    const text = (value: unknown) => (value === undefined || value === null ? undefined : Array.isArray(value) ? value.map(String) : String(value));
    const result = await this.sendServerCommand(command, {
      gateway: text(args['gateway']),
      connector: text(args['connector']),
      property: args['property'] === undefined ? undefined : String(args['property']),
      value: args['value'] as string | number | boolean | undefined,
      reload: args['reload'] === undefined ? undefined : args['reload'] !== false && args['reload'] !== '0' && args['reload'] !== 0,
    });
    return { command, ok: true, gateway: 'diafaan', data: result.xml ? { xml: result.xml } : { text: result.text, line: result.line } };
  }

  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  // ---- internals ------------------------------------------------------------------------------

  private planText(request: SendRequest): { text: string; messageType: DiafaanMessageType; parts: number; encoding: 'gsm7' | 'ucs2' | '8bit' } {
    const forced = request.vendorOptions?.['messageType'];
    if (typeof forced === 'string') {
      if (!isDiafaanMessageType(forced)) throw new InvalidRequestError(`"${forced}" is not a Diafaan message type.`);
      if (forced === 'sms.binary' || forced === 'sms.pdu') return { text: request.text, messageType: forced, parts: 1, encoding: '8bit' };
    }
    const choice = chooseEncoding(request.text, { encoding: request.encoding ?? 'auto' });
    const parts = countSegments(choice.text, { encoding: choice.encoding }).count;
    if (request.flash && choice.encoding === 'ucs2' && forced === undefined) {
      throw new InvalidRequestError('Diafaan has no Unicode flash message type: send it without "flash", or use only GSM characters.');
    }
    const messageType: DiafaanMessageType =
      typeof forced === 'string' ? (forced as DiafaanMessageType) : request.flash ? 'sms.text.flash' : choice.encoding === 'ucs2' ? 'sms.unicode' : 'sms.text';
    return { text: choice.text, messageType, parts, encoding: choice.encoding };
  }

  private async call(command: string, parameters: ParameterValues, idempotent: boolean, errorLinesAreAnswers = false): Promise<DiafaanLine[]> {
    return this.linesOrThrow(await this.callRaw(command, parameters, idempotent, errorLinesAreAnswers), command);
  }

  /** Runs a command and returns the body; `ERROR:` answers become typed errors. */
  private async callRaw(command: string, parameters: ParameterValues, idempotent: boolean, errorLinesAreAnswers = false): Promise<string> {
    const withCredentials: ParameterValues = {
      username: this.options.username || undefined,
      password: this.options.username ? (this.options.password ?? '') : undefined,
      ...parameters,
    };
    const method = this.options.method ?? 'POST';
    const response = await this.retry.run(() =>
      this.transport.request(
        method === 'GET'
          ? { method, path: `/http/${command}`, query: withCredentials, idempotent }
          : {
              method,
              path: `/http/${command}`,
              headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
              body: encodeParameters(withCredentials),
              idempotent,
            },
      ),
    );
    this.checkHttp(response, idempotent);
    const body = response.body.replace(/^\uFEFF/, '');
    const trimmed = body.trimStart();
    if (!errorLinesAreAnswers && /^ERROR\s*:/i.test(trimmed)) {
      const first = this.firstLine(parseDiafaanLines(trimmed), command);
      throw this.unexpected(command, first);
    }
    return body;
  }

  private checkHttp(response: HttpResponse, idempotent: boolean): void {
    expectHttpOk(response, { gateway: 'diafaan', idempotent, secrets: this.secrets, clockNow: this.clock.now() });
  }

  private linesOrThrow(body: string, command: string): DiafaanLine[] {
    if (/^\s*</.test(body)) {
      // An HTML page or XML where a line was expected: the URL or a proxy is wrong.
      parseXmlBody(body, 'diafaan');
      throw new GatewayMalformedResponseError(`Diafaan answered ${command} with XML where a text line was expected — check the URL.`, {
        details: { gateway: 'diafaan', command },
      });
    }
    return parseDiafaanLines(body);
  }

  private firstLine(lines: DiafaanLine[], command: string): DiafaanLine {
    const first = lines[0];
    if (!first) {
      throw new GatewayMalformedResponseError(`Diafaan answered ${command} with an empty body.`, { details: { gateway: 'diafaan', command } });
    }
    return first;
  }

  private unexpected(command: string, line: DiafaanLine): SmsBridgeError {
    if (line.kind === 'error') return diafaanError(line.code, line.text, command);
    return new GatewayMalformedResponseError(`Diafaan answered ${command} with an unexpected line: "${this.redactor.redact(line.line).slice(0, 80)}".`, {
      details: { gateway: 'diafaan', command },
    });
  }

  private checkMessageId(id: string, guid: string | undefined): void {
    const pattern = this.options.messageIdPattern === undefined ? GUID : this.options.messageIdPattern;
    const fine = guid ? id.startsWith(guid) : pattern === null || pattern.test(id);
    if (fine) return;
    throw new GatewayMalformedResponseError(
      `Diafaan answered send-message with the id "${this.redactor.redact(id).slice(0, 60)}", which is not an id it writes: the answer was probably cut off. The message may have been queued, so check the server before sending it again.`,
      { details: { gateway: 'diafaan', command: 'send-message' } },
    );
  }

  private readCursor(cursor: string | undefined): InboxCursor {
    if (!cursor) return { seen: [] };
    try {
      const parsed = JSON.parse(cursor) as Partial<InboxCursor>;
      return { seen: Array.isArray(parsed.seen) ? parsed.seen.filter((id): id is string => typeof id === 'string') : [] };
    } catch {
      throw new InvalidRequestError('The Diafaan inbox cursor is not one this client wrote: reset the trigger\'s saved state.');
    }
  }
}
