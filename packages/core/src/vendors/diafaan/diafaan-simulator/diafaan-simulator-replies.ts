import { textReply, type SimulatorReply } from '../../../simulator/simulator-request';
import type { SimulatedMessage } from '../../../simulator/simulated-network';
import { DIAFAAN_ERROR_TEXTS } from '../diafaan-error-codes';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Text lines as Diafaan writes them: CRLF after each, HTTP 200. */
export function lines(...values: string[]): SimulatorReply {
  return textReply(values.map((value) => `${value}\r\n`).join(''));
}

export function errorLine(code: number, text = DIAFAAN_ERROR_TEXTS[code] ?? 'Unknown error'): SimulatorReply {
  return lines(`ERROR:${code} ${text}`);
}

/** A semicolon-separated parameter as its items. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Diafaan's status code and text for a message (1xx queued is inferred; 200/201/300/301 are documented). */
export function diafaanStatusOf(message: SimulatedMessage): string {
  switch (message.state) {
    case 'queued':
      return '100 Queued';
    case 'sent':
      return '200 Sent';
    case 'delivered':
      return '201 Received';
    default:
      return message.sentAt === undefined ? '300 Send error' : '301 Undelivered';
  }
}
