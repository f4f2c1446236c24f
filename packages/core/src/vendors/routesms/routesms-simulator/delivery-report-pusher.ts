import type { Clock } from '../../../clock/clock';
import type { PushCallbackSender } from '../../../simulator/push-callback-sender';
import type { SimulatedMessage } from '../../../simulator/simulated-network';
import { formatWallClock, wallClockIn } from '../../shared/zone-wall-clock';

/** The options of the simulator that shape its delivery reports. */
export interface RoutesmsReportOptions {
  /** Also push the intermediate `ACKED` when a message leaves the queue (default: final reports only). */
  intermediateReports?: boolean;
  /** IANA zone of the pushed `dtSubmit`/`dtDone` (default UTC). */
  timeZone?: string;
  /** `iCostPerSms` of the pushes (default 0.05). */
  costPerSms?: number;
}

/** Final simulated states → `sStatus`, and the `iErrCode` the simulator reports with them. */
const DLR_ON_WIRE: Partial<Record<SimulatedMessage['state'], { status: string; errCode: string }>> = {
  sent: { status: 'ACKED', errCode: '000' },
  delivered: { status: 'DELIVRD', errCode: '000' },
  failed: { status: 'UNDELIV', errCode: '001' },
  expired: { status: 'EXPIRED', errCode: '002' },
};

/** Delivery reports as form POSTs to `dlrUrl`, for messages sent with `dlr=1`, as they move through the network. */
export class RoutesmsDeliveryReportPusher {
  constructor(
    private readonly simulator: { readonly dlrUrl: string | undefined },
    private readonly pushes: PushCallbackSender,
    private readonly clock: Clock,
    private readonly options: RoutesmsReportOptions,
  ) {}

  status(message: SimulatedMessage): void {
    const dlrUrl = this.simulator.dlrUrl;
    if (!dlrUrl || message.meta['dlr'] !== true) return;
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
      url: dlrUrl,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  private formatDate(ms: number | undefined): string {
    if (ms === undefined) return '';
    return formatWallClock(wallClockIn(ms, this.options.timeZone ?? 'UTC'));
  }
}
