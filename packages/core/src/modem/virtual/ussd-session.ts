/** A USSD menu screen: its text, and when it has `options`, the replies it waits for. */
export interface UssdMenuNode {
  reply: string;
  /** What the user may answer (e.g. "1", "2"); a node with options keeps the session open (+CUSD: 1). */
  options?: Readonly<Record<string, UssdMenuNode | string>>;
}

/** Service codes (`*100#`) and the screen each one opens; a plain string is a final reply. */
export type UssdMenu = Readonly<Record<string, UssdMenuNode | string>>;

/** How the virtual modem answers USSD: DCS, timing relative to `OK`, delay. */
export interface UssdBehaviour {
  /** 15 = GSM 7-bit text, 72 = UCS-2 hex. Default 15. */
  dcs: 15 | 72;
  /** The `+CUSD:` reply comes after `OK` (most modems) or before it. Default after. */
  replyTiming: 'after-ok' | 'before-ok';
  /** Delay of an after-OK reply. Default 500 ms. */
  replyDelayMs: number;
  /** A menu left unanswered this long is closed by the network with `+CUSD: 2`. Default 30000 ms. */
  sessionTimeoutMs: number;
}

/** One network reply: `+CUSD: <status>[,"<text>",<dcs>]`. */
export interface UssdReply {
  /** 0 done, 1 further action required, 2 terminated by network, 4 not supported. */
  status: 0 | 1 | 2 | 4;
  text?: string;
}

/** The network's side of a USSD dialogue: walks the menu tree as the user answers. */
export class UssdSession {
  /** Every request as the network read it (after unpacking), oldest first. */
  readonly requests: string[] = [];
  private current: UssdMenuNode | null = null;
  private step = 0;

  constructor(
    private readonly menu: UssdMenu,
    readonly behaviour: UssdBehaviour,
  ) {}

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** Changes with every request and cancel: a timeout armed at one step is void at the next. */
  get generation(): number {
    return this.step;
  }

  /** A service code when no session is open, else the user's answer to the open screen. */
  send(text: string): UssdReply {
    this.step++;
    this.requests.push(text);
    const next = this.current ? lookup(this.current.options, text) : lookup(this.menu, text);
    if (!next) {
      this.current = null;
      return { status: 4 };
    }
    if (next.options && Object.keys(next.options).length > 0) {
      this.current = next;
      return { status: 1, text: next.reply };
    }
    this.current = null;
    return { status: 0, text: next.reply };
  }

  cancel(): void {
    this.step++;
    this.current = null;
  }
}

function lookup(table: Readonly<Record<string, UssdMenuNode | string>> | undefined, key: string): UssdMenuNode | undefined {
  const entry = table?.[key.trim()];
  if (entry === undefined) return undefined;
  return typeof entry === 'string' ? { reply: entry } : entry;
}
