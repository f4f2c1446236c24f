import { segmentText } from '../codec';
import { CodecError } from '../errors/codec-error';
import { InvalidRequestError } from '../errors/gateway-errors';
import type { SendRequest } from '../model/send-request';
import { checkSendRequest } from '../vendors/contract/check-send-request';
import { sendCheckOwner } from '../vendors/contract/contract-client';
import type { VendorEntry } from '../vendors/vendor-entry';

/** What one recipient of a send would cost, worked out without sending anything. */
export interface SendPreview {
  to: string;
  gateway: string;
  encoding: 'gsm7' | 'ucs2';
  /** How many SMS the recipient is billed for. */
  parts: number;
  /** Characters of the text as it would go out (after transliteration when GSM-7 was forced). */
  characters: number;
  /** The text as it would go out. */
  text: string;
  /** `parts × pricePerPart` when a price was given. */
  cost?: number;
}

/**
 * The preview of a send on a gateway: the same input check a real send passes (so a preview that
 * succeeds is a send that will not be refused for its input), then the codec's encoding and parts
 * per recipient. Nothing is sent and no connection is opened.
 */
export function previewSend(entry: VendorEntry, request: SendRequest, pricePerPart?: number): SendPreview[] {
  const checked = checkSendRequest(sendCheckOwner(entry), request);
  let plan;
  try {
    plan = segmentText(checked.text, { encoding: checked.encoding ?? 'auto' });
  } catch (error) {
    if (!(error instanceof CodecError)) throw error;
    throw new InvalidRequestError(`The text cannot be sent as ${checked.encoding}: ${error.message}`, { details: { gateway: entry.key }, cause: error });
  }
  const text = plan.segments.join('');
  return checked.to.map((to) => {
    const preview: SendPreview = {
      to,
      gateway: entry.key,
      encoding: plan.encoding,
      parts: plan.count,
      characters: [...text].length,
      text,
    };
    if (pricePerPart !== undefined) preview.cost = Math.round(plan.count * pricePerPart * 1e6) / 1e6;
    return preview;
  });
}
