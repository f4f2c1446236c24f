import type { Clock } from '../../clock/clock';
import { startClockTimer } from '../../clock/clock-timer';
import { GatewayRejectedError } from '../../errors';
import type { UssdExchange } from '../../model';
import type { DinstarApi } from './dinstar-api';
import { DINSTAR_USSD_SEND_STATUS } from './dinstar-ussd';

export interface DinstarUssdTiming {
  clock: Clock;
  /** How often to look for the reply. */
  pollIntervalMs: number;
  /** How long to wait for it before answering `pending`. */
  timeoutMs: number;
}

/** The poll interval is the caller's and may exceed what one Node timer holds. */
function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => {
    startClockTimer(clock, ms, resolve);
  });
}

/**
 * Sends `text` (a code or the answer to a menu) on `port` and waits for the reply. A reply is only
 * `{port, text}`, so it is matched by port and time: an accepted send starts a new session (the
 * port shows a single space, "nothing yet"), so the first text seen on that port afterwards is the
 * answer. When it equals the text the port showed before sending, `raw.sameAsBefore` says so: a
 * box that did not clear the old reply could be showing that one.
 */
export async function exchangeDinstarUssd(api: DinstarApi, port: number, text: string, timing: DinstarUssdTiming): Promise<UssdExchange> {
  const before = (await api.queryUssdReply([port])).find((reply) => reply.port === port);
  const [status] = (await api.sendUssd([port], text)).filter((entry) => entry.port === port);
  const exchange = { code: text, port, gateway: 'dinstar', awaitingInput: false };
  if (status && status.status !== DINSTAR_USSD_SEND_STATUS.sent) {
    const busy = status.status === DINSTAR_USSD_SEND_STATUS.busy;
    throw new GatewayRejectedError(
      busy ? `Port ${port} is busy (sending SMS); try the USSD code again shortly.` : `Port ${port} cannot send USSD now (status ${status.status}): check its SIM and registration.`,
      status.status,
      // The port refused before acting: nothing was sent.
      { retryable: busy, outcome: 'not-sent', details: { gateway: 'dinstar', port } },
    );
  }
  const deadline = timing.clock.now() + timing.timeoutMs;
  const maxPolls = Math.max(1, Math.ceil(timing.timeoutMs / Math.max(1, timing.pollIntervalMs)));
  for (let poll = 0; poll < maxPolls && timing.clock.now() < deadline; poll += 1) {
    await sleep(timing.clock, timing.pollIntervalMs);
    const reply = (await api.queryUssdReply([port])).find((entry) => entry.port === port);
    if (!reply?.hasReply) continue;
    const sameAsBefore = before?.hasReply === true && before.text === reply.text;
    return { ...exchange, reply: reply.text, state: 'replied', raw: { port, text: reply.text, sameAsBefore } };
  }
  return { ...exchange, state: 'pending' };
}
