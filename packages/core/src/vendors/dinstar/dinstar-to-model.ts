import type { DeliveryStatus, InboundMessage } from '../../model';
import { gatewayLocalTimeToIso } from '../shared/gateway-local-time';
import type { DinstarDeliverStatus } from './dinstar-deliver-status';
import type { DinstarIncomingSms } from './dinstar-incoming-sms';
import { dinstarDeliveryReportId, dinstarMessageId } from './dinstar-message-id';
import type { DinstarSmsResult } from './dinstar-sms-result';

// The gateway's records as the vendor-neutral model, shared by the client (polling) and the push receiver.

export function dinstarInboundToModel(sms: DinstarIncomingSms, utcOffsetMinutes: number): InboundMessage {
  const receivedAt = gatewayLocalTimeToIso(sms.timestamp, utcOffsetMinutes);
  return {
    id: String(sms.incomingSmsId),
    from: sms.number,
    text: sms.text,
    ...(receivedAt ? { receivedAt } : {}),
    ...(sms.smsc ? { smsc: sms.smsc } : {}),
    port: sms.port,
    gateway: 'dinstar',
    raw: sms.raw,
  };
}

export function dinstarResultToModel(result: DinstarSmsResult, utcOffsetMinutes: number): DeliveryStatus {
  const at = gatewayLocalTimeToIso(result.time, utcOffsetMinutes);
  return {
    state: result.state,
    messageId: result.userId === undefined ? dinstarDeliveryReportId(result.number, result.port, result.refId ?? -1) : dinstarMessageId(result.userId, result.number),
    to: result.number,
    rawStatus: result.status,
    ...(at ? { at } : {}),
    gateway: 'dinstar',
    raw: result.raw,
  };
}

export function dinstarDeliverStatusToModel(report: DinstarDeliverStatus, utcOffsetMinutes: number): DeliveryStatus {
  const at = gatewayLocalTimeToIso(report.time, utcOffsetMinutes);
  return {
    state: report.state,
    messageId: dinstarDeliveryReportId(report.number, report.port, report.refId),
    to: report.number,
    rawStatus: report.statusCode,
    ...(report.statusCode === 0 ? {} : { errorCode: report.statusCode }),
    ...(at ? { at } : {}),
    gateway: 'dinstar',
    raw: report.raw,
  };
}
