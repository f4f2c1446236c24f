import { systemClock, type Clock } from '../../clock/clock';
import { GatewayMalformedResponseError, InvalidRequestError } from '../../errors/gateway-errors';
import type { SmsBridgeError } from '../../errors/smsbridge-error';
import type { HttpRequest, HttpTransport } from '../../transport/http-transport';
import { encodeParameters, type ParameterValues } from '../../transport/query-string';
import { SecretRedactor } from '../../transport/redact-secrets';
import { checkUrlLength } from '../contract/check-send-request';
import { expectHttpOk } from '../shared/http-status-check';
import { httpTransportFor } from '../shared/http-transport-for';
import { SendRetryPolicy } from '../shared/send-retry-policy';
import { parseXmlBody, type XmlElement } from '../shared/xml-body';
import type { VendorClientOptions } from '../vendor-entry';
import { diafaanError } from './diafaan-error-codes';
import { parseDiafaanLines, type DiafaanLine } from './diafaan-line-response';
import { isDiafaanMessageType, type DiafaanMessageType } from './diafaan-message-type';
import { parseReceivedMessages, type DiafaanReceivedMessage } from './diafaan-received-messages';
import { DIAFAAN_SERVER_COMMANDS, isDiafaanServerCommand, type DiafaanServerCommand, type DiafaanServerCommandParameters } from './diafaan-server-commands';
import { parseServerStatus, type DiafaanServerStatus } from './diafaan-server-status';

export interface DiafaanApiOptions extends VendorClientOptions {
  /** `POST` (default: form body, the password stays out of URLs and proxy logs) or `GET`. */
  method?: 'GET' | 'POST';
  /** Gateway name(s) to send through when a request names none. */
  defaultGateway?: string | readonly string[];
  /** Retries for requests that provably never reached the server (default: one attempt). */
  retry?: SendRetryPolicy;
  /**
   * Shape of the ids the server hands out (default: a GUID, as Diafaan writes them); an id that
   * does not match means a cut-off answer; `.*` accepts anything.
   */
  messageIdPattern?: RegExp;
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

export type DiafaanStatusInfo = 'status' | 'error-code' | 'gateway';

export interface DiafaanStatusAnswer {
  info: DiafaanStatusInfo;
  code?: number;
  text?: string;
  gatewayName?: string;
  line: string;
}

export interface DiafaanReceivedMessagesQuery {
  limit?: number;
  /** Removes what this request returns — the only way the API offers to remove received messages. */
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

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Error codes that concern one recipient of a send (the others may have been queued). */
export const DIAFAAN_PER_RECIPIENT_CODES: ReadonlySet<number> = new Set([300, 301, 311]);

/**
 * Longest GET request line we send: the Windows HTTP server under Diafaan refuses a request line
 * and headers beyond 16 KB (HTTP.sys `MaxRequestBytes` default) [I]; POST has no such limit.
 */
export const DIAFAAN_MAX_GET_URL_LENGTH = 16_000;

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
 * The Diafaan SMS Server Web connector HTTP API (`/http/<command>`, port 9710 by default) in its
 * own vocabulary, every command of the manual's "HTTP API specifications": send-message,
 * request-status-update, remove-queued-message, request-server-status, request-received-messages
 * and the fifteen send-server-command commands. Vendor-neutral operations live in `DiafaanClient`.
 */
export class DiafaanApi {
  private readonly transport: HttpTransport;
  private readonly options: DiafaanApiOptions;
  private readonly secrets: string[];
  /** Scrubs the password from gateway lines quoted in errors; spelled once for the client's life. */
  private readonly redactor: SecretRedactor;
  private readonly retry: SendRetryPolicy;
  private readonly clock: Clock;
  /** An injected transport belongs to whoever injected it; only our own is closed with us. */
  private readonly ownsTransport: boolean;

  constructor(options: DiafaanApiOptions) {
    this.options = options;
    this.secrets = options.password ? [options.password] : [];
    this.redactor = new SecretRedactor(this.secrets);
    this.transport = httpTransportFor(options, 'diafaan');
    this.ownsTransport = options.transport === undefined;
    this.clock = options.clock ?? systemClock;
    this.retry = options.retry ?? new SendRetryPolicy({ maxAttempts: 1, clock: this.clock });
  }

  /** Whether requests go with a user name (otherwise the server's guest account answers). */
  get usesGuestAccount(): boolean {
    return !this.options.username;
  }

