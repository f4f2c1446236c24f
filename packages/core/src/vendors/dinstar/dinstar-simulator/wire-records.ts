import type { SimulatedInbound, SimulatedMessage } from '../../../simulator/simulated-network';
import { formatGatewayLocalTime } from '../../shared/gateway-local-time';
import type { SimulatedReport } from './simulator-state';

/** A sent message as `query_sms_result` and the `sms_result` push write it. */
export function smsResultRecord(message: SimulatedMessage, utcOffsetMinutes: number): Record<string, unknown> {
  const sentThenFinal = message.sentAt !== undefined && message.state !== 'sent';
  // Once sent, the result stays SENT_OK unless a status report said delivered.
  const status =
    message.state === 'queued'
      ? 'SENDING'
      : message.state === 'sent' || (sentThenFinal && !(message.state === 'delivered' && message.meta.statusReport))
        ? 'SENT_OK'
        : message.state === 'delivered'
          ? 'DELIVERED'
          : 'FAILED';
  return {
    port: message.meta.port,
    ...(message.meta.userId === undefined ? {} : { user_id: message.meta.userId }),
    number: message.to,
    time: formatGatewayLocalTime(message.sentAt ?? message.submittedAt, utcOffsetMinutes),
    status,
    count: message.parts,
    succ_count: message.sentAt === undefined ? 0 : message.parts,
    ref_id: message.meta.refId,
    imsi: message.meta.imsi,
  };
}

/** A delivery report as `query_sms_deliver_status` and the `sms_deliver_status` push write it. */
export function deliverStatusRecord(report: SimulatedReport, utcOffsetMinutes: number): Record<string, unknown> {
  return {
    port: report.port,
    number: report.number,
    time: formatGatewayLocalTime(report.time, utcOffsetMinutes),
    ref_id: report.refId,
    status_code: report.statusCode,
    imsi: report.imsi,
  };
}

/** A received SMS as `query_incoming_sms` and the `sms` push write it. */
export function incomingSmsRecord(inbound: SimulatedInbound, utcOffsetMinutes: number): Record<string, unknown> {
  return {
    incoming_sms_id: inbound.meta.incomingSmsId,
    port: inbound.meta.port,
    number: inbound.from,
    smsc: inbound.smsc ?? '',
    timestamp: formatGatewayLocalTime(inbound.sentAt, utcOffsetMinutes),
    text: inbound.text,
  };
}
