import { readAddress } from '../../../codec/pdu/address';
import { parseFirstOctet } from '../../../codec/pdu/first-octet';
import { hexToOctets } from '../../../codec/pdu/hex-octets';
import { OctetReader } from '../../../codec/pdu/octet-reader';
import { readSmscAddress } from '../../../codec/pdu/smsc-address';

/** The fields of an SMS-SUBMIT the network routes on: who it goes to and whether a report is wanted. */
export interface SubmitEnvelope {
  destination: string;
  statusReportRequested: boolean;
  messageReference: number;
}

/** Reads the envelope of a SUBMIT PDU that starts with its SMSC part; null when it is not a SUBMIT. */
export function readSubmitEnvelope(pduWithSmsc: string): SubmitEnvelope | null {
  const reader = new OctetReader(hexToOctets(pduWithSmsc));
  readSmscAddress(reader);
  const firstOctet = parseFirstOctet(reader.readOctet('first octet'), reader.offset - 1);
  if (firstOctet.type !== 'submit') return null;
  const messageReference = reader.readOctet('TP-MR');
  const destination = readAddress(reader, 'TP-DA').value;
  return { destination, statusReportRequested: firstOctet.statusReportRequested === true, messageReference };
}
