import type { ModemWalkthrough } from './modem-walkthrough';
import { textTable } from './text-table';

/** The modem walk-through as numbered steps. */
export function modemWalkthroughProse({ profile, info, sent, received, ussd }: ModemWalkthrough): string {
  let out = `1. The real driver (GsmModem) on a virtual ${profile} modem, in-process (smsbridge modem info)\n\n`;
  out += textTable([
    ['device', [info.manufacturer, info.model].filter(Boolean).join(' ') + (info.revision ? `, revision ${info.revision}` : '')],
    ['IMEI', info.imei ?? '-'],
    ['SIM', `ICCID ${info.iccid ?? '-'}, SMSC ${info.smsc ?? '-'}`],
    ['network', `${info.operator?.name ?? '-'}, ${info.registration?.state ?? '-'}, signal ${info.signal?.dbm !== undefined ? `${info.signal.dbm} dBm` : '-'}`],
  ]);

  const { result, reports } = sent;
  out += `\n2. A ${[...sent.text].length}-character Unicode SMS to ${result.to} with a status report (smsbridge modem send)\n\n`;
  out += `  ${result.accepted ? 'accepted' : 'refused'}: ${result.parts} ${result.encoding} parts, message id ${result.messageId ?? '-'}, part references (TP-MR) ${(result.partIds ?? []).join(', ')}\n\n`;
  out += textTable([
    ['report', 'part', 'TP-MR', 'TP-ST', 'state'],
    ...reports.map((report, index) => [
      String(index + 1),
      report.raw?.['part'] !== undefined ? `${String(report.raw['part'])}/${String(report.raw['parts'])}` : '?',
      String(report.raw?.['messageReference'] ?? '?'),
      String(report.rawStatus),
      report.state,
    ]),
  ]);

  const concat = received.message.raw?.['concat'] as { total?: number } | undefined;
  out += `\n3. A ${concat?.total ?? received.injectedOrder.length}-part SMS whose parts arrive in the order ${received.injectedOrder.join(', ')}; the 'message' event hands it on whole\n\n`;
  out += `  from ${received.message.from}: ${JSON.stringify(received.message.text)}\n`;

  out += `\n4. USSD ${ussd.code} (smsbridge modem ussd)\n\n`;
  out += `  reply: ${JSON.stringify(ussd.reply ?? '')}${ussd.awaitingInput ? ' (the menu waits for an answer)' : ''}\n`;
  return out;
}
