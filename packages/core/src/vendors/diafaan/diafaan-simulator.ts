import type { GatewaySimulator, SimulatorOptions } from '../../simulator/gateway-simulator';
import { parameterCredentials } from '../../simulator/simulator-credentials';
import type { SimulatorReply, SimulatorRequest } from '../../simulator/simulator-request';
import { SimulatorServer } from '../../simulator/simulator-server';
import type { SimulatedInbound, SimulatedMessage, SimulatedUssd } from '../../simulator/simulated-network';
import { messageInQuery, messageOutQuery } from './diafaan-simulator/diafaan-callbacks';
import type { DiafaanSimulatorState, SimulatedDiafaanConnector, SimulatedDiafaanGateway } from './diafaan-simulator/diafaan-simulator-state';
import { errorLine } from './diafaan-simulator/diafaan-simulator-replies';
import { handleRemoveQueuedMessage } from './diafaan-simulator/remove-queued-message-handler';
import { handleRequestReceivedMessages } from './diafaan-simulator/request-received-messages-handler';
import { handleRequestServerStatus } from './diafaan-simulator/request-server-status-handler';
import { handleRequestStatusUpdate } from './diafaan-simulator/request-status-update-handler';
import { handleSendMessage } from './diafaan-simulator/send-message-handler';
import { handleSendServerCommand } from './diafaan-simulator/send-server-command-handler';

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

const DEFAULT_ACCOUNTS = [
  { username: 'admin', password: 'diafaan-admin' },
  { username: 'user', password: 'diafaan-user' },
];

/**
 * A Diafaan SMS Server Web connector: `/http/<command>` with query or form credentials, the guest
 * account, exact `OK: id` / `ERROR:code text` lines with HTTP 200, the XML answers, and
 * send-server-command (off by default → 307) acting on simulated gateways (stopped or paused
 * gateways keep their messages queued). One handler per command in `diafaan-simulator/`.
 * Outbound HTTP callbacks go to `callbackUrl`.
 */
export class DiafaanSimulator extends SimulatorServer implements GatewaySimulator, DiafaanSimulatorState {
  readonly gateway = 'diafaan' as const;
  guestEnabled: boolean;
  serverCommandsEnabled: boolean;
  callbackUrl: string | undefined;
  removeIsUnreliable: boolean;
  dateStyle: 'compact' | 'us-locale';
  readonly gateways = new Map<string, SimulatedDiafaanGateway>();
  readonly connectors = new Map<string, SimulatedDiafaanConnector>();
  readonly settings: Record<string, string> = { LogEventsToEmail: '0', SendServerCommandEnabled: '0' };
  readonly routing = new Map<string, Record<string, string>>();
  readonly administrators: ReadonlySet<string>;
  readonly contacts: Readonly<Record<string, string | string[]>>;
  readonly blockedNumbers: ReadonlySet<string>;

  constructor(options: DiafaanSimulatorOptions = {}) {
    super(options, DEFAULT_ACCOUNTS);
    this.guestEnabled = options.guestEnabled ?? true;
    this.serverCommandsEnabled = options.serverCommandsEnabled ?? false;
    this.callbackUrl = options.callbackUrl ?? options.pushUrl;
    this.removeIsUnreliable = options.removeIsUnreliable ?? false;
    this.dateStyle = options.dateStyle ?? 'compact';
    this.administrators = new Set(options.administrators ?? ['admin']);
    this.contacts = options.contacts ?? { Alice: '+447700900001', Bob: '+447700900002', Team: ['+447700900001', '+447700900002'] };
    this.blockedNumbers = new Set((options.blockedNumbers ?? []).map((number) => number.replace(/[^\d+]/g, '')));
    (options.gateways ?? ['GSM Modem Gateway']).forEach((name, index) =>
      this.gateways.set(name, { id: index + 1, name, active: true, sendEnabled: true, receiveEnabled: true, properties: { Enabled: '1', SendLimit: '0' } }),
    );
    (options.connectors ?? ['Web Connector', 'SQL Connector']).forEach((name, index) =>
      this.connectors.set(name, { id: index + 1, name, active: true, properties: { Enabled: '1' } }),
    );

    this.router
      .add('*', '/http/send-message', (request) => this.withUser(request, false, (user) => handleSendMessage(request, user, this)))
      .add('*', '/http/request-status-update', (request) => this.withUser(request, false, () => handleRequestStatusUpdate(request, this)))
      .add('*', '/http/remove-queued-message', (request) => this.withUser(request, false, () => handleRemoveQueuedMessage(request, this)))
      .add('*', '/http/request-server-status', (request) => this.withUser(request, true, () => handleRequestServerStatus(this)))
      .add('*', '/http/request-received-messages', (request) => this.withUser(request, false, () => handleRequestReceivedMessages(request, this)))
      .add('*', '/http/send-server-command', (request) => this.withUser(request, true, (user) => handleSendServerCommand(request, user, this)))
      .add('*', '/http/:command', (request) => this.withUser(request, false, () => errorLine(306)));

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

  firstGatewayName(): string {
    return this.gateways.keys().next().value ?? 'GSM Modem Gateway';
  }

  applyGatewayState(gateway: SimulatedDiafaanGateway): void {
    if (gateway.active && gateway.sendEnabled) this.network.resume(gateway.name);
    else this.network.pause(gateway.name);
  }

  protected authRefusedReply(): SimulatorReply {
    return errorLine(304);
  }

  protected override describeNotes(): string[] {
    return [
      'Web connector API under /http/<command>; credentials as query or form parameters; no username = guest.',
      'Numbers ending in 666 fail to send (STATUS:300), 999 are undelivered (STATUS:301), others reach STATUS:201.',
      `send-server-command is ${this.serverCommandsEnabled ? 'enabled' : 'disabled (ERROR:307) — start with serverCommandsEnabled'}.`,
      'Real product default port: 9710.',
    ];
  }

  private withUser(request: SimulatorRequest, mandatory: boolean, run: (user: string) => SimulatorReply): SimulatorReply {
    const { username, password } = parameterCredentials(request);
    if (!username) {
      if (mandatory || !this.guestEnabled) return errorLine(303);
      return run('guest');
    }
    const account = this.accounts.find((known) => known.username === username);
    if (!account || account.password !== (password ?? '')) return errorLine(304);
    return run(username);
  }

  private deliverUssdReply(session: SimulatedUssd): void {
    if (session.reply === undefined) return;
    this.network.injectInbound({ from: session.code, text: session.reply, channel: session.channel, meta: { messageType: 'gsm.ussd', ussdSession: session.id } });
  }

  private pushInbound(message: SimulatedInbound): void {
    if (!this.callbackUrl) return;
    void this.pushes.send({ url: this.callbackUrl, method: 'GET', query: messageInQuery(message, this.firstGatewayName()) });
  }

  private pushStatus(message: SimulatedMessage): void {
    if (!this.callbackUrl || message.state === 'queued' || message.state === 'cancelled') return;
    void this.pushes.send({ url: this.callbackUrl, method: 'GET', query: messageOutQuery(message, this.firstGatewayName()) });
  }
}
