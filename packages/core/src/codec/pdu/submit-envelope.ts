import type { DataEncoding, SubmitOptions } from '../types';
import { addressOctetCount, parseDestination, writeAddress, type ParsedDestination } from './address';
import { buildDataCodingScheme } from './data-coding-scheme';
import { describeOptionValue } from './describe-option-value';
import { buildSubmitFirstOctet, USER_DATA_HEADER_INDICATOR } from './first-octet';
import { parseSmscAddress, smscAddressOctetCount, writeSmscAddress } from './smsc-address';
import { badOption, integerOption } from './submit-option-checks';
import { encodeValidityPeriod } from './validity-period';

/**
 * Every SMS-SUBMIT field in front of TP-UDL, checked once per message. All parts share them but
 * TP-MR (counting up per part); the first octet and TP-DCS follow the header flag and alphabet.
 */
export interface SubmitEnvelope {
  smsc: ReturnType<typeof parseSmscAddress>;
  destination: ParsedDestination;
  /** TP-MR of the first part. */
  messageReference: number;
  protocolId: number;
  messageClass: 0 | 1 | 2 | 3 | undefined;
  validity: ReturnType<typeof encodeValidityPeriod>;
  /** The first octet without TP-UDHI, and with it (parts carrying a user data header). */
  firstOctet: number;
  firstOctetWithHeader: number;
  /** Octets from the SMSC prefix through TP-VP. */
  octets: number;
  /** Where the first octet, TP-MR and TP-DCS sit in those octets. */
  firstOctetAt: number;
  messageReferenceAt: number;
  dataCodingAt: number;
  /** Octets of the SMSC prefix, which AT+CMGS's length leaves out. */
  smscOctets: number;
}

export function submitEnvelopeOf(options: SubmitOptions): SubmitEnvelope {
  const messageReference = integerOption(options.messageReference ?? 0, 'messageReference', 0xff);
  const protocolId = integerOption(options.protocolId ?? 0, 'protocolId', 0xff);
  const messageClass = resolveClass(options);
  const destination = parseDestination(options.to);
  const smsc = parseSmscAddress(options.smsc);
  const validity = encodeValidityPeriod(options.validity);
  const smscOctets = smscAddressOctetCount(smsc);
  // SMSC, first octet, TP-MR, TP-DA, TP-PID, TP-DCS, TP-VP.
  const octets = smscOctets + 2 + addressOctetCount(destination) + 2 + validity.octets.length;
  const firstOctet = buildSubmitFirstOctet({
    userDataHeader: false,
    rejectDuplicates: options.rejectDuplicates === true,
    validityPeriodFormat: validity.format,
    statusReportRequested: options.statusReport === true,
    replyPath: options.replyPath === true,
  });
  return {
    smsc,
    destination,
    messageReference,
    protocolId,
    messageClass,
    validity,
    firstOctet,
    firstOctetWithHeader: firstOctet | USER_DATA_HEADER_INDICATOR,
    octets,
    firstOctetAt: smscOctets,
    messageReferenceAt: smscOctets + 1,
    dataCodingAt: octets - validity.octets.length - 1,
    smscOctets,
  };
}

/** The envelope of the first part written into `out` from `at`; returns where it ends (TP-UDL comes next). */
export function writeSubmitEnvelope(envelope: SubmitEnvelope, userDataHeader: boolean, alphabet: DataEncoding, out: Uint8Array, at: number): number {
  at = writeSmscAddress(envelope.smsc, out, at);
  out[at++] = userDataHeader ? envelope.firstOctetWithHeader : envelope.firstOctet;
  out[at++] = envelope.messageReference;
  at = writeAddress(envelope.destination, out, at);
  out[at++] = envelope.protocolId;
  out[at++] = buildDataCodingScheme(alphabet, envelope.messageClass);
  // A loop, not set(): for a few octets the builtin call costs more than the copy.
  const validity = envelope.validity.octets;
  for (let i = 0; i < validity.length; i++) out[at++] = validity[i]!;
  return at;
}

function resolveClass(options: SubmitOptions): 0 | 1 | 2 | 3 | undefined {
  const { flash, messageClass } = options;
  if (messageClass !== undefined && messageClass !== 0 && messageClass !== 1 && messageClass !== 2 && messageClass !== 3) {
    throw badOption(`messageClass must be 0–3, got ${describeOptionValue(messageClass)}`);
  }
  if (flash === true) {
    if (messageClass !== undefined && messageClass !== 0) throw badOption(`flash means class 0 but messageClass is ${describeOptionValue(messageClass)}`);
    return 0;
  }
  return messageClass;
}
