import { CodecError } from '../../errors/codec-error';

/** TP-MTI as read in the SC→MS direction, plus SUBMIT so that stored outgoing messages decode too. */
export type TpduType = 'deliver' | 'submit' | 'status-report';

/** TP-VPF (TS 23.040 §9.2.3.3): which validity period follows in a SUBMIT. */
export type ValidityPeriodFormat = 'none' | 'relative' | 'enhanced' | 'absolute';

/** The first octet of a TPDU, flags named per message type; a flag that type lacks is null. */
export interface FirstOctetFields {
  type: TpduType;
  /** TP-UDHI: the user data starts with a header. */
  userDataHeader: boolean;
  /** TP-RP (deliver, submit). */
  replyPath: boolean | null;
  /** TP-SRI (deliver) or TP-SRR (submit). */
  statusReportRequested: boolean | null;
  /** TP-MMS inverted (deliver, status report): bit 2 clear means more messages are waiting. */
  moreMessagesToSend: boolean | null;
  /** TP-RD (submit). */
  rejectDuplicates: boolean | null;
  /** TP-VPF (submit), else 'none'. */
  validityPeriodFormat: ValidityPeriodFormat;
  /** TP-SRQ (status report): true when it answers a COMMAND, false for a SUBMIT. */
  statusReportQualifier: boolean | null;
  /** TP-LP (deliver, status report). */
  loopPrevention: boolean | null;
}

/** TP-UDHI: the user data starts with a header. */
export const USER_DATA_HEADER_INDICATOR = 0x40;

const VPF_BY_BITS: readonly ValidityPeriodFormat[] = ['none', 'enhanced', 'relative', 'absolute'];

/** Every first octet read once (null for the reserved TP-MTI 11); entries are frozen. */
const FIELDS_BY_VALUE: readonly (Readonly<FirstOctetFields> | null)[] = Array.from({ length: 256 }, (_, value) =>
  (value & 0x03) === 0x03 ? null : Object.freeze(readFirstOctet(value)),
);

/** The flags of a TPDU's first octet; the reserved TP-MTI 11 is SMSB_CODEC_UNSUPPORTED at `offset`. */
export function parseFirstOctet(value: number, offset: number): Readonly<FirstOctetFields> {
  const fields = FIELDS_BY_VALUE[value & 0xff];
  if (fields == null) throw new CodecError('SMSB_CODEC_UNSUPPORTED', 'TP-MTI 11 is reserved', offset);
  return fields;
}

function readFirstOctet(value: number): FirstOctetFields {
  const mti = value & 0x03;
  const userDataHeader = (value & USER_DATA_HEADER_INDICATOR) !== 0;
  switch (mti) {
    case 0:
      return {
        type: 'deliver',
        userDataHeader,
        replyPath: (value & 0x80) !== 0,
        statusReportRequested: (value & 0x20) !== 0,
        moreMessagesToSend: (value & 0x04) === 0,
        rejectDuplicates: null,
        validityPeriodFormat: 'none',
        statusReportQualifier: null,
        loopPrevention: (value & 0x08) !== 0,
      };
    case 1:
      return {
        type: 'submit',
        userDataHeader,
        replyPath: (value & 0x80) !== 0,
        statusReportRequested: (value & 0x20) !== 0,
        moreMessagesToSend: null,
        rejectDuplicates: (value & 0x04) !== 0,
        validityPeriodFormat: VPF_BY_BITS[(value >> 3) & 0x03]!,
        statusReportQualifier: null,
        loopPrevention: null,
      };
    default:
      // TP-MTI 10; 11 never gets here (see FIELDS_BY_VALUE).
      return {
        type: 'status-report',
        userDataHeader,
        replyPath: null,
        statusReportRequested: null,
        moreMessagesToSend: (value & 0x04) === 0,
        rejectDuplicates: null,
        validityPeriodFormat: 'none',
        statusReportQualifier: (value & 0x20) !== 0,
        loopPrevention: (value & 0x08) !== 0,
      };
  }
}

export interface SubmitFirstOctetFlags {
  userDataHeader: boolean;
  rejectDuplicates: boolean;
  validityPeriodFormat: ValidityPeriodFormat;
  statusReportRequested: boolean;
  replyPath: boolean;
}

export function buildSubmitFirstOctet(flags: SubmitFirstOctetFlags): number {
  return (
    0x01 |
    (flags.rejectDuplicates ? 0x04 : 0) |
    (VPF_BY_BITS.indexOf(flags.validityPeriodFormat) << 3) |
    (flags.statusReportRequested ? 0x20 : 0) |
    (flags.userDataHeader ? USER_DATA_HEADER_INDICATOR : 0) |
    (flags.replyPath ? 0x80 : 0)
  );
}
