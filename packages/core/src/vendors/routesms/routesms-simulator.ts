import type { GatewaySimulator, SimulatorDescription, SimulatorOptions } from '../../simulator/gateway-simulator';
import { isKnownAccount, parameterCredentials } from '../../simulator/simulator-credentials';
import { requestParameter, textReply, type SimulatorReply, type SimulatorRequest } from '../../simulator/simulator-request';
import { SimulatorServer } from '../../simulator/simulator-server';
import type { SimulatedMessage } from '../../simulator/simulated-network';
import { planGatewayText } from '../shared/gateway-text-plan';
import { formatWallClock, wallClockIn } from '../shared/zone-wall-clock';
import { ROUTESMS_SUCCESS_CODE } from './routesms-error-table';
import { isRoutesmsUnicodeType, RoutesmsMessageType } from './routesms-message-type';
import { parseRoutesmsSchedule } from './routesms-schedule';
import { ROUTESMS_ALPHANUMERIC_SOURCE_MAX, ROUTESMS_NUMERIC_SOURCE_MAX } from './routesms-source-address';
import { ROUTESMS_SCHEDULE_PATH, ROUTESMS_SEND_PATH } from './routesms-submit-request';

export interface RoutesmsSimulatorOptions extends SimulatorOptions {
  /** Where delivery reports are pushed (form POST) for messages sent with `dlr=1`. */
  dlrUrl?: string;
  /** Also push the intermediate `ACKED` when a message leaves the queue (default: final reports only). */
  intermediateReports?: boolean;
  /** Credits of the account; one SMS part costs one (default: unlimited). */
  credit?: number;
  /** The code for insufficient credit: 1725 (seed) or 1025 (older deployments). */
  insufficientCreditCode?: 1725 | 1025;
  /** IANA zone of the pushed `dtSubmit`/`dtDone` (default UTC). */
  timeZone?: string;
  /** `iCostPerSms` of the pushes (default 0.05). */
  costPerSms?: number;
}

const VALID_TYPES = new Set<number>(Object.values(RoutesmsMessageType));

/** The sender id the simulated account may use (any valid source is accepted all the same). */
const ROUTESMS_SIMULATED_SENDER = 'SMSBRIDGE';

/** Final simulated states → `sStatus`, and the `iErrCode` the simulator reports with them. */
const DLR_ON_WIRE: Partial<Record<SimulatedMessage['state'], { status: string; errCode: string }>> = {
  sent: { status: 'ACKED', errCode: '000' },
  delivered: { status: 'DELIVRD', errCode: '000' },
  failed: { status: 'UNDELIV', errCode: '001' },
  expired: { status: 'EXPIRED', errCode: '002' },
};

/**
 * Route Mobile's bulk HTTP API over real HTTP: `/bulksms/bulksms` and `/bulksms/schedulemsg`
 * with credentials in the query, the seed's codes as plain-text bodies (`1701|dest|id`, comma
 * separated for several destinations), and delivery reports pushed as form POSTs to `dlrUrl` as
 * messages move through the simulated network.
 */
export class RoutesmsSimulator extends SimulatorServer implements GatewaySimulator {
  readonly gateway = 'routesms' as const;
  dlrUrl: string | undefined;
  credit: number;
  private readonly options: RoutesmsSimulatorOptions;
  /** Codes the next submits answer with, whatever they carry (to provoke 1709, 1715, 16, 18 …). */
  private readonly forcedCodes: number[] = [];
  /** Destination digits → the code that destination is refused with (1706, 1732, 1042 …). */
  private readonly refusedDestinations = new Map<string, number>();

  constructor(options: RoutesmsSimulatorOptions = {}) {
    super(options, [{ username: 'routesms', password: 'routesms-secret' }]);
    this.options = options;
    this.dlrUrl = options.dlrUrl;
    this.credit = options.credit ?? Infinity;
    this.router.add('*', ROUTESMS_SEND_PATH, (request) => this.submit(request, false));
    this.router.add('*', ROUTESMS_SCHEDULE_PATH, (request) => this.submit(request, true));
    this.network.on('status', (message) => this.pushReport(message));
  }

  /** The next `count` authenticated submits answer `code` alone, whatever they carry. */
  answerNextWith(code: number, count = 1): void {
    for (let i = 0; i < count; i++) this.forcedCodes.push(code);
  }

  /** Refuses one destination with `code` (answered `code|dest`). */
  refuseDestination(destination: string, code: number): void {
    this.refusedDestinations.set(destination.replace(/\D/g, ''), code);
  }

  /**
   * A Route Mobile account comes with the sender ids it may use, and a submit without one is
   * refused (1702): the connection values of this account carry one as the default sender.
   */
  override describe(): SimulatorDescription {
    const described = super.describe();
    return { ...described, credentials: { ...described.credentials, defaultSource: ROUTESMS_SIMULATED_SENDER } };
  }

  protected authRefusedReply(): SimulatorReply {
    return textReply('1703');
  }

  protected override describeNotes(): string[] {
    return [
      `GET ${ROUTESMS_SEND_PATH}?username=…&password=…&type=0&dlr=1&destination=…&source=…&message=…`,
      `GET ${ROUTESMS_SCHEDULE_PATH} with date=MM/DD/YYYY, time=hh:mm am|pm, gmt=GMT +hh:mm`,
      'Destinations ending in 666 fail, 999 are undelivered, 888 expire; every other number is delivered.',
      'Delivery reports are POSTed to the dlrUrl option (sSender, sMobileNo, sStatus, dtSubmit, dtDone, sMessageId …).',
    ];
  }

