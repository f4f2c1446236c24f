import {
  buildDataCodingScheme,
  encodeAddress,
  encodeSmscAddress,
  encodeTimestamp,
  fillBitsAfterHeader,
  octetsToHex,
  packSeptets,
  parseDestination,
} from '../../../codec';
import { VirtualModemError } from '../virtual-modem-error';
import type { IncomingSms } from './incoming-sms';
import { segmentUserData, type UserDataUnits } from './segment-user-data';

const firstOctetDeliver = 0x04; // TP-MTI 00, TP-MMS set: no more messages waiting
const userDataHeaderFlag = 0x40;

/**
 * SMS-DELIVER PDUs (TS 23.040 §9.2.2.1), SMSC part first, for an incoming message: one per part,
 * in the order `partOrder` asks for.
 */
export function buildDeliverPdus(sms: IncomingSms, defaults: { smsc: string; now: Date }): string[] {
  if (sms.text === undefined && sms.data === undefined) {
    throw new VirtualModemError('SMSB_VMODEM_BAD_INJECTION', 'an injected SMS needs text or data');
  }
  const parts: UserDataUnits[] =
    sms.data !== undefined ? [{ encoding: '8bit', octets: [...sms.data] }] : segmentUserData(sms.text!, sms.encoding ?? 'auto');
  const order = sms.partOrder ?? parts.map((_, i) => i + 1);
  for (const sequence of order) {
    if (!Number.isInteger(sequence) || sequence < 1 || sequence > parts.length) {
      throw new VirtualModemError('SMSB_VMODEM_BAD_INJECTION', `part ${sequence} does not exist; the message has ${parts.length} part(s)`);
    }
  }
  const reference = (sms.concatReference ?? 1) & 0xff;
  return order.map((sequence) => {
    const header = parts.length > 1 ? [0x05, 0x00, 0x03, reference, parts.length, sequence] : [];
    return deliverPdu(sms, defaults, parts[sequence - 1]!, header);
  });
}

function deliverPdu(sms: IncomingSms, defaults: { smsc: string; now: Date }, units: UserDataUnits, header: number[]): string {
  const octets: number[] = [
    ...encodeSmscAddress(sms.smsc ?? defaults.smsc),
    firstOctetDeliver | (header.length > 0 ? userDataHeaderFlag : 0),
    ...encodeAddress(parseDestination(sms.from)),
    sms.protocolId ?? 0,
    buildDataCodingScheme(units.encoding, sms.messageClass),
    ...encodeTimestamp(sms.timestamp ?? defaults.now, sms.timeZoneMinutes ?? 0),
  ];
  if (units.encoding === 'gsm7') {
    // TP-UDL counts septets, the header's octets rounded up to whole septets included.
    const headerSeptets = Math.ceil((header.length * 8) / 7);
    octets.push(headerSeptets + units.septets.length, ...header, ...packSeptets(units.septets, fillBitsAfterHeader(header.length)));
  } else {
    octets.push(header.length + units.octets.length, ...header, ...units.octets);
  }
  return octetsToHex(octets);
}
