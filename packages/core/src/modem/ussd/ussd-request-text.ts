import { encodeGsm7, padPackedSeptets } from '../../codec/gsm7';
import { packSeptets } from '../../codec/septet-packing';
import type { UssdTextForm } from './ussd-reply';

/** `<str>` of `AT+CUSD=1,<str>,15`: the code as text, or as packed-septet hex for modems that want it (Huawei without +CSCS). */
export function ussdRequestText(code: string, form: UssdTextForm, characterSet = 'GSM'): string {
  if (form === 'packed-hex') return Buffer.from(packSeptets(padPackedSeptets(encodeGsm7(code)))).toString('hex').toUpperCase();
  if (characterSet === 'UCS2') return Buffer.from(code, 'utf16le').swap16().toString('hex').toUpperCase();
  return code;
}