  /** `send-message` with every parameter; one entry per answer line (may differ from the number of recipients). */
  async sendMessage(parameters: DiafaanSendParameters): Promise<DiafaanSendLine[]> {
    const to = joinList(parameters.to);
    const contactName = joinList(parameters.contactName);
    if (!to && !contactName) {
      throw new InvalidRequestError('A Diafaan message needs a recipient: give "to" (phone numbers) or "contact-name" (contacts or groups).', { details: { gateway: 'diafaan' } });
    }
    if (parameters.messageType !== undefined && !isDiafaanMessageType(parameters.messageType)) {
      throw new InvalidRequestError(`"${String(parameters.messageType)}" is not a Diafaan message type: use sms.automatic, sms.text, sms.unicode, sms.text.flash, sms.binary, sms.pdu or gsm.ussd.`, {
        details: { gateway: 'diafaan' },
      });
    }
    const lines = await this.call(
      'send-message',
      {
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
      },
      false,
      true,
    );
    if (lines.length === 0) {
      throw new GatewayMalformedResponseError('Diafaan answered send-message with an empty body: the message may or may not have been queued, check the server before sending it again.', {
        details: { gateway: 'diafaan', command: 'send-message' },
      });
    }
    const first = lines[0]!;
    // Codes about the request itself come once, not per recipient: nothing was queued.
    if (first.kind === 'error' && first.code !== undefined && !DIAFAAN_PER_RECIPIENT_CODES.has(first.code)) throw diafaanError(first.code, first.text, 'send-message');
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
  async requestStatusUpdate(messageId: string, info: DiafaanStatusInfo = 'status'): Promise<DiafaanStatusAnswer> {
    if (!messageId) throw new InvalidRequestError('request-status-update needs the message id that send-message returned.', { details: { gateway: 'diafaan' } });
    const lines = await this.call('request-status-update', { 'message-id': messageId, info: info === 'status' ? undefined : info }, true);
    const first = this.firstLine(lines, 'request-status-update');
    if (first.kind === 'status' || first.kind === 'error-code') return { info, code: first.code, text: first.text, line: first.line };
    if (first.kind === 'gateway') return { info, gatewayName: first.name || undefined, line: first.line };
    throw this.unexpected('request-status-update', first);
  }

  /** `remove-queued-message`; resolves with the server's text. */
  async removeQueuedMessage(messageId: string): Promise<{ removed: true; text: string }> {
    if (!messageId) throw new InvalidRequestError('remove-queued-message needs the message id that send-message returned.', { details: { gateway: 'diafaan' } });
    const first = this.firstLine(await this.call('remove-queued-message', { 'message-id': messageId }, false), 'remove-queued-message');
    if (first.kind === 'ok') return { removed: true, text: first.value };
    throw this.unexpected('remove-queued-message', first);
  }

  /** `request-server-status` (XML), read by element and attribute names. Needs a named user. */
  async requestServerStatus(): Promise<DiafaanServerStatus> {
    const body = await this.callRaw('request-server-status', {}, true);
    return parseServerStatus(body);
  }

  /** `request-received-messages` (XML). With `remove`, the server deletes exactly what it returns. */
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
      throw new InvalidRequestError(`"${String(command)}" is not a Diafaan server command: use one of ${Object.keys(DIAFAAN_SERVER_COMMANDS).join(', ')}.`, { details: { gateway: 'diafaan' } });
    }
    const spec = DIAFAAN_SERVER_COMMANDS[command];
    if (spec.setsProperty && (!parameters.property || parameters.value === undefined)) {
      throw new InvalidRequestError(`The Diafaan command ${command} needs "property" and "value".`, { details: { gateway: 'diafaan', command } });
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

  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  // ---- internals ------------------------------------------------------------------------------

  private async call(command: string, parameters: ParameterValues, idempotent: boolean, errorLinesAreAnswers = false): Promise<DiafaanLine[]> {
    return this.linesOrThrow(await this.callRaw(command, parameters, idempotent, errorLinesAreAnswers), command);
  }

  /** Runs a command and returns the body; `ERROR:` answers become typed errors. */
  private async callRaw(command: string, parameters: ParameterValues, idempotent: boolean, errorLinesAreAnswers = false): Promise<string> {
    const request = this.request(command, parameters, idempotent);
    const response = await this.retry.run(() => this.transport.request(request));
    expectHttpOk(response, { gateway: 'diafaan', idempotent, secrets: this.secrets, clockNow: this.clock.now() });
    const body = response.body.replace(/^\uFEFF/, '');
    const trimmed = body.trimStart();
    if (!errorLinesAreAnswers && /^ERROR\s*:/i.test(trimmed)) {
      const first = this.firstLine(parseDiafaanLines(trimmed), command);
      throw this.unexpected(command, first);
    }
    return body;
  }

  private request(command: string, parameters: ParameterValues, idempotent: boolean): HttpRequest {
    const withCredentials: ParameterValues = {
      username: this.options.username || undefined,
      password: this.options.username ? (this.options.password ?? '') : undefined,
      ...parameters,
    };
    const path = `/http/${command}`;
    if (this.options.method === 'GET') {
      checkUrlLength({ gateway: 'diafaan', displayName: 'Diafaan SMS Server over GET' }, this.options.baseUrl.length + path.length + 1 + encodeParameters(withCredentials).length, DIAFAAN_MAX_GET_URL_LENGTH);
      return { method: 'GET', path, query: withCredentials, idempotent };
    }
    return {
      method: 'POST',
      path,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: encodeParameters(withCredentials),
      idempotent,
    };
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
    const pattern = this.options.messageIdPattern ?? GUID;
    const fine = guid ? id.startsWith(guid) : pattern.test(id);
    if (fine) return;
    throw new GatewayMalformedResponseError(
      `Diafaan answered send-message with the id "${this.redactor.redact(id).slice(0, 60)}", which is not an id it writes: the answer was probably cut off. The message may have been queued, so check the server before sending it again.`,
      { details: { gateway: 'diafaan', command: 'send-message' } },
    );
  }
}
