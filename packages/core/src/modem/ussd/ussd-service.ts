import type { Clock } from '../../clock/clock';
import type { UssdExchange } from '../../model/ussd-exchange';
import type { AtEngine } from '../at/at-engine';
import { ModemTimeoutError } from '../modem-errors';
import { parseUssdReply, type CusdReply, type UssdTextForm } from './ussd-reply';
import { ussdRequestText } from './ussd-request-text';

export interface UssdServiceOptions {
  clock: Clock;
  timeoutMs: number;
  textForm: UssdTextForm;
  characterSet: string;
  /** Network-initiated USSD (no request waiting for it). */
  onUnsolicited?: (exchange: UssdExchange) => void;
}

/**
 * USSD over `AT+CUSD`: one exchange at a time, the reply taken from the `+CUSD` URC whether it
 * comes before or after the command's OK. Status 1 leaves the menu open for `request(answer)`.
 */
export class UssdService {
  private waiting: ((reply: CusdReply) => void) | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private detachEngine: (() => void) | undefined;
  private packedRequests = false;

  constructor(private readonly options: UssdServiceOptions) {}

  /** `packedRequests`: the modem wants the code as packed-septet hex (Huawei under +CSCS="GSM"). */
  attach(engine: AtEngine, packedRequests = false): void {
    this.packedRequests = packedRequests;
    this.detachEngine?.();
    this.detachEngine = engine.unsolicited.on('+CUSD', (urc) => this.onReply(urc.line));
  }

  /** Sends a USSD code, or the answer to an open menu. Rejects with a ModemError when the modem refuses or stays silent. */
  request(code: string, engine: AtEngine): Promise<UssdExchange> {
    const run = this.chain.then(() => this.exchange(code, engine));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Ends an open menu (`AT+CUSD=2`). */
  async cancel(engine: AtEngine): Promise<void> {
    await engine.run('AT+CUSD=2');
  }

  private async exchange(code: string, engine: AtEngine): Promise<UssdExchange> {
    const { clock, timeoutMs, textForm, characterSet } = this.options;
    let timer: unknown;
    const reply = new Promise<CusdReply | undefined>((resolve) => {
      this.waiting = resolve;
      timer = clock.setTimeout(() => resolve(undefined), timeoutMs);
    });
    const command = `AT+CUSD=1,"${ussdRequestText(code, textForm === 'auto' && this.packedRequests ? 'packed-hex' : textForm, characterSet)}",15`;
    try {
      await engine.run(command, { timeoutMs });
      const answer = await reply;
      if (answer === undefined) {
        await engine.run('AT+CUSD=2').catch(() => undefined);
        throw new ModemTimeoutError(command, timeoutMs, { details: { reason: 'no +CUSD reply' } });
      }
      return toExchange(code, answer);
    } finally {
      clock.clearTimeout(timer);
      this.waiting = undefined;
    }
  }

  private onReply(line: string): void {
    const reply = parseUssdReply(line, this.options.textForm, this.options.characterSet);
    if (!reply) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting(reply);
    } else {
      this.options.onUnsolicited?.(toExchange('', reply));
    }
  }
}

function toExchange(code: string, reply: CusdReply): UssdExchange {
  const state: UssdExchange['state'] = reply.status <= 1 ? 'replied' : reply.status === 2 ? 'ended' : 'failed';
  const exchange: UssdExchange = {
    code,
    awaitingInput: reply.status === 1,
    state,
    gateway: 'modem',
    raw: { status: reply.status, dcs: reply.dcs, text: reply.rawText },
  };
  if (reply.text !== undefined) exchange.reply = reply.text;
  return exchange;
}
