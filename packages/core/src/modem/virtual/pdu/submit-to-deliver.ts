import { encodeAddress, encodeSmscAddress, encodeTimestamp, hexToOctets, octetsToHex, parseDestination } from '../../../codec';

/** Octets of TP-VP for each TP-VPF value (bits 4–3 of a SUBMIT's first octet): none, enhanced, relative, absolute. */
const validityOctets = [0, 7, 1, 7];

/**
 * The SMS-DELIVER the recipient of a SUBMIT gets: same PID, DCS and user data (header included),
 * the sender as originator, the SMSC's timestamp instead of a validity period.
 */
export function submitToDeliver(submitPdu: string, fields: { from: string; smsc: string; at: Date }): string {
  const octets = hexToOctets(submitPdu);
  let offset = 1 + octets[0]!; // SMSC part
  const firstOctet = octets[offset++]!;
  offset++; // TP-MR
  offset += 2 + ((octets[offset]! + 1) >> 1); // TP-DA: length in digits, type, digits
  const protocolId = octets[offset++]!;
  const dcs = octets[offset++]!;
  offset += validityOctets[(firstOctet >> 3) & 0x03]!;
  const userData = octets.subarray(offset);
  return octetsToHex([
    ...encodeSmscAddress(fields.smsc),
    0x04 | (firstOctet & 0x40), // SMS-DELIVER, no more messages, UDHI kept
    ...encodeAddress(parseDestination(fields.from)),
    protocolId,
    dcs,
    ...encodeTimestamp(fields.at),
    ...userData,
  ]);
}
