import type { OctetReader } from './octet-reader';

/** TP-PI of a status report (TS 23.040 §9.2.3.27): which optional fields follow. */
export interface ParameterIndicator {
  protocolId: boolean;
  dataCodingScheme: boolean;
  userDataLength: boolean;
}

const NONE: ParameterIndicator = Object.freeze({ protocolId: false, dataCodingScheme: false, userDataLength: false });

/** Reads TP-PI when the PDU goes on; further TP-PI octets (bit 7 = extension) are skipped. */
export function readParameterIndicator(reader: OctetReader): ParameterIndicator {
  if (reader.remaining <= 0) return NONE;
  const pi = reader.readOctet('TP-PI');
  let extension = pi;
  while ((extension & 0x80) !== 0) extension = reader.readOctet('TP-PI extension');
  return { protocolId: (pi & 0x01) !== 0, dataCodingScheme: (pi & 0x02) !== 0, userDataLength: (pi & 0x04) !== 0 };
}
