import { segmentText } from '../../codec';
import { demoRecipients } from './demo-samples';
import type { GatewayWalkthrough } from './gateway-walkthrough';
import { textTable } from './text-table';

/** Which of the two demo texts went to `to` (the recipients differ, and some gateways drop the `+`). */
function textLabel(to: string): 'A' | 'B' {
  return to.replace(/\D/g, '') === demoRecipients.gsm7.replace(/\D/g, '') ? 'A' : 'B';
}

/** The gateway walk-through as numbered steps with aligned tables; no credential appears in it. */
export function gatewayWalkthroughProse(walkthrough: GatewayWalkthrough): string {
  const { gateways, texts, sent, deliveries, inbound, wrongPassword } = walkthrough;
  let out = `1. ${gateways.length} simulated gateways on 127.0.0.1, each speaking its vendor's HTTP API (smsbridge simulate)\n\n`;
  out += textTable(gateways.map(({ gateway, displayName, baseUrl, operations }) => [gateway, baseUrl, operations.join(', '), displayName]));

  out += '\n2. One client API for all of them: the same two texts through each (smsbridge send)\n\n';
  for (const [label, text, to] of [
    ['A', texts.gsm7, demoRecipients.gsm7],
    ['B', texts.unicode, demoRecipients.unicode],
  ] as const) {
    const plan = segmentText(text);
    out += `  ${label} to ${to}: ${JSON.stringify(text)}\n     ${[...text].length} characters, ${plan.encoding}, ${plan.count} part${plan.count === 1 ? '' : 's'}\n`;
  }
  out += '\n';
  out += textTable([
    ['gateway', 'to', 'accepted', 'parts', 'encoding', 'state', 'message id'],
    ...sent.map((result) => [
      result.gateway,
      `${result.to} (${textLabel(result.to)})`,
      result.accepted ? 'yes' : `no: ${String(result.errorCode ?? '?')}`,
      String(result.parts),
      result.encoding,
      result.state,
      result.messageId ?? '-',
    ]),
  ]);

  out += '\n3. Following each message to the handset: status() where the gateway has it, else the DLR it pushes\n';
  out += '   to a receiver on 127.0.0.1 (smsbridge status; receiveRoutesmsDlr / receiveJasminDlr)\n\n';
  out += textTable([
    ['gateway', 'to', 'how', 'vendor status', 'states seen'],
    ...deliveries.map(({ gateway, to, via, final, states }) => [
      gateway,
      `${to} (${textLabel(to)})`,
      via === 'status' ? 'status() poll' : 'pushed DLR',
      String(final.rawStatus),
      states.join(' → '),
    ]),
  ]);
  if (deliveries.some(({ states }) => states.includes('unknown'))) {
    out += '  (unknown: the gateway had not listed the message yet when it was asked)\n';
  }

  out += `\n4. A received SMS, injected into the ${inbound.gateway} simulator's network and read with inbox() (smsbridge inbox)\n\n`;
  for (const message of inbound.read) out += `  from ${message.from}${message.port !== undefined ? ` on ${message.port}` : ''}: ${JSON.stringify(message.text)}\n`;

  out += `\n5. A wrong password (${wrongPassword.gateway}): the error a host sees\n\n`;
  out += textTable([
    ['error', `${wrongPassword.name}, code ${wrongPassword.code}, ${wrongPassword.retryable ? 'retryable' : 'not retryable'}`],
    ['message', wrongPassword.message],
    ['password', wrongPassword.passwordShown ? 'SHOWN IN THE ERROR' : 'not in the message or the details'],
  ]);
  return out;
}
