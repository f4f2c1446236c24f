import type { DecodedPdu } from '../types';
import { readAddress } from './address';
import { parseDataCodingScheme } from './data-coding-scheme';
import { concatField, udhField } from './decoded-user-data-fields';
import type { FirstOctetFields } from './first-octet';
import type { OctetReader } from './octet-reader';
import { decodeTimestampIso, TIMESTAMP_OCTETS } from './service-centre-timestamp';
import { readUserData } from './user-data';

/** SMS-DELIVER after its first octet: TP-OA, TP-PID, TP-DCS, TP-SCTS, TP-UDL, TP-UD. */
export function readDeliver(reader: OctetReader, first: FirstOctetFields, smsc: string | null, tpduLength: number): DecodedPdu {
  const originator = readAddress(reader, 'TP-OA');
  const protocolId = reader.readOctet('TP-PID');
  const dcs = reader.readOctet('TP-DCS');
  const scheme = parseDataCodingScheme(dcs);
  const timestamp = decodeTimestampIso(reader.octets, reader.take(TIMESTAMP_OCTETS, 'TP-SCTS'));
  const userData = readUserData(reader, first.userDataHeader, scheme.alphabet);
  return {
    type: 'deliver',
    smsc,
    address: originator.value,
    addressType: originator.type,
    timestamp,
    dischargeTime: null,
    text: userData.text,
    data: userData.data,
    concat: concatField(userData.header),
    national: userData.header?.national ?? null,
    udh: udhField(userData.header),
    encoding: scheme.alphabet,
    class: scheme.messageClass,
    messageReference: null,
    status: null,
    protocolId,
    dataCodingScheme: dcs,
    statusReportRequested: first.statusReportRequested,
    moreMessagesToSend: first.moreMessagesToSend,
    replyPath: first.replyPath,
    validityPeriod: null,
    tpduLength,
  };
}
