import { chooseEncoding, countSegments } from '../../codec';
import type { GatewaySimulator, SimulatorOptions } from '../../simulator/gateway-simulator';
import { parameterCredentials } from '../../simulator/simulator-credentials';
import { requestParameter, textReply, xmlReply, type SimulatorReply, type SimulatorRequest } from '../../simulator/simulator-request';
import { SimulatorServer } from '../../simulator/simulator-server';
import type { SimulatedInbound, SimulatedMessage, SimulatedUssd } from '../../simulator/simulated-network';
import { formatDiafaanCompactDate, formatDiafaanUsDate } from './diafaan-dates';
import { DIAFAAN_ERROR_TEXTS } from './diafaan-error-codes';
import { isDiafaanMessageType, type DiafaanMessageType } from './diafaan-message-type';
import { DIAFAAN_SERVER_COMMANDS, isDiafaanServerCommand, type DiafaanServerCommand } from './diafaan-server-commands';

export interface DiafaanSimulatorOptions extends SimulatorOptions {
  /** Requests without a username use the guest account (default true; false → error 303). */
  guestEnabled?: boolean;
  /** `SendServerCommandEnabled` (default false, as from Diafaan 4.0 → error 307). */
  serverCommandsEnabled?: boolean;
  /** Users with administrator rights (default `admin`). */
  administrators?: string[];
  /** Gateway names (default one `GSM Modem Gateway`). */
  gateways?: string[];
  connectors?: string[];
  /** Contact list for `contact-name`: a name maps to a number or, for a group, to several. */
  contacts?: Record<string, string | string[]>;
  /** Numbers the server silently drops (no answer line), as Diafaan does for blocked numbers. */
  blockedNumbers?: string[];
  /** Where the server sends its HTTP callbacks (`action=message_in` / `message_out`). */
  callbackUrl?: string;
  /** Dates in the received-messages XML: `compact` yyyyMMddHHmmss (default) or an en-US locale string. */
  dateStyle?: 'compact' | 'us-locale';
  /** `remove=1` leaves the messages in place, as one production client reported. */
  removeIsUnreliable?: boolean;
}

interface SimulatedGateway {
  id: number;
  name: string;
  active: boolean;
  sendEnabled: boolean;
  receiveEnabled: boolean;
  properties: Record<string, string>;
}

interface SimulatedConnector {
  id: number;
  name: string;
  active: boolean;
  properties: Record<string, string>;
}

