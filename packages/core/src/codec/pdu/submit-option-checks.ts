import { CodecError } from '../../errors/codec-error';
import { describeOptionValue } from './describe-option-value';

/** An integer option 0–max, or SMSB_CODEC_BAD_OPTION naming it. */
export function integerOption(value: number, name: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw badOption(`${name} must be an integer 0–${max}, got ${describeOptionValue(value)}`);
  return value;
}

export function badOption(message: string): CodecError {
  return new CodecError('SMSB_CODEC_BAD_OPTION', message);
}