  private submit(request: SimulatorRequest, scheduled: boolean): SimulatorReply {
    const read = (name: string) => requestParameter(request, name);
    const required = ['username', 'password', 'type', 'dlr', 'destination', 'source', 'message', ...(scheduled ? ['date', 'time', 'gmt'] : [])];
    if (required.some((name) => (read(name) ?? '').trim() === '')) return textReply('1702');
    if (!isKnownAccount(this.accounts, parameterCredentials(request))) return textReply('1703');
    const forced = this.forcedCodes.shift();
    if (forced !== undefined) return textReply(String(forced));

    const type = Number(read('type'));
    if (!/^\d+$/.test(read('type')!.trim()) || !VALID_TYPES.has(type)) return textReply('1704');
    const dlr = read('dlr')!.trim();
    if (dlr !== '0' && dlr !== '1') return textReply('1708');
    const source = read('source')!.trim();
    if (!this.sourceIsValid(source)) return textReply('1707');
    const text = this.decodeMessage(read('message')!, type);
    if (text === undefined) return textReply('1705');
    if (type === RoutesmsMessageType.wapPush && !read('url')) return textReply('1702');
    let notBefore: number | undefined;
    if (scheduled) {
      const at = parseRoutesmsSchedule({ date: read('date'), time: read('time'), gmt: read('gmt') });
      if (!at) return textReply('1702');
      notBefore = at.getTime();
    }

    const plan = planGatewayText('routesms', text, isRoutesmsUnicodeType(type) ? 'ucs2' : 'auto');
    const parts = isRoutesmsUnicodeType(type) || type === RoutesmsMessageType.plainGsm || type === RoutesmsMessageType.flashGsm ? plan.parts : 1;
    const answers = read('destination')!
      .split(',')
      .map((destination) => destination.trim())
      .filter((destination) => destination !== '')
      .map((destination) => this.submitOne(destination, { text, source, type, parts, dlr: dlr === '1', notBefore, request }));
    if (answers.length === 0) return textReply('1706');
    return textReply(answers.join(','));
  }

  private submitOne(
    destination: string,
    message: { text: string; source: string; type: number; parts: number; dlr: boolean; notBefore?: number; request: SimulatorRequest },
  ): string {
    if (!/^\+?\d{6,15}$/.test(destination)) return `1706|${destination}`;
    const refused = this.refusedDestinations.get(destination.replace(/\D/g, ''));
    if (refused !== undefined) return `${refused}|${destination}`;
    if (this.credit < message.parts) return `${this.options.insufficientCreditCode ?? 1725}|${destination}`;
    this.credit -= message.parts;
    const extra: Record<string, string> = {};
    for (const name of ['entityid', 'tempid', 'tmid', 'url']) {
      const value = requestParameter(message.request, name);
      if (value !== undefined) extra[name] = value;
    }
    const submitted = this.network.submit({
      to: destination,
      from: message.source,
      text: message.text,
      parts: message.parts,
      encoding: isRoutesmsUnicodeType(message.type) ? 'ucs2' : 'gsm7',
      ...(message.notBefore !== undefined ? { notBefore: message.notBefore } : {}),
      meta: { type: message.type, dlr: message.dlr, extra },
    });
    return `${ROUTESMS_SUCCESS_CODE}|${destination}|${submitted.id}`;
  }

  private sourceIsValid(source: string): boolean {
    if (/^\+?\d+$/.test(source)) return source.replace(/^\+/, '').length <= ROUTESMS_NUMERIC_SOURCE_MAX;
    return source.length <= ROUTESMS_ALPHANUMERIC_SOURCE_MAX && /^[\x20-\x7e]+$/.test(source);
  }

  /** Unicode types carry uppercase/lowercase UCS-2 hex, four digits per character. */
  private decodeMessage(message: string, type: number): string | undefined {
    if (!isRoutesmsUnicodeType(type)) return message;
    const hex = message.trim();
    if (hex === '' || hex.length % 4 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
    return Buffer.from(hex, 'hex').swap16().toString('utf16le');
  }

  private formatDate(ms: number | undefined): string {
    if (ms === undefined) return '';
    return formatWallClock(wallClockIn(ms, this.options.timeZone ?? 'UTC'));
  }

  private pushReport(message: SimulatedMessage): void {
    if (!this.dlrUrl || message.meta['dlr'] !== true) return;
    if (message.state === 'sent' && !this.options.intermediateReports) return;
    // Refused before it left the queue: the SMSC rejected it rather than the handset missing it.
    const wire = message.state === 'failed' && message.sentAt === undefined ? { status: 'REJECTD', errCode: '001' } : DLR_ON_WIRE[message.state];
    if (!wire) return;
    const cost = this.options.costPerSms ?? 0.05;
    const fields = {
      sSender: message.from ?? '',
      sMobileNo: message.to,
      sStatus: wire.status,
      dtSubmit: this.formatDate(message.submittedAt),
      dtDone: message.state === 'sent' ? '' : this.formatDate(message.doneAt ?? this.clock.now()),
      sMessageId: message.id,
      iCostPerSms: cost.toFixed(2),
      iCharge: (cost * message.parts).toFixed(2),
      iMCCMNC: '000000',
      iErrCode: wire.errCode,
    };
    void this.pushes.send({
      url: this.dlrUrl,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}