const DEFAULT_ACCOUNTS = [
  { username: 'admin', password: 'diafaan-admin' },
  { username: 'user', password: 'diafaan-user' },
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function lines(...values: string[]): SimulatorReply {
  return textReply(values.map((value) => `${value}\r\n`).join(''));
}

function error(code: number, text = DIAFAAN_ERROR_TEXTS[code] ?? 'Unknown error'): SimulatorReply {
  return lines(`ERROR:${code} ${text}`);
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A Diafaan SMS Server Web connector: `/http/<command>` with query or form credentials, the guest
 * account, exact `OK: id` / `ERROR:code text` lines with HTTP 200, the XML answers, and
 * send-server-command (off by default → 307) acting on simulated gateways (stopped or paused
 * gateways keep their messages queued). Outbound HTTP callbacks go to `callbackUrl`.
 */
export class DiafaanSimulator extends SimulatorServer implements GatewaySimulator {
  readonly gateway = 'diafaan' as const;
  guestEnabled: boolean;
  serverCommandsEnabled: boolean;
  callbackUrl: string | undefined;
  removeIsUnreliable: boolean;
  dateStyle: 'compact' | 'us-locale';
  readonly gateways = new Map<string, SimulatedGateway>();
  readonly connectors = new Map<string, SimulatedConnector>();
  readonly settings: Record<string, string> = { LogEventsToEmail: '0', SendServerCommandEnabled: '0' };
  readonly routing = new Map<string, Record<string, string>>();
  private readonly administrators: Set<string>;
  private readonly contacts: Record<string, string | string[]>;
  private readonly blocked: Set<string>;

  constructor(options: DiafaanSimulatorOptions = {}) {
    super(options, DEFAULT_ACCOUNTS);
    this.guestEnabled = options.guestEnabled ?? true;
    this.serverCommandsEnabled = options.serverCommandsEnabled ?? false;
    this.callbackUrl = options.callbackUrl;
    this.removeIsUnreliable = options.removeIsUnreliable ?? false;
    this.dateStyle = options.dateStyle ?? 'compact';
    this.administrators = new Set(options.administrators ?? ['admin']);
    this.contacts = options.contacts ?? { Alice: '+447700900001', Bob: '+447700900002', Team: ['+447700900001', '+447700900002'] };
    this.blocked = new Set((options.blockedNumbers ?? []).map((number) => number.replace(/[^\d+]/g, '')));
    (options.gateways ?? ['GSM Modem Gateway']).forEach((name, index) =>
      this.gateways.set(name, { id: index + 1, name, active: true, sendEnabled: true, receiveEnabled: true, properties: { Enabled: '1', SendLimit: '0' } }),
    );
    (options.connectors ?? ['Web Connector', 'SQL Connector']).forEach((name, index) =>
      this.connectors.set(name, { id: index + 1, name, active: true, properties: { Enabled: '1' } }),
    );

    this.router
      .add('*', '/http/send-message', (request) => this.withUser(request, false, (user) => this.sendMessage(request, user)))
      .add('*', '/http/request-status-update', (request) => this.withUser(request, false, () => this.requestStatusUpdate(request)))
      .add('*', '/http/remove-queued-message', (request) => this.withUser(request, false, () => this.removeQueuedMessage(request)))
      .add('*', '/http/request-server-status', (request) => this.withUser(request, true, () => this.requestServerStatus()))
      .add('*', '/http/request-received-messages', (request) => this.withUser(request, false, () => this.requestReceivedMessages(request)))
      .add('*', '/http/send-server-command', (request) => this.withUser(request, true, (user) => this.sendServerCommand(request, user)))
      .add('*', '/http/:command', (request) => this.withUser(request, false, () => error(306)));

    this.network.on('inbound', (message) => this.pushInbound(message));
    this.network.on('status', (message) => this.pushStatus(message));
    this.network.on('ussd', (session) => this.deliverUssdReply(session));
  }

  /** A received SMS arrives at a gateway (default: the first). */
  injectReceivedMessage(options: { from: string; text: string; to?: string; gateway?: string; smsc?: string; pdu?: string }): SimulatedInbound {
    return this.network.injectInbound({
      from: options.from,
      text: options.text,
      to: options.to,
      channel: options.gateway ?? this.firstGatewayName(),
      smsc: options.smsc,
      meta: { messageType: 'sms.text', pdu: options.pdu },
    });
  }

  protected authRefusedReply(): SimulatorReply {
    return error(304);
  }

  protected override describeNotes(): string[] {
    return [
      'Web connector API under /http/<command>; credentials as query or form parameters; no username = guest.',
      'Numbers ending in 666 fail to send (STATUS:300), 999 are undelivered (STATUS:301), others reach STATUS:201.',
      `send-server-command is ${this.serverCommandsEnabled ? 'enabled' : 'disabled (ERROR:307) — start with serverCommandsEnabled'}.`,
      'Real product default port: 9710.',
    ];
  }

  // ---- commands -------------------------------------------------------------------------------

  private withUser(request: SimulatorRequest, mandatory: boolean, run: (user: string) => SimulatorReply): SimulatorReply {
    const { username, password } = parameterCredentials(request);
    if (!username) {
      if (mandatory || !this.guestEnabled) return error(303);
      return run('guest');
    }
    const account = this.accounts.find((known) => known.username === username);
    if (!account || account.password !== (password ?? '')) return error(304);
    return run(username);
  }

  private sendMessage(request: SimulatorRequest, user: string): SimulatorReply {
    if (this.occurrences(request, 'to') > 1) return error(302);
    const type = requestParameter(request, 'message-type') ?? 'sms.automatic';
    if (!isDiafaanMessageType(type)) return error(306);
    const recipients = [...splitList(requestParameter(request, 'to'))];
    for (const name of splitList(requestParameter(request, 'contact-name'))) {
      const entry = this.contacts[name];
      if (entry !== undefined) recipients.push(...(Array.isArray(entry) ? entry : [entry]));
    }
    if (recipients.length === 0) return error(301);
    const text = requestParameter(request, 'message') ?? '';
    const gatewayNames = splitList(requestParameter(request, 'gateway'));
    const channel = gatewayNames[0] ?? this.firstGatewayName();
    const validity = Number(requestParameter(request, 'validity-period'));
    const scheduledText = requestParameter(request, 'scheduled');
    const scheduled = scheduledText ? Date.parse(scheduledText) : NaN;
    const guid = requestParameter(request, 'message-guid');
    const { encoding, parts } = this.measure(text, type);
    const answer: string[] = [];
    recipients.forEach((to, index) => {
      const compact = to.replace(/[\s-]/g, '');
      if (this.blocked.has(compact)) return;
      const dialable = type === 'gsm.ussd' ? /^[*#\d]+$/.test(compact) : /^\+?\d{3,20}$/.test(compact);
      if (!dialable) {
        answer.push(`ERROR:311 ${DIAFAAN_ERROR_TEXTS[311]}`);
        return;
      }
      const id = guid ? (index === 0 ? guid : `${guid}-${index + 1}`) : undefined;
      const meta = {
        user,
        messageType: type,
        messageInfo: requestParameter(request, 'message-info'),
        priority: requestParameter(request, 'priority'),
        gatewayUsed: channel,
      };
      if (type === 'gsm.ussd') {
        const session = this.network.requestUssd(compact, channel);
        const record = this.network.submit({ id, to: compact, text: compact, channel, parts: 1, encoding: 'gsm7', meta: { ...meta, ussdSession: session.id } });
        answer.push(`OK: ${record.id}`);
        return;
      }
      const message = this.network.submit({
        id,
        to: compact,
        from: requestParameter(request, 'from'),
        text,
        channel,
        parts,
        encoding,
        validityMs: Number.isFinite(validity) && validity > 0 ? validity * 1000 : undefined,
        notBefore: Number.isNaN(scheduled) ? undefined : scheduled,
        meta,
      });
      answer.push(`OK: ${message.id}`);
    });
    return lines(...answer);
  }

  private requestStatusUpdate(request: SimulatorRequest): SimulatorReply {
    const id = requestParameter(request, 'message-id');
    if (!id) return error(306);
    const message = this.network.get(id);
    if (!message || message.state === 'cancelled') return error(309);
    const info = requestParameter(request, 'info') ?? 'status';
    if (info === 'gateway') return lines(`GATEWAY:${message.state === 'queued' ? '' : String(message.meta['gatewayUsed'] ?? '')}`);
    if (info === 'error-code') {
      const failed = message.state === 'failed' || message.state === 'expired';
      return lines(failed ? `ERROR-CODE:${message.sentAt === undefined ? 500 : 34} ${message.errorText ?? 'Send error'}` : 'ERROR-CODE:0 No error');
    }
    if (info !== 'status') return error(306);
    return lines(`STATUS:${this.statusOf(message)}`);
  }

  private removeQueuedMessage(request: SimulatorRequest): SimulatorReply {
    const id = requestParameter(request, 'message-id');
    if (!id) return error(306);
    const message = this.network.get(id);
    if (!message || message.state === 'cancelled') return error(309);
    if (!this.network.cancel(id)) return lines('ERROR: The message is not in the send queue');
    return lines('OK: Message removed from the send queue');
  }

  private requestServerStatus(): SimulatorReply {
    const queued = this.network.queuedCount();
    const gateways = [...this.gateways.values()].map((gateway) => {
      const mine = [...this.network.messages.values()].filter((message) => message.channel === gateway.name);
      const count = (predicate: (message: SimulatedMessage) => boolean) => mine.filter(predicate).length;
      return [
        `    <Gateway Name="${escapeXml(gateway.name)}" Id="${gateway.id}" Active="${gateway.active ? 1 : 0}" Available="${gateway.active ? 1 : 0}" SendEnabled="${gateway.sendEnabled ? 1 : 0}" ReceiveEnabled="${gateway.receiveEnabled ? 1 : 0}">`,
        `      <MessagesInSendQueue>${count((message) => message.state === 'queued')}</MessagesInSendQueue>`,
        `      <MessagesSent>${count((message) => message.sentAt !== undefined)}</MessagesSent>`,
        `      <MessagesFailed>${count((message) => message.state === 'failed' || message.state === 'expired')}</MessagesFailed>`,
        `      <MessagesReceived>${this.network.inbox.filter((message) => message.channel === gateway.name).length}</MessagesReceived>`,
        '    </Gateway>',
      ].join('\r\n');
    });
    const connectors = [...this.connectors.values()].map(
      (connector) => `    <Connector Name="${escapeXml(connector.name)}" Id="${connector.id}" Active="${connector.active ? 1 : 0}" />`,
    );
    return xmlReply(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<ServerStatus>',
        '  <Version>4.3.0.0</Version>',
        `  <MessagesInSendQueue>${queued}</MessagesInSendQueue>`,
        '  <Gateways>',
        ...gateways,
        '  </Gateways>',
        '  <Connectors>',
        ...connectors,
        '  </Connectors>',
        '</ServerStatus>',
        '',
      ].join('\r\n'),
    );
  }

  private requestReceivedMessages(request: SimulatorRequest): SimulatorReply {
    const limit = Number(requestParameter(request, 'limit'));
    const newest = requestParameter(request, 'order') === 'newest';
    const ordered = [...this.network.inbox].sort((a, b) => a.receivedAt - b.receivedAt);
    if (newest) ordered.reverse();
    const chosen = Number.isFinite(limit) && limit > 0 ? ordered.slice(0, limit) : ordered;
    const date = (ms: number) => (this.dateStyle === 'us-locale' ? formatDiafaanUsDate(ms) : formatDiafaanCompactDate(ms));
    const body = chosen.map((message) =>
      [
        ' <Message>',
        `   <From>${escapeXml(message.from)}</From>`,
        message.to ? `   <To>${escapeXml(message.to)}</To>` : '   <To />',
        `   <MessageText>${escapeXml(message.text)}</MessageText>`,
        `   <MessageType>${escapeXml(String(message.meta['messageType'] ?? 'sms.text'))}</MessageType>`,
        `   <MessageId>${escapeXml(message.id)}</MessageId>`,
        '   <MessagePart>-1</MessagePart>',
        '   <ReceivedMessageParts>1</ReceivedMessageParts>',
        '   <TotalMessageParts>1</TotalMessageParts>',
        `   <SendTime>${date(message.sentAt)}</SendTime>`,
        `   <ReceiveTime>${date(message.receivedAt)}</ReceiveTime>`,
        `   <Gateway>${escapeXml(message.channel ?? this.firstGatewayName())}</Gateway>`,
        message.smsc ? `   <SMSC>${escapeXml(message.smsc)}</SMSC>` : '   <SMSC />',
        message.meta['pdu'] ? `   <PDU>${escapeXml(String(message.meta['pdu']))}</PDU>` : '   <PDU />',
        '   <IsRemoved>0</IsRemoved>',
        ' </Message>',
      ].join('\r\n'),
    );
    if (requestParameter(request, 'remove') === '1' && !this.removeIsUnreliable) this.network.removeInbound(chosen.map((message) => message.id));
    return xmlReply([`<?xml version='1.0' encoding='UTF-8'?>`, `<MessageList Count="${chosen.length}">`, ...body, '</MessageList>', ''].join('\r\n'));
  }

  private sendServerCommand(request: SimulatorRequest, user: string): SimulatorReply {
    if (!this.serverCommandsEnabled || !this.administrators.has(user)) return error(307);
    const command = requestParameter(request, 'command') ?? '';
    if (!isDiafaanServerCommand(command)) return error(306);
    const spec = DIAFAAN_SERVER_COMMANDS[command];
    const property = requestParameter(request, 'property');
    const value = requestParameter(request, 'value');
    if (spec.setsProperty && (!property || value === undefined)) return error(306);
    const gatewayNames = splitList(requestParameter(request, 'gateway'));
    const connectorNames = splitList(requestParameter(request, 'connector'));
    const gateways = gatewayNames.length ? gatewayNames.map((name) => this.gateways.get(name)) : [...this.gateways.values()];
    const connectors = connectorNames.length ? connectorNames.map((name) => this.connectors.get(name)) : [...this.connectors.values()];
    if (gateways.some((gateway) => !gateway) || connectors.some((connector) => !connector)) return error(306);
    return this.runServerCommand(command, gateways as SimulatedGateway[], connectors as SimulatedConnector[], property, value);
  }

  private runServerCommand(command: DiafaanServerCommand, gateways: SimulatedGateway[], connectors: SimulatedConnector[], property?: string, value?: string): SimulatorReply {
    const names = (items: { name: string }[]) => items.map((item) => item.name).join(';');
    switch (command) {
      case 'start-gateway':
      case 'restart-gateway':
        gateways.forEach((gateway) => {
          gateway.active = true;
          this.applyGatewayState(gateway);
        });
        return lines(`OK: ${command === 'start-gateway' ? 'Started' : 'Restarted'} ${names(gateways)}`);
      case 'stop-gateway':
        gateways.forEach((gateway) => {
          gateway.active = false;
          this.applyGatewayState(gateway);
        });
        return lines(`OK: Stopped ${names(gateways)}`);
      case 'pause-sending':
      case 'resume-sending':
        gateways.forEach((gateway) => {
          gateway.sendEnabled = command === 'resume-sending';
          this.applyGatewayState(gateway);
        });
        return lines(`OK: Sending ${command === 'pause-sending' ? 'paused' : 'resumed'} for ${names(gateways)}`);
      case 'reset-send-limit':
        return lines(`OK: Send limit reset for ${names(gateways)}`);
      case 'start-connector':
      case 'stop-connector':
      case 'restart-connector':
        connectors.forEach((connector) => {
          connector.active = command !== 'stop-connector';
        });
        return lines(`OK: ${command === 'stop-connector' ? 'Stopped' : command === 'start-connector' ? 'Started' : 'Restarted'} ${names(connectors)}`);
      case 'get-server-configuration':
        return xmlReply(this.configurationXml());
      case 'get-server-settings':
        return xmlReply(
          ['<?xml version="1.0" encoding="utf-8"?>', '<ServerSettings>', ...Object.entries(this.settings).map(([name, setting]) => `  <${name}>${escapeXml(setting)}</${name}>`), '</ServerSettings>', ''].join('\r\n'),
        );
      case 'set-gateway-property':
        gateways.forEach((gateway) => {
          gateway.properties[property!] = value!;
          if (property === 'Enabled') gateway.active = value === '1' || value?.toLowerCase() === 'true';
          this.applyGatewayState(gateway);
        });
        return lines(`OK: ${property} set for ${names(gateways)}`);
      case 'set-connector-property':
        connectors.forEach((connector) => {
          connector.properties[property!] = value!;
        });
        return lines(`OK: ${property} set for ${names(connectors)}`);
      case 'set-routing-property':
        for (const connector of connectors) {
          for (const gateway of gateways) {
            const key = `${connector.name}|${gateway.name}`;
            this.routing.set(key, { ...this.routing.get(key), [property!]: value! });
          }
        }
        return lines(`OK: Routing ${property} set`);
      case 'set-settings-property':
        this.settings[property!] = value!;
        return lines(`OK: ${property} set`);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private applyGatewayState(gateway: SimulatedGateway): void {
    if (gateway.active && gateway.sendEnabled) this.network.resume(gateway.name);
    else this.network.pause(gateway.name);
  }

  private configurationXml(): string {
    const gateways = [...this.gateways.values()].map((gateway) =>
      [
        `    <Gateway Name="${escapeXml(gateway.name)}" Id="${gateway.id}" Type="GSMModemGateway">`,
        ...Object.entries(gateway.properties).map(([name, value]) => `      <${name}>${escapeXml(value)}</${name}>`),
        '    </Gateway>',
      ].join('\r\n'),
    );
    const connectors = [...this.connectors.values()].map((connector) =>
      [
        `    <Connector Name="${escapeXml(connector.name)}" Id="${connector.id}">`,
        ...Object.entries(connector.properties).map(([name, value]) => `      <${name}>${escapeXml(value)}</${name}>`),
        '    </Connector>',
      ].join('\r\n'),
    );
    return ['<?xml version="1.0" encoding="utf-8"?>', '<ServerConfiguration>', '  <Gateways>', ...gateways, '  </Gateways>', '  <Connectors>', ...connectors, '  </Connectors>', '</ServerConfiguration>', ''].join('\r\n');
  }

  private measure(text: string, type: DiafaanMessageType): { encoding: string; parts: number } {
    if (type === 'sms.binary' || type === 'sms.pdu') return { encoding: '8bit', parts: 1 };
    const forced = type === 'sms.unicode' ? 'ucs2' : type === 'sms.text' || type === 'sms.text.flash' ? 'gsm7' : 'auto';
    const choice = chooseEncoding(text, { encoding: forced });
    return { encoding: choice.encoding, parts: countSegments(choice.text, { encoding: choice.encoding }).count };
  }

  /** Diafaan's status line for a message (1xx queued is inferred; 200/201/300/301 are documented). */
  private statusOf(message: SimulatedMessage): string {
    switch (message.state) {
      case 'queued':
        return '100 Queued';
      case 'sent':
        return '200 Sent';
      case 'delivered':
        return '201 Received';
      default:
        return message.sentAt === undefined ? '300 Send error' : '301 Undelivered';
    }
  }

  private occurrences(request: SimulatorRequest, name: string): number {
    const query = new URL(request.rawUrl, 'http://simulator.invalid').searchParams.getAll(name).length;
    const form = request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(request.body).getAll(name).length : 0;
    return query + form;
  }

  private firstGatewayName(): string {
    return this.gateways.keys().next().value ?? 'GSM Modem Gateway';
  }

  private deliverUssdReply(session: SimulatedUssd): void {
    if (session.reply === undefined) return;
    this.network.injectInbound({ from: session.code, text: session.reply, channel: session.channel, meta: { messageType: 'gsm.ussd', ussdSession: session.id } });
  }

  private pushInbound(message: SimulatedInbound): void {
    if (!this.callbackUrl) return;
    void this.pushes.send({
      url: this.callbackUrl,
      method: 'GET',
      query: {
        source: 'Diafaan SMS Server',
        action: 'message_in',
        user_id: '1',
        user_name: 'admin',
        ip_number: '127.0.0.1',
        from: message.from,
        to: message.to ?? '',
        message: message.text,
        message_id: message.id,
        message_type: String(message.meta['messageType'] ?? 'sms.text'),
        gateway: message.channel ?? this.firstGatewayName(),
        send_time: formatDiafaanCompactDate(message.sentAt),
        receive_time: formatDiafaanCompactDate(message.receivedAt),
      },
    });
  }

  private pushStatus(message: SimulatedMessage): void {
    if (!this.callbackUrl || message.state === 'queued' || message.state === 'cancelled') return;
    const [code, ...text] = this.statusOf(message).split(' ');
    void this.pushes.send({
      url: this.callbackUrl,
      method: 'GET',
      query: {
        source: 'Diafaan SMS Server',
        action: 'message_out',
        user_id: '1',
        user_name: String(message.meta['user'] ?? 'admin'),
        ip_number: '127.0.0.1',
        from: message.from ?? '',
        to: message.to,
        message: message.text,
        message_id: message.id,
        message_type: String(message.meta['messageType'] ?? 'sms.text'),
        gateway: message.channel ?? this.firstGatewayName(),
        status_code: code,
        status_text: text.join(' '),
      },
    });
  }
}
