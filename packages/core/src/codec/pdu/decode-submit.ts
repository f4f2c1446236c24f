import type { DecodedPdu } from '../types';
import { readAddress } from './address';
import { parseDataCodingScheme } from './data-coding-scheme';
import { concatField, udhField } from './decoded-user-data-fields';
import type { FirstOctetFields } from './first-octet';
import type { OctetReader } from './octet-reader';
import { readUserData } from './user-data';
import { readValidityPeriod } from './validity-period';

/** SMS-SUBMIT after its first octet: TP-MR, TP-DA, TP-PID, TP-DCS, TP-VP (per TP-VPF), TP-UDL, TP-UD. */
export function readSubmit(reader: OctetReader, first: FirstOctetFields, smsc: string | null, tpduLength: number): DecodedPdu {
  const messageReference = reader.readOctet('TP-MR');
  const destination = readAddress(reader, 'TP-DA');
  const protocolId = reader.readOctet('TP-PID');
  const dcs = reader.readOctet('TP-DCS');
  const scheme = parseDataCodingScheme(dcs);
  const validityPeriod = readValidityPeriod(reader, first.validityPeriodFormat);
  const userData = readUserData(reader, first.userDataHeader, scheme.alphabet);
  return {
    type: 'submit',
    smsc,
    address: destination.value,
    addressType: destination.type,
    timestamp: null,
    dischargeTime: null,
    text: userData.text,
    data: userData.data,
    concat: concatField(userData.header),
    national: userData.header?.national ?? null,
    udh: udhField(userData.header),
    encoding: scheme.alphabet,
    class: scheme.messageClass,
    messageReference,
    status: null,
    protocolId,
    dataCodingScheme: dcs,
    statusReportRequested: first.statusReportRequested,
    moreMessagesToSend: null,
    replyPath: first.replyPath,
    validityPeriod,
    tpduLength,
  };
}
