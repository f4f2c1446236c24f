import { encodeAddress, encodeSmscAddress, encodeTimestamp, octetsToHex, parseDestination } from '../../../codec';

const firstOctetStatusReport = 0x06; // TP-MTI 10, TP-MMS set, TP-SRQ clear (answers a SUBMIT)

export interface StatusReportFields {
  smsc: string;
  messageReference: number;
  recipient: string;
  /** TP-SCTS: when the SMSC took the SUBMIT. */
  submittedAt: Date;
  /** TP-DT: when the message was delivered or failed. */
  dischargedAt: Date;
  /** TP-ST: 0 delivered, 32–63 still trying, 64+ failed. */
  status: number;
}

/** An SMS-STATUS-REPORT PDU (TS 23.040 §9.2.2.3), SMSC part first, without the optional TP-PI. */
export function buildStatusReportPdu(fields: StatusReportFields): string {
  return octetsToHex([
    ...encodeSmscAddress(fields.smsc),
    firstOctetStatusReport,
    fields.messageReference & 0xff,
    ...encodeAddress(parseDestination(fields.recipient)),
    ...encodeTimestamp(fields.submittedAt),
    ...encodeTimestamp(fields.dischargedAt),
    fields.status & 0xff,
  ]);
}
