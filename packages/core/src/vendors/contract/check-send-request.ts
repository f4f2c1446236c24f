import { chooseEncoding, countSegments } from '../../codec';
import { CodecError } from '../../errors/codec-error';
import { InvalidRequestError } from '../../errors/gateway-errors';
import type { SendRequest } from '../../model/send-request';
import { PHONE_NUMBER_SEPARATORS, parseInternationalNumber } from '../shared/phone-number';
import type { FieldDescriptor } from './field-descriptor';
import { readFields } from './read-fields';
import type { SendField, VendorCapabilities } from './vendor-capabilities';

/** How a refused field is named in messages. */
const SEND_FIELD_NAMES: Record<SendField, string> = {
  from: 'a sender id ("from")',
  flash: 'flash (class 0) messages ("flash")',
  statusReport: 'delivery reports ("statusReport")',
  validityMinutes: 'a validity period ("validityMinutes")',
  scheduleAt: 'scheduled sending ("scheduleAt")',
};

/** Whether a send asks for this field (a `false` flag asks for nothing). */
function asksFor(request: SendRequest, field: SendField): boolean {
  const value = request[field];
  return value !== undefined && value !== false && value !== '';
}

/** Who checks: the vendor's key and the name messages give it. */
export interface SendCheckOwner {
  gateway: string;
  displayName: string;
  capabilities: VendorCapabilities;
  sendOptions: readonly FieldDescriptor[];
  /** Destinations that are names rather than numbers (Diafaan contacts) pass this check. */
  acceptsNamedRecipients?: boolean;
}

/**
 * The one input check every send passes before any request leaves, the same on every vendor:
 * recipients (present, readable, possible by libphonenumber's rules, within the vendor's digit
 * limit), the text (not empty unless a send option carries the body; at most the vendor's parts
 * and bytes), the send fields the vendor cannot honour (refused, or dropped with `bestEffort`),
 * and the per-send vendor options (read strictly by their descriptors). Resolves to the request
 * as the vendor receives it: options converted, unsupported fields dropped under best effort.
 */
export function checkSendRequest(owner: SendCheckOwner, request: SendRequest): SendRequest {
  const { gateway, displayName, capabilities } = owner;
  const details = { gateway };
  if (!Array.isArray(request.to) || request.to.length === 0) {
    throw new InvalidRequestError('Give at least one recipient, in international form such as +447700900123.', { details });
  }
  for (const to of request.to) checkRecipient(owner, to);

  const checked: SendRequest = { ...request };
  for (const field of Object.keys(SEND_FIELD_NAMES) as SendField[]) {
    if (!asksFor(request, field) || capabilities.sendFields.includes(field)) continue;
    if (request.bestEffort) {
      delete checked[field];
      continue;
    }
    throw new InvalidRequestError(`${displayName} cannot honour ${SEND_FIELD_NAMES[field]}: leave it out, or allow best effort to send without it.`, {
      details: { ...details, field },
    });
  }
  if (checked.scheduleAt !== undefined && (!(checked.scheduleAt instanceof Date) || Number.isNaN(checked.scheduleAt.getTime()))) {
    throw new InvalidRequestError('"scheduleAt" is not a valid date and time: give ISO 8601 with an offset, e.g. 2026-12-24T18:00:00+01:00.', { details });
  }
  if (checked.validityMinutes !== undefined && !(Number.isFinite(checked.validityMinutes) && checked.validityMinutes > 0 && checked.validityMinutes <= 63 * 7 * 24 * 60)) {
    throw new InvalidRequestError('"validityMinutes" takes a number of minutes from 1 to 635,040 (63 weeks, the longest an SMS may be kept).', { details });
  }

  const options = readFields({ gateway, label: `The ${displayName} send option` }, owner.sendOptions, request.vendorOptions, { checkRequired: false });
  if (Object.keys(options).length > 0) checked.vendorOptions = options;
  else delete checked.vendorOptions;
  const bodyInOption = owner.sendOptions.some((field) => field.replacesText && options[field.name] !== undefined);

  if (typeof request.text !== 'string') throw new InvalidRequestError('The text of the message is missing.', { details });
  if (!bodyInOption) checkText(owner, request);
  return checked;
}

function checkRecipient(owner: SendCheckOwner, input: unknown): void {
  const details = { gateway: owner.gateway };
  if (typeof input !== 'string' || input.trim() === '') {
    throw new InvalidRequestError('A recipient is empty: give each number in international form, e.g. +447700900123.', { details });
  }
  const trimmed = input.trim();
  const compact = trimmed.replace(PHONE_NUMBER_SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) {
    if (owner.acceptsNamedRecipients && /[A-Za-z]/.test(compact)) return;
    throw new InvalidRequestError(`"${trimmed.slice(0, 40)}" is not a phone number: use digits, optionally starting with + (e.g. +447700900123).`, { details });
  }
  const digits = compact.replace(/^\+/, '').replace(/^00/, '');
  if (digits.length > owner.capabilities.limits.maxNumberDigits) {
    throw new InvalidRequestError(
      `"${trimmed.slice(0, 40)}" has ${digits.length} digits; a phone number has at most ${owner.capabilities.limits.maxNumberDigits} (E.164).`,
      { details },
    );
  }
  if (digits.length < 3) throw new InvalidRequestError(`"${trimmed}" is too short to be a phone number or a short code.`, { details });
  // International numbers are checked by the numbering plan; national ones and short codes are the gateway's to route.
  if (compact.startsWith('+') || compact.startsWith('00')) {
    const parsed = parseInternationalNumber(`+${digits}`);
    if (!parsed?.isPossible()) {
      throw new InvalidRequestError(`"${trimmed}" is not a possible phone number for its country code: check the digits after the +.`, { details });
    }
  }
}

function checkText(owner: SendCheckOwner, request: SendRequest): void {
  const details = { gateway: owner.gateway };
  if (request.text === '') throw new InvalidRequestError('The text is empty: an SMS needs at least one character.', { details });
  const { limits } = owner.capabilities;
  if (limits.maxTextBytes !== undefined) {
    const bytes = Buffer.byteLength(request.text, 'utf8');
    if (bytes > limits.maxTextBytes) {
      throw new InvalidRequestError(`The text is ${bytes} bytes; ${owner.displayName} takes at most ${limits.maxTextBytes} per message.`, { details });
    }
  }
  let parts: number;
  try {
    const choice = chooseEncoding(request.text, { encoding: request.encoding ?? 'auto' });
    parts = countSegments(choice.text, { encoding: choice.encoding }).count;
  } catch (error) {
    if (!(error instanceof CodecError)) throw error;
    throw new InvalidRequestError(`The text cannot be sent as ${request.encoding ?? 'auto'}: ${error.message}`, { details, cause: error });
  }
  const maxParts = Math.min(255, limits.maxParts);
  if (parts > maxParts) {
    throw new InvalidRequestError(`The text needs ${parts} SMS parts; ${owner.displayName} sends at most ${maxParts} as one message. Shorten it or split it into several messages.`, {
      details: { ...details, parts, maxParts },
    });
  }
}

/** For gateways that take the text in a GET query: refuses a URL the gateway or a proxy would cut. */
export function checkUrlLength(owner: { gateway: string; displayName: string }, length: number, maxUrlLength: number | undefined): void {
  if (maxUrlLength === undefined || length <= maxUrlLength) return;
  throw new InvalidRequestError(`The request URL would be ${length} characters; ${owner.displayName} takes at most ${maxUrlLength}. Shorten the text.`, {
    details: { gateway: owner.gateway, urlLength: length, maxUrlLength },
  });
}
