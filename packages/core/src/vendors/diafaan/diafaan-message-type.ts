/** Values of `message-type` the Web connector accepts. */
export const DIAFAAN_MESSAGE_TYPES = [
  'sms.automatic',
  'sms.text',
  'sms.unicode',
  'sms.text.flash',
  'sms.binary',
  'sms.pdu',
  'gsm.ussd',
] as const;

export type DiafaanMessageType = (typeof DIAFAAN_MESSAGE_TYPES)[number];

export function isDiafaanMessageType(value: string): value is DiafaanMessageType {
  return (DIAFAAN_MESSAGE_TYPES as readonly string[]).includes(value);
}
