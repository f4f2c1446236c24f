import { encodeAddress, parseDestination, readAddress } from '../../../codec/pdu/address';
import { parseFirstOctet } from '../../../codec/pdu/first-octet';
import { hexToOctets, octetsToHex } from '../../../codec/pdu/hex-octets';
import { OctetReader } from '../../../codec/pdu/octet-reader';
import { OctetWriter } from '../../../codec/pdu/octet-writer';
import { encodeTimestamp } from '../../../codec/pdu/service-centre-timestamp';
import { encodeSmscAddress, readSmscAddress } from '../../../codec/pdu/smsc-address';

const validityOctets = { none: 0, relative: 1, enhanced: 7, absolute: 7 } as const;

/**
 * The SMS-DELIVER the recipient of a SUBMIT gets: same PID, DCS and user data (header included),
 * the sender as originator, the SMSC's timestamp instead of a validity period.
 */
export function submitToDeliver(submitPdu: string, fields: { from: string; smsc: string; at: Date }): string {
  const reader = new OctetReader(hexToOctets(submitPdu));
  readSmscAddress(reader);
  const firstOctet = reader.readOctet('first octet');
  const parsed = parseFirstOctet(firstOctet, reader.offset - 1);
  reader.readOctet('TP-MR');
  readAddress(reader, 'TP-DA');
  const protocolId = reader.readOctet('TP-PID');
  const dcs = reader.readOctet('TP-DCS');
  reader.readOctets(validityOctets[parsed.validityPeriodFormat], 'TP-VP');
  const userData = reader.readOctets(reader.remaining, 'TP-UD');
  const writer = new OctetWriter();
  writer.writeOctets(encodeSmscAddress(fields.smsc));
  writer.writeOctet(0x04 | (firstOctet & 0x40));
  writer.writeOctets(encodeAddress(parseDestination(fields.from)));
  writer.writeOctet(protocolId);
  writer.writeOctet(dcs);
  writer.writeOctets(encodeTimestamp(fields.at));
  writer.writeOctets(userData);
  return octetsToHex(writer.toOctets());
}
