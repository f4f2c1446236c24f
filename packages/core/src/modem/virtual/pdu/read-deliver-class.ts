import { readAddress } from '../../../codec/pdu/address';
import { parseDataCodingScheme } from '../../../codec/pdu/data-coding-scheme';
import { hexToOctets } from '../../../codec/pdu/hex-octets';
import { OctetReader } from '../../../codec/pdu/octet-reader';
import { readSmscAddress } from '../../../codec/pdu/smsc-address';

/** Message class of an SMS-DELIVER PDU (SMSC part first), which `+CNMI` routing depends on; null = no class. */
export function readDeliverClass(pduWithSmsc: string): 0 | 1 | 2 | 3 | null {
  const reader = new OctetReader(hexToOctets(pduWithSmsc));
  readSmscAddress(reader);
  reader.readOctet('first octet');
  readAddress(reader, 'TP-OA');
  reader.readOctet('TP-PID');
  return parseDataCodingScheme(reader.readOctet('TP-DCS')).messageClass;
}
