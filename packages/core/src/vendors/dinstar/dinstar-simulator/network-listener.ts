import type { SimulatedInbound, SimulatedMessage, SimulatedUssd } from '../../../simulator/simulated-network';
import type { DinstarSimulatorState, SimulatedReport } from './simulator-state';
import { deliverStatusRecord, incomingSmsRecord, smsResultRecord } from './wire-records';

/** TP-Status written into delivery reports for each final state. */
const TP_STATUS = { delivered: 0, failed: 65, expired: 70 } as const;

/**
 * What the box does as the simulated network moves: it keeps delivery reports, numbers received
 * SMS and holds USSD replies for the query endpoints, and pushes each event.
 */
export class DinstarNetworkListener {
  constructor(private readonly state: DinstarSimulatorState) {}

  status(message: SimulatedMessage): void {
    if (message.meta.taskId === undefined) return;
    // After the message left the module, only a status report tells what became of it.
    const isReport = message.sentAt !== undefined && message.state !== 'sent';
    if (isReport && message.meta.statusReport) {
      const statusCode = TP_STATUS[message.state as keyof typeof TP_STATUS] ?? TP_STATUS.failed;
      const added: SimulatedReport[] = [];
      for (let part = 0; part < message.parts; part += 1) {
        added.push({
          port: message.meta.port as number,
          number: message.to,
          time: message.doneAt ?? this.state.now(),
          refId: ((message.meta.refId as number) + part) % 256,
          statusCode,
          imsi: String(message.meta.imsi ?? ''),
        });
      }
      const reports = this.state.reports;
      const limit = this.state.historyLimit;
      reports.push(...added);
      // Trimmed in batches: one splice per quarter of the limit rather than a shift per report.
      if (reports.length > limit + Math.max(1, limit >> 2)) reports.splice(0, reports.length - limit);
      this.state.push({ sms_deliver_status: added.map((report) => deliverStatusRecord(report, this.state.utcOffsetMinutes)) });
    }
    if (!isReport || (message.state === 'delivered' && message.meta.statusReport)) {
      this.state.push({ sms_result: [smsResultRecord(message, this.state.utcOffsetMinutes)] });
    }
  }

  inbound(inbound: SimulatedInbound): void {
    if (inbound.meta.incomingSmsId === undefined) inbound.meta.incomingSmsId = this.state.takeIncomingSmsId();
    if (inbound.meta.port === undefined) inbound.meta.port = Number(String(inbound.channel ?? 'port-0').replace('port-', '')) || 0;
    this.state.push({ sms: [incomingSmsRecord(inbound, this.state.utcOffsetMinutes)] });
  }

  ussd(session: SimulatedUssd): void {
    const port = this.state.ports.find((candidate) => `port-${candidate.port}` === session.channel);
    if (!port || session.reply === undefined) return;
    port.ussdReply = session.reply;
    this.state.push({ ussd: [{ port: port.port, text: session.reply }] });
  }
}
