import type { AtCommand } from './at-command';
import type { CommandOutcome } from './command-outcome';
import { error, formatFinalResult, ok, type FinalResultCode } from './final-result-code';
import type { VirtualModemSettings } from './virtual-modem-settings';
import { parseAtCommandLine } from './parse-at-command-line';

/** What the interpreter needs from the modem around it. */
export interface AtInterpreterHost {
  settings(): VirtualModemSettings;
  /** What follows a command that waits for a PDU or text (`\r\n> `). */
  prompt(): string;
  /** Runs one command of a line. */
  dispatch(command: AtCommand): CommandOutcome;
  /** Bytes for the host (echo, responses, URCs). */
  output(text: string): void;
  later(ms: number, action: () => void): unknown;
  /** A command line arrived (the text after AT). */
  commandLine(body: string): void;
}

type InputMode = { kind: 'command' } | { kind: 'prompt'; buffer: string; onInput: (input: string) => CommandOutcome; textMode: boolean };

const ctrlZ = '\x1a';
const escape = '\x1b';

/**
 * The byte-level side of a modem (V.250 §5): echo, command lines ended by CR, backspace, `A/`,
 * the `>` prompt that takes a PDU or text up to Ctrl-Z (ESC cancels), the information/final result
 * framing of ATV1/ATV0, and unsolicited lines held back while a command line is running.
 */
export class AtInterpreter {
  /** Fault switch: every response (after the echo) comes this much later. */
  replyDelayMs = 0;
  /** Fault switch: lines put into the next response, just before its final result. */
  readonly beforeNextFinalResult: string[] = [];

  private input = '';
  private lineBuffer = '';
  private mode: InputMode = { kind: 'command' };
  private lastCommandBody: string | null = null;
  private busy = false;
  private executing = false;
  private response = '';
  private readonly afterReply: (() => void)[] = [];
  private readonly heldUnsolicited: string[] = [];
  /** Bumped by reset(): a delayed answer from before the reset never comes out. */
  private epoch = 0;

  constructor(private readonly host: AtInterpreterHost) {}

  /** Bytes typed by the host (latin1 text). */
  receive(text: string): void {
    this.input += text;
    this.pump();
  }

  /** Unsolicited lines: sent now, or held until the command line in progress has its final result. */
  unsolicited(lines: string[]): void {
    const block = `\r\n${lines.join('\r\n')}\r\n`;
    // A TA holds URCs while the TA-TE link is reserved by a command (TS 27.005 +CNMI <mode> 1).
    if (this.executing || this.busy || this.mode.kind === 'prompt') this.heldUnsolicited.push(block);
    else this.host.output(block);
  }

  /** Runs `action` once the current command line has been answered. */
  afterFinalResult(action: () => void): void {
    this.afterReply.push(action);
  }

  /** Forgets everything typed so far (power cycle, port gone). */
  reset(): void {
    this.epoch++;
    this.input = '';
    this.lineBuffer = '';
    this.mode = { kind: 'command' };
    this.busy = false;
    this.executing = false;
    this.response = '';
    this.afterReply.length = 0;
    this.heldUnsolicited.length = 0;
  }

  private pump(): void {
    while (!this.busy && this.input.length > 0) {
      const char = this.input[0]!;
      this.input = this.input.slice(1);
      if (this.mode.kind === 'prompt') this.promptCharacter(char, this.mode);
      else this.commandCharacter(char);
    }
  }

  private commandCharacter(char: string): void {
    if (this.host.settings().echo) this.host.output(char);
    if (char === '\r') {
      const line = this.lineBuffer;
      this.lineBuffer = '';
      this.executeLine(line);
      return;
    }
    if (char === '\n') return;
    if (char === '\b' || char === '\x7f') {
      this.lineBuffer = this.lineBuffer.slice(0, -1);
      return;
    }
    this.lineBuffer += char;
    // V.250 §5.2.4: A/ repeats the previous command line without waiting for CR.
    if (/^a\/$/i.test(this.lineBuffer)) {
      this.lineBuffer = '';
      if (this.lastCommandBody !== null) this.runCommandLine(this.lastCommandBody);
    }
  }

  private promptCharacter(char: string, mode: Extract<InputMode, { kind: 'prompt' }>): void {
    if (char === ctrlZ) {
      this.mode = { kind: 'command' };
      if (this.continueWith(mode.onInput(mode.buffer))) this.finish(ok);
      return;
    }
    if (char === escape) {
      this.mode = { kind: 'command' };
      this.finish(ok);
      return;
    }
    if (this.host.settings().echo) this.host.output(char);
    if (char === '\r' || char === '\n') {
      // Text mode takes several lines, each answered with a fresh prompt; PDU mode ignores line ends.
      if (mode.textMode && char === '\r') {
        mode.buffer += '\n';
        this.host.output(this.host.prompt());
      }
      return;
    }
    mode.buffer += char;
  }

  private executeLine(line: string): void {
    const at = line.search(/at/i);
    if (at < 0) return; // V.250: characters before "AT" are ignored; a line without it gets no answer
    const body = line.slice(at + 2);
    this.lastCommandBody = body;
    this.runCommandLine(body);
  }

  private runCommandLine(body: string): void {
    this.host.commandLine(body);
    this.executing = true;
    this.response = '';
    const commands = parseAtCommandLine(body);
    if (!commands) {
      this.finish(error);
      return;
    }
    for (const command of commands) {
      const outcome = this.host.dispatch(command);
      if (outcome.kind === 'prompt') {
        // A command that prompts ends the line: what followed it on the line is ignored.
        this.mode = { kind: 'prompt', buffer: '', onInput: outcome.onInput, textMode: this.host.settings().messageFormat === 1 };
        this.respond(this.response + this.host.prompt(), false);
        this.response = '';
        return;
      }
      if (!this.continueWith(outcome)) return;
    }
    this.finish(ok);
  }

  /** Adds a finished command's lines; false (and the line finished) when it failed. */
  private continueWith(outcome: CommandOutcome): boolean {
    if (outcome.kind === 'fail') {
      this.finish(outcome.result);
      return false;
    }
    if (outcome.kind === 'done' && outcome.lines.length > 0) this.response += this.informationBlock(outcome.lines);
    return true;
  }

  private finish(result: FinalResultCode): void {
    const settings = this.host.settings();
    let text = this.response;
    this.response = '';
    if (this.beforeNextFinalResult.length > 0) text += this.informationBlock(this.beforeNextFinalResult.splice(0));
    if (!settings.quiet) {
      const final = formatFinalResult(result, settings.verbose, settings.cmee);
      text += settings.verbose ? `\r\n${final}\r\n` : `${final}\r`;
    }
    this.respond(text, true);
  }

  /** Sends a response now or after the reply delay; `final` ends the command line. */
  private respond(text: string, final: boolean): void {
    const complete = () => {
      this.host.output(text);
      if (final) {
        this.executing = false;
        for (const action of this.afterReply.splice(0)) action();
        for (const block of this.heldUnsolicited.splice(0)) this.host.output(block);
      }
    };
    if (this.replyDelayMs === 0) {
      complete();
      return;
    }
    this.busy = true;
    const epoch = this.epoch;
    this.host.later(this.replyDelayMs, () => {
      if (epoch !== this.epoch) return;
      this.busy = false;
      complete();
      this.pump();
    });
  }

  private informationBlock(lines: string[]): string {
    return this.host.settings().verbose ? `\r\n${lines.join('\r\n')}\r\n` : `${lines.join('\r\n')}\r\n`;
  }
}
