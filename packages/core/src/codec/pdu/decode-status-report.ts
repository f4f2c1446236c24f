import type { DecodedPdu } from '../types';
import { readAddress } from './address';
import { parseDataCodingScheme } from './data-coding-scheme';
import { concatField, udhField } from './decoded-user-data-fields';
import type { FirstOctetFields } from './first-octet';
import type { OctetReader } from './octet-reader';
import { readParameterIndicator } from './parameter-indicator';
import { decodeTimestampIso, TIMESTAMP_OCTETS } from './service-centre-timestamp';
import { readUserData } from './user-data';

/**
 * SMS-STATUS-REPORT after its first octet: TP-MR, TP-RA, TP-SCTS, TP-DT, TP-ST, then the
 * optional TP-PI and the TP-PID / TP-DCS / TP-UDL+UD it announces.
 */
export function readStatusReport(reader: OctetReader, first: FirstOctetFields, smsc: string | null, tpduLength: number): DecodedPdu {
  const messageReference = reader.readOctet('TP-MR');
  const recipient = readAddress(reader, 'TP-RA');
  const timestamp = decodeTimestampIso(reader.octets, reader.take(TIMESTAMP_OCTETS, 'TP-SCTS'));
  const dischargeTime = decodeTimestampIso(reader.octets, reader.take(TIMESTAMP_OCTETS, 'TP-DT'));
  const status = reader.readOctet('TP-ST');
  const present = readParameterIndicator(reader);
  const protocolId = present.protocolId ? reader.readOctet('TP-PID') : null;
  const dcs = present.dataCodingScheme ? reader.readOctet('TP-DCS') : null;
  // Without a TP-DCS the user data is in the default alphabet.
  const scheme = parseDataCodingScheme(dcs ?? 0);
  const userData = present.userDataLength ? readUserData(reader, first.userDataHeader, scheme.alphabet) : { header: null, text: null, data: null };
  return {
    type: 'status-report',
    smsc,
    address: recipient.value,
    addressType: recipient.type,
    timestamp,
    dischargeTime,
    text: userData.text,
    data: userData.data,
    concat: concatField(userData.header),
    national: userData.header?.national ?? null,
    udh: udhField(userData.header),
    encoding: scheme.alphabet,
    class: scheme.messageClass,
    messageReference,
    status,
    protocolId,
    dataCodingScheme: dcs,
    statusReportRequested: null,
    moreMessagesToSend: first.moreMessagesToSend,
    replyPath: null,
    validityPeriod: null,
    tpduLength,
  };
}
