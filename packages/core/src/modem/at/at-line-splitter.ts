/**
 * Turns the modem's byte stream into lines and `>` prompts, whatever the chunking. Lines end at CR
 * or LF (modems send `\r\n`, some only `\n`, echo ends in a lone `\r`); empty lines are dropped.
 * The SMS prompt has no line end at all (`\r\n> `, `\n>`, `>`), so it is recognised in the
 * unfinished line, but only while the engine says it waits for one.
 */
export interface AtLineSink {
  line(text: string): void;
  prompt(): void;
}

export class AtLineSplitter {
  private partial = '';
  /** Set by the engine between writing `AT+CMGS=<n>` and seeing the prompt. */
  awaitingPrompt = false;

  constructor(private readonly sink: AtLineSink) {}

  push(chunk: Buffer | string): void {
    // latin1 keeps one char per byte: a chunk boundary inside a multi-byte sequence cannot corrupt anything.
    const text = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    for (const char of text) {
      if (char === '\r' || char === '\n') {
        this.finishLine();
      } else {
        this.partial += char;
        // Checked per character: the echo of the PDU may follow the prompt in the same chunk.
        if (char === '>') this.checkPrompt();
      }
    }
  }

  /** Forget an unfinished line (after a port reopen). */
  reset(): void {
    this.partial = '';
    this.awaitingPrompt = false;
  }

  private finishLine(): void {
    const line = clean(this.partial);
    this.partial = '';
    if (line === '') return;
    if (this.awaitingPrompt && isPrompt(line)) {
      this.awaitingPrompt = false;
      this.sink.prompt();
      return;
    }
    this.sink.line(line);
  }

  private checkPrompt(): void {
    if (!this.awaitingPrompt || !isPrompt(clean(this.partial))) return;
    this.partial = '';
    this.awaitingPrompt = false;
    this.sink.prompt();
  }
}

function isPrompt(line: string): boolean {
  return line === '>';
}

/** Drop control characters (NUL at boot, Ctrl-Z in an echoed PDU) and surrounding blanks. */
function clean(line: string): string {
  return line.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').trim();
}
