import type { IncompleteMessage, ReassembledMessage } from '../../codec/reassembly/reassembled-message';
import type { DecodedPdu } from '../../codec/types';
import type { DeliveryStatus } from '../../model/delivery-status';
import type { InboundMessage } from '../../model/inbound-message';
import { deliveryStateOf } from './delivery-state';
import type { SentPartReference } from './message-reference-registry';

/** A reassembled (or timed-out incomplete) message as the vendor-neutral InboundMessage; `id` lists the storage slots. */
export function toInboundMessage(message: ReassembledMessage | IncompleteMessage): InboundMessage {
  const first = message.parts[0];
  const inbound: InboundMessage = {
    id: message.sourceIds.map(String).join('+'),
    from: message.originator,
    text: message.text ?? message.data ?? '',
    gateway: 'modem',
    raw: {
      encoding: message.encoding,
      sources: message.sourceIds,
      concat: message.concat,
      ...('missing' in message ? { incomplete: true, received: message.received, missing: message.missing } : {}),
      ...(message.data !== null ? { data: message.data } : {}),
    },
  };
  if (message.timestamp !== null) inbound.receivedAt = message.timestamp;
  if (first?.smsc) inbound.smsc = first.smsc;
  return inbound;
}

/** A decoded SMS-STATUS-REPORT as a DeliveryStatus of the part it answers (`part` when the reference was known). */
export function toDeliveryStatus(report: DecodedPdu, part: SentPartReference | undefined): DeliveryStatus {
  const tpStatus = report.status ?? -1;
  const status: DeliveryStatus = {
    state: tpStatus < 0 ? 'unknown' : deliveryStateOf(tpStatus),
    messageId: part?.messageId ?? `mr-${report.messageReference ?? '?'}`,
    to: part?.to ?? report.address,
    rawStatus: tpStatus,
    gateway: 'modem',
    raw: {
      messageReference: report.messageReference,
      matched: part !== undefined,
      ...(part ? { part: part.part, parts: part.parts } : {}),
      recipient: report.address,
      submittedAt: report.timestamp,
    },
  };
  if (report.dischargeTime !== null) status.at = report.dischargeTime;
  if (tpStatus >= 0x40) status.errorCode = tpStatus;
  return status;
}
