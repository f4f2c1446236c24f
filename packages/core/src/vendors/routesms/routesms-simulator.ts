import type { GatewaySimulator, SimulatorDescription, SimulatorOptions } from '../../simulator/gateway-simulator';
import { isKnownAccount } from '../../simulator/simulator-credentials';
import { textReply, type SimulatorReply } from '../../simulator/simulator-request';
import { SimulatorServer } from '../../simulator/simulator-server';
import { ROUTESMS_SCHEDULE_PATH, ROUTESMS_SEND_PATH } from './routesms-submit-request';
import { RoutesmsDeliveryReportPusher, type RoutesmsReportOptions } from './routesms-simulator/delivery-report-pusher';
import type { RoutesmsSimulatorState } from './routesms-simulator/simulator-state';
import { handleSubmit } from './routesms-simulator/submit-handler';

export interface RoutesmsSimulatorOptions extends SimulatorOptions, RoutesmsReportOptions {
  /** Where delivery reports are pushed (form POST) for messages sent with `dlr=1`. */
  dlrUrl?: string;
  /** Credits of the account; one SMS part costs one (default: unlimited). */
  credit?: number;
  /** The code for insufficient credit: 1725 (seed) or 1025 (older deployments). */
  insufficientCreditCode?: 1725 | 1025;
}

/** The sender id the simulated account may use (any valid source is accepted all the same). */
const ROUTESMS_SIMULATED_SENDER = 'SMSBRIDGE';

/**
 * Route Mobile's bulk HTTP API over real HTTP: `/bulksms/bulksms` and `/bulksms/schedulemsg`
 * with credentials in the query, the seed's codes as plain-text bodies (`1701|dest|id`, comma
 * separated for several destinations), and delivery reports pushed as form POSTs to `dlrUrl` as
 * messages move through the simulated network. The submit handler and the report pusher are in
 * `routesms-simulator/`.
 */
export class RoutesmsSimulator extends SimulatorServer implements GatewaySimulator, RoutesmsSimulatorState {
  readonly gateway = 'routesms' as const;
  dlrUrl: string | undefined;
  credit: number;
  readonly insufficientCreditCode: 1725 | 1025;
  readonly forcedCodes: number[] = [];
  readonly refusedDestinations = new Map<string, number>();

  constructor(options: RoutesmsSimulatorOptions = {}) {
    super(options, [{ username: 'routesms', password: 'routesms-secret' }]);
    this.dlrUrl = options.dlrUrl;
    this.credit = options.credit ?? Infinity;
    this.insufficientCreditCode = options.insufficientCreditCode ?? 1725;
    this.router.add('*', ROUTESMS_SEND_PATH, (request) => handleSubmit(this, request, false));
    this.router.add('*', ROUTESMS_SCHEDULE_PATH, (request) => handleSubmit(this, request, true));
    const reports = new RoutesmsDeliveryReportPusher(this, this.pushes, this.clock, options);
    this.network.on('status', (message) => reports.status(message));
  }

  /** The next `count` authenticated submits answer `code` alone, whatever they carry. */
  answerNextWith(code: number, count = 1): void {
    for (let i = 0; i < count; i++) this.forcedCodes.push(code);
  }

  /** Refuses one destination with `code` (answered `code|dest`). */
  refuseDestination(destination: string, code: number): void {
    this.refusedDestinations.set(destination.replace(/\D/g, ''), code);
  }

  knowsAccount(account: { username?: string; password?: string }): boolean {
    return isKnownAccount(this.accounts, account);
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
}
