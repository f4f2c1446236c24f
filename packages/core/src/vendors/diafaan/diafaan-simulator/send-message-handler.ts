import { chooseEncoding, countSegments } from '../../../codec';
import { requestParameter, type SimulatorReply, type SimulatorRequest } from '../../../simulator/simulator-request';
import { DIAFAAN_ERROR_TEXTS } from '../diafaan-error-codes';
import { isDiafaanMessageType, type DiafaanMessageType } from '../diafaan-message-type';
import type { DiafaanSimulatorState } from './diafaan-simulator-state';
import { errorLine, lines, splitList } from './diafaan-simulator-replies';

function occurrences(request: SimulatorRequest, name: string): number {
  const query = new URL(request.rawUrl, 'http://simulator.invalid').searchParams.getAll(name).length;
  const form = request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(request.body).getAll(name).length : 0;
  return query + form;
}

function measure(text: string, type: DiafaanMessageType): { encoding: string; parts: number } {
  if (type === 'sms.binary' || type === 'sms.pdu') return { encoding: '8bit', parts: 1 };
  const forced = type === 'sms.unicode' ? 'ucs2' : type === 'sms.text' || type === 'sms.text.flash' ? 'gsm7' : 'auto';
  const choice = chooseEncoding(text, { encoding: forced });
  return { encoding: choice.encoding, parts: countSegments(choice.text, { encoding: choice.encoding }).count };
}

/**
 * `send-message`: one `OK: <id>` line per number of `to` and of the contacts and groups of
 * `contact-name`, in that order; blocked numbers are dropped without a line, undialable ones get
 * `ERROR:311`. `message-guid` ids go `guid`, `guid-2`, … [I].
 */
export function handleSendMessage(request: SimulatorRequest, user: string, server: DiafaanSimulatorState): SimulatorReply {
  if (occurrences(request, 'to') > 1) return errorLine(302);
  const type = requestParameter(request, 'message-type') ?? 'sms.automatic';
  if (!isDiafaanMessageType(type)) return errorLine(306);
  const recipients = [...splitList(requestParameter(request, 'to'))];
  for (const name of splitList(requestParameter(request, 'contact-name'))) {
    const entry = server.contacts[name];
    if (entry !== undefined) recipients.push(...(Array.isArray(entry) ? entry : [entry]));
  }
  if (recipients.length === 0) return errorLine(301);
  const text = requestParameter(request, 'message') ?? '';
  const gatewayNames = splitList(requestParameter(request, 'gateway'));
  const channel = gatewayNames[0] ?? server.firstGatewayName();
  const validity = Number(requestParameter(request, 'validity-period'));
  const scheduledText = requestParameter(request, 'scheduled');
  const scheduled = scheduledText ? Date.parse(scheduledText) : NaN;
  const guid = requestParameter(request, 'message-guid');
  const { encoding, parts } = measure(text, type);
  const answer: string[] = [];
  recipients.forEach((to, index) => {
    const compact = to.replace(/[\s-]/g, '');
    if (server.blockedNumbers.has(compact)) return;
    const dialable = type === 'gsm.ussd' ? /^[*#\d]+$/.test(compact) : /^\+?\d{3,20}$/.test(compact);
    if (!dialable) {
      answer.push(`ERROR:311 ${DIAFAAN_ERROR_TEXTS[311]}`);
      return;
    }
    const id = guid ? (index === 0 ? guid : `${guid}-${index + 1}`) : undefined;
    const meta = {
      user,
      messageType: type,
      messageInfo: requestParameter(request, 'message-info'),
      priority: requestParameter(request, 'priority'),
      gatewayUsed: channel,
    };
    if (type === 'gsm.ussd') {
      const session = server.network.requestUssd(compact, channel);
      const record = server.network.submit({ id, to: compact, text: compact, channel, parts: 1, encoding: 'gsm7', meta: { ...meta, ussdSession: session.id } });
      answer.push(`OK: ${record.id}`);
      return;
    }
    const message = server.network.submit({
      id,
      to: compact,
      from: requestParameter(request, 'from'),
      text,
      channel,
      parts,
      encoding,
      validityMs: Number.isFinite(validity) && validity > 0 ? validity * 1000 : undefined,
      notBefore: Number.isNaN(scheduled) ? undefined : scheduled,
      meta,
    });
    answer.push(`OK: ${message.id}`);
  });
  return lines(...answer);
}
