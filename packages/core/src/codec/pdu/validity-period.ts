import { CodecError } from '../../errors/codec-error';
import type { ValidityPeriod } from '../types';
import { describeOptionValue } from './describe-option-value';
import type { ValidityPeriodFormat } from './first-octet';
import type { OctetReader } from './octet-reader';
import { decodeTimestampIso, encodeTimestamp, TIMESTAMP_OCTETS } from './service-centre-timestamp';

/** TP-VP as DecodedPdu reports it. */
export interface DecodedValidityPeriod {
  format: 'relative' | 'absolute' | 'enhanced';
  minutes?: number;
  absolute?: string;
  seconds?: number;
}

/** Longest relative validity: 63 weeks (TP-VP 255). */
export const MAX_RELATIVE_MINUTES = 63 * 7 * 24 * 60;

/** Minutes of a relative TP-VP octet, by the four ranges of TS 23.040 §9.2.3.12.1. */
export function relativeValidityMinutes(vp: number): number {
  if (vp <= 143) return (vp + 1) * 5;
  if (vp <= 167) return 12 * 60 + (vp - 143) * 30;
  if (vp <= 196) return (vp - 166) * 24 * 60;
  return (vp - 192) * 7 * 24 * 60;
}

/** The smallest relative TP-VP lasting at least `minutes`: validity is rounded up, never cut short. */
export function relativeValidityOctet(minutes: number): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_RELATIVE_MINUTES) {
    throw new CodecError(
      'SMSB_CODEC_BAD_OPTION',
      `relative validity must be more than 0 and at most ${MAX_RELATIVE_MINUTES} minutes (63 weeks), got ${describeOptionValue(minutes)}`,
    );
  }
  if (minutes <= 720) return Math.ceil(minutes / 5) - 1;
  if (minutes <= 1440) return 143 + Math.ceil((minutes - 720) / 30);
  if (minutes <= 30 * 1440) return 166 + Math.max(2, Math.ceil(minutes / 1440));
  return 192 + Math.max(5, Math.ceil(minutes / (7 * 1440)));
}

/** Octets the validity period of a SUBMIT takes for each TP-VPF. */
export function validityPeriodLength(format: ValidityPeriodFormat): number {
  return format === 'none' ? 0 : format === 'relative' ? 1 : 7;
}

export function readValidityPeriod(reader: OctetReader, format: ValidityPeriodFormat): DecodedValidityPeriod | null {
  switch (format) {
    case 'none':
      return null;
    case 'relative':
      return { format: 'relative', minutes: relativeValidityMinutes(reader.readOctet('TP-VP')) };
    case 'absolute':
      return { format: 'absolute', absolute: decodeTimestampIso(reader.octets, reader.take(TIMESTAMP_OCTETS, 'TP-VP')) };
    case 'enhanced':
      return decodeEnhanced(reader.octets, reader.take(7, 'TP-VP'));
  }
}

function bcd(octet: number): number {
  return (octet & 0x0f) * 10 + (octet >> 4);
}

/** Enhanced format (§9.2.3.12.3): functionality indicator, then relative, seconds or hh:mm:ss. Reserved formats carry no period. */
function decodeEnhanced(octets: Uint8Array, start: number): DecodedValidityPeriod {
  // Bit 7 announces one more functionality octet before the period.
  const at = start + ((octets[start]! & 0x80) !== 0 ? 2 : 1);
  switch (octets[start]! & 0x07) {
    case 1: {
      const minutes = relativeValidityMinutes(octets[at]!);
      return { format: 'enhanced', minutes, seconds: minutes * 60 };
    }
    case 2:
      return { format: 'enhanced', seconds: octets[at]! };
    case 3:
      return { format: 'enhanced', seconds: bcd(octets[at]!) * 3600 + bcd(octets[at + 1]!) * 60 + bcd(octets[at + 2]!) };
    default:
      return { format: 'enhanced' };
  }
}

/** Shared: a zero-length array cannot be written to and the object is frozen. */
const NO_VALIDITY_PERIOD: { format: ValidityPeriodFormat; octets: Uint8Array } = Object.freeze({ format: 'none', octets: new Uint8Array(0) });

/** TP-VPF and TP-VP octets for what the caller asked; a number means relative minutes. */
export function encodeValidityPeriod(validity: ValidityPeriod | number | undefined | null): { format: ValidityPeriodFormat; octets: Uint8Array } {
  if (validity == null) return NO_VALIDITY_PERIOD;
  if (typeof validity === 'number') return { format: 'relative', octets: Uint8Array.of(relativeValidityOctet(validity)) };
  if (typeof validity !== 'object') throw new CodecError('SMSB_CODEC_BAD_OPTION', `validity must be minutes or an object, got ${typeof validity}`);
  const given = [validity.relativeMinutes, validity.absolute, validity.enhancedSeconds].filter((v) => v !== undefined).length;
  if (given !== 1) {
    throw new CodecError('SMSB_CODEC_BAD_OPTION', 'validity must give exactly one of relativeMinutes, absolute or enhancedSeconds');
  }
  if (validity.relativeMinutes !== undefined) {
    return { format: 'relative', octets: Uint8Array.of(relativeValidityOctet(validity.relativeMinutes)) };
  }
  if (validity.absolute !== undefined) return { format: 'absolute', octets: encodeTimestamp(validity.absolute) };
  return { format: 'enhanced', octets: encodeEnhanced(validity.enhancedSeconds!) };
}

function bcdOctet(value: number): number {
  return Math.floor(value / 10) | ((value % 10) << 4);
}

/** Whole seconds up to 255 as such, up to 99:59:59 as hh:mm:ss, longer as a relative octet (rounded up). */
function encodeEnhanced(seconds: number): Uint8Array {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new CodecError('SMSB_CODEC_BAD_OPTION', `enhanced validity must be a positive number of seconds, got ${describeOptionValue(seconds)}`);
  }
  const whole = Math.ceil(seconds);
  const octets = new Uint8Array(7);
  if (whole <= 255) {
    octets[0] = 0x02;
    octets[1] = whole;
  } else if (whole < 100 * 3600) {
    octets[0] = 0x03;
    octets[1] = bcdOctet(Math.floor(whole / 3600));
    octets[2] = bcdOctet(Math.floor((whole % 3600) / 60));
    octets[3] = bcdOctet(whole % 60);
  } else {
    octets[0] = 0x01;
    octets[1] = relativeValidityOctet(whole / 60);
  }
  return octets;
}
