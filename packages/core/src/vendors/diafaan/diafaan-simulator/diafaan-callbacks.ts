import type { SimulatedInbound, SimulatedMessage } from '../../../simulator/simulated-network';
import { formatDiafaanCompactDate } from '../diafaan-dates';
import { diafaanStatusOf } from './diafaan-simulator-replies';

const COMMON = { source: 'Diafaan SMS Server', user_id: '1', ip_number: '127.0.0.1' };

/** The query of a `message_in` callback for a received message. */
export function messageInQuery(message: SimulatedInbound, gateway: string): Record<string, string> {
  return {
    ...COMMON,
    action: 'message_in',
    user_name: 'admin',
    from: message.from,
    to: message.to ?? '',
    message: message.text,
    message_id: message.id,
    message_type: String(message.meta['messageType'] ?? 'sms.text'),
    gateway: message.channel ?? gateway,
    send_time: formatDiafaanCompactDate(message.sentAt),
    receive_time: formatDiafaanCompactDate(message.receivedAt),
  };
}

/** The query of a `message_out` callback for a sent message whose status changed. */
export function messageOutQuery(message: SimulatedMessage, gateway: string): Record<string, string> {
  const [code, ...text] = diafaanStatusOf(message).split(' ');
  return {
    ...COMMON,
    action: 'message_out',
    user_name: String(message.meta['user'] ?? 'admin'),
    from: message.from ?? '',
    to: message.to,
    message: message.text,
    message_id: message.id,
    message_type: String(message.meta['messageType'] ?? 'sms.text'),
    gateway: message.channel ?? gateway,
    status_code: code!,
    status_text: text.join(' '),
  };
}
