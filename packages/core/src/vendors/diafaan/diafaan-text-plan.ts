import { chooseEncoding, countSegments } from '../../codec';
import { InvalidRequestError } from '../../errors/gateway-errors';
import type { SendRequest } from '../../model/send-request';
import { isDiafaanMessageType, type DiafaanMessageType } from './diafaan-message-type';

/** How a send's text goes to Diafaan, and what it costs. */
export interface DiafaanTextPlan {
  text: string;
  messageType: DiafaanMessageType;
  parts: number;
  encoding: 'gsm7' | 'ucs2' | '8bit';
}

/**
 * Chooses `sms.text` / `sms.unicode` / `sms.text.flash` through the codec (instead of leaving
 * `sms.automatic` to the server) so the billed part count is known; a `messageType` send option
 * wins. `sms.binary` and `sms.pdu` carry their payload in the text, counted as one part.
 */
export function planDiafaanText(request: SendRequest): DiafaanTextPlan {
  const forced = request.vendorOptions?.['messageType'];
  if (forced !== undefined && (typeof forced !== 'string' || !isDiafaanMessageType(forced))) {
    throw new InvalidRequestError(`"${String(forced)}" is not a Diafaan message type.`, { details: { gateway: 'diafaan' } });
  }
  if (forced === 'sms.binary' || forced === 'sms.pdu') return { text: request.text, messageType: forced, parts: 1, encoding: '8bit' };
  const choice = chooseEncoding(request.text, { encoding: request.encoding ?? 'auto' });
  const parts = countSegments(choice.text, { encoding: choice.encoding }).count;
  if (request.flash && choice.encoding === 'ucs2' && forced === undefined) {
    throw new InvalidRequestError('Diafaan has no Unicode flash message type: send it without "flash", or use only GSM characters.', { details: { gateway: 'diafaan' } });
  }
  const messageType: DiafaanMessageType = forced ?? (request.flash ? 'sms.text.flash' : choice.encoding === 'ucs2' ? 'sms.unicode' : 'sms.text');
  return { text: choice.text, messageType, parts, encoding: choice.encoding === 'ucs2' ? 'ucs2' : 'gsm7' };
}
