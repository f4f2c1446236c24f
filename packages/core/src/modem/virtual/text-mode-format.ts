import { decodePdu, type DecodedPdu } from '../../codec';
import type { MessageStatus } from './message-storage';
import { encodeTeString } from './te-character-set';

const statusNames = ['REC UNREAD', 'REC READ', 'STO UNSENT', 'STO SENT'] as const;

/** `<stat>` in text mode: "REC UNREAD" … "STO SENT", or "ALL" for 4. */
export function textModeStatus(status: MessageStatus | 4): string {
  return status === 4 ? 'ALL' : statusNames[status];
}

export function textModeStatusCode(name: string): MessageStatus | 4 | null {
  const index = [...statusNames, 'ALL'].indexOf(name.toUpperCase());
  return index < 0 ? null : (index as MessageStatus | 4);
}

/** ISO 8601 with offset → the `"yy/MM/dd,hh:mm:ss±zz"` of TS 27.005 (zz in quarter hours). */
export function textModeTimestamp(iso: string | null): string {
  const match = iso ? /^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)([+-])(\d\d):(\d\d)$/.exec(iso) : null;
  if (!match) return '';
  const [, yy, MM, dd, hh, mm, ss, sign, zh, zm] = match;
  const quarters = String((Number(zh) * 60 + Number(zm)) / 15).padStart(2, '0');
  return `${yy}/${MM}/${dd},${hh}:${mm}:${ss}${sign}${quarters}`;
}

function addressType(address: string): number {
  return address.startsWith('+') ? 145 : 129;
}

/**
 * The header and text lines of a stored or routed message in text mode (AT+CSDH=0 form): what
 * `+CMGR`, `+CMGL`, `+CMT` and `+CDS` print after their prefix.
 */
export function textModeMessage(pdu: string, characterSet: string): { header: string; text: string | null; decoded: DecodedPdu } {
  const decoded = decodePdu(pdu, { hasSmsc: true });
  const body = decoded.text ?? decoded.data ?? '';
  const text = decoded.text === null ? body : encodeTeString(body, characterSet);
  if (decoded.type === 'status-report') {
    const header = `6,${decoded.messageReference ?? 0},"${decoded.address}",${addressType(decoded.address)},"${textModeTimestamp(decoded.timestamp)}","${textModeTimestamp(decoded.dischargeTime)}",${decoded.status ?? 0}`;
    return { header, text: null, decoded };
  }
  const address = `"${encodeTeString(decoded.address, characterSet)}"`;
  if (decoded.type === 'submit') return { header: `${address},`, text, decoded };
  return { header: `${address},,"${textModeTimestamp(decoded.timestamp)}"`, text, decoded };
}
