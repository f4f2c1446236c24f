import { encodeAddress, parseDestination } from '../../../codec/pdu/address';
import { octetsToHex } from '../../../codec/pdu/hex-octets';
import { OctetWriter } from '../../../codec/pdu/octet-writer';
import { encodeTimestamp } from '../../../codec/pdu/service-centre-timestamp';
import { encodeSmscAddress } from '../../../codec/pdu/smsc-address';

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
  const writer = new OctetWriter(48);
  writer.writeOctets(encodeSmscAddress(fields.smsc));
  writer.writeOctet(firstOctetStatusReport);
  writer.writeOctet(fields.messageReference & 0xff);
  writer.writeOctets(encodeAddress(parseDestination(fields.recipient)));
  writer.writeOctets(encodeTimestamp(fields.submittedAt));
  writer.writeOctets(encodeTimestamp(fields.dischargedAt));
  writer.writeOctet(fields.status & 0xff);
  return octetsToHex(writer.toOctets());
}
