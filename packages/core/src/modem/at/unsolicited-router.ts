/** An unsolicited result code; `body` is the second line of the two-line forms (`+CMT`, PDU-mode `+CDS`). */
export interface UnsolicitedLine {
  /** `+CMTI`, `RING`, `^RSSI` … */
  name: string;
  line: string;
  body?: string;
}

export type UnsolicitedHandler = (urc: UnsolicitedLine) => void;

/** Never a command's response, except for a query of the same name (`AT+CUSD?`). */
const alwaysUnsolicited = ['+CMTI', '+CMT', '+CDS', '+CDSI', '+CBM', '+CBMI', '+CUSD', 'RING', '+CRING', '+CLIP', '^RSSI', '^BOOT', '^MODE', '^SRVST', '^SIMST', '+QIND', '+CPIN'];
/** Boot and power notices some firmwares print as bare lines (SIMCom, Quectel). */
const bareUnsolicited = ['RDY', 'CALL READY', 'SMS READY', 'SMS DONE', 'PB DONE', 'NORMAL POWER DOWN', 'POWERED DOWN'];
/** The same line is a response while its query is in flight (`AT+CREG?`) and a URC otherwise. */
const sometimesUnsolicited = ['+CREG', '+CGREG', '+CEREG', '+C5GREG', '+CSQ'];

/**
 * Knows which lines are unsolicited and hands each to the handlers registered for its name. A
 * handler that throws cannot break the engine: the error goes to `onHandlerError`.
 */
export class UnsolicitedRouter {
  private readonly handlers = new Map<string, Set<UnsolicitedHandler>>();
  private readonly anyHandlers = new Set<UnsolicitedHandler>();
  private readonly always: ReadonlySet<string>;
  private readonly sometimes: ReadonlySet<string>;
  private readonly bare: ReadonlySet<string> = new Set(bareUnsolicited);

  constructor(private readonly onHandlerError: (error: unknown, urc: UnsolicitedLine) => void = () => undefined) {
    this.always = new Set(alwaysUnsolicited);
    this.sometimes = new Set(sometimesUnsolicited);
  }

  /** `+CMTI` for `+CMTI: "SM",3`, `RING` for `RING`, `SMS READY` for a bare boot notice, undefined for anything else. */
  nameOf(line: string): string | undefined {
    const match = /^([+^][A-Z0-9]+):/i.exec(line);
    if (match) return match[1]!.toUpperCase();
    if (line === 'RING') return 'RING';
    const upper = line.toUpperCase();
    if (this.bare.has(upper)) return upper;
    return undefined;
  }

  /** Whether `name` is an unsolicited code, given the response prefix the command in flight expects (if any). */
  isUnsolicited(name: string, solicitedPrefix: string | undefined): boolean {
    if (name === solicitedPrefix) return false;
    return this.always.has(name) || this.sometimes.has(name) || this.bare.has(name);
  }

  /** A response prefix the command expects, so its own `+CREG:` line is not mistaken for a URC. */
  solicitedPrefixFor(command: string): string | undefined {
    const match = /^AT([+^][A-Z0-9]+)(=\?|\?|=|$)/i.exec(command);
    if (!match) return undefined;
    const name = match[1]!.toUpperCase();
    const isQuery = match[2] === '?' || match[2] === '=?';
    if (this.always.has(name) && !isQuery) return undefined;
    return name;
  }

  /** `+CMT:` (both modes) and PDU-mode `+CDS: <length>` carry a second line. */
  needsSecondLine(name: string, line: string): boolean {
    if (name === '+CMT' || name === '+CBM') return true;
    if (name === '+CDS') return /^\+CDS:\s*\d+\s*$/i.test(line);
    return false;
  }

  on(name: string, handler: UnsolicitedHandler): () => void {
    const key = name.toUpperCase();
    let set = this.handlers.get(key);
    if (!set) {
      set = new Set();
      this.handlers.set(key, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Every unsolicited line, including ones no one registered for (logging, `listen`). */
  onAny(handler: UnsolicitedHandler): () => void {
    this.anyHandlers.add(handler);
    return () => this.anyHandlers.delete(handler);
  }

  dispatch(urc: UnsolicitedLine): void {
    for (const handler of [...(this.handlers.get(urc.name) ?? []), ...this.anyHandlers]) {
      try {
        handler(urc);
      } catch (error) {
        this.onHandlerError(error, urc);
      }
    }
  }
}
