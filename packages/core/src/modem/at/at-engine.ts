import type { Clock } from '../../clock/clock';
import { systemClock } from '../../clock/clock';
import type { SerialTransport } from '../../transport/serial-transport';
import { ModemTimeoutError, ModemUnavailableError } from '../modem-errors';
import { AtLineSplitter } from './at-line-splitter';
import { classifyFinalResult, commandErrorFor } from './final-result';
import { UnsolicitedRouter } from './unsolicited-router';

export interface AtCommandOptions {
  /** Default: the engine's `defaultTimeoutMs`. */
  timeoutMs?: number;
  /** Sent after the `>` prompt, followed by Ctrl-Z (AT+CMGS in PDU mode). */
  payload?: string;
}

/** The information lines of a successful command (echo and URCs removed) and its final result. */
export interface AtResponse {
  command: string;
  lines: string[];
  final: string;
}

/** `ok`: answering; `unresponsive`: the last command timed out; `closed`: the port is gone. */
export type ModemHealth = 'ok' | 'unresponsive' | 'closed';

export interface AtEngineOptions {
  clock?: Clock;
  defaultTimeoutMs?: number;
  /** Told whenever the health changes. */
  onHealth?: (health: ModemHealth) => void;
  /** Told after each timeout with the number of timeouts in a row (an answered command resets it). */
  onTimeout?: (consecutive: number) => void;
  /** Errors thrown by URC handlers. */
  onHandlerError?: (error: unknown) => void;
  /** After a timeout, the next command waits this long (default 250 ms) so a late answer is not taken for its own. */
  settleAfterTimeoutMs?: number;
}

interface PendingCommand {
  command: string;
  options: AtCommandOptions;
  resolve: (response: AtResponse) => void;
  reject: (error: Error) => void;
}

interface InFlightCommand extends PendingCommand {
  lines: string[];
  solicitedPrefix: string | undefined;
  /** `payload-written` matters on failure: the modem may have sent the SMS. */
  phase: 'awaiting-final' | 'awaiting-prompt' | 'payload-written';
  timer: unknown;
}

const ctrlZ = '\x1a';
/** Bound on a multi-line quoted URC, so a stray quote cannot swallow the session. */
const maxQuotedLines = 30;
const escape = '\x1b';

/**
 * The AT command engine: one command in flight, a per-command timeout, echo tolerated, final
 * results classified, the `>` prompt answered, and unsolicited lines handed to the router even
 * when they arrive in the middle of a response. One engine lives for one open port.
 */
export class AtEngine {
  readonly unsolicited: UnsolicitedRouter;
  private readonly clock: Clock;
  private readonly defaultTimeoutMs: number;
  private readonly splitter: AtLineSplitter;
  private readonly queue: PendingCommand[] = [];
  private inFlight: InFlightCommand | undefined;
  /** Header of a two-line URC whose second line is still to come. */
  private pendingUrc: { name: string; line: string } | undefined;
  /** A URC whose quoted text spans lines (USSD menus); continued until the quote closes. */
  private openQuote: { name: string; line: string; lines: number } | undefined;
  private currentHealth: ModemHealth = 'ok';
  /** Timer of the pause after a timeout; final results arriving meanwhile are stale. */
  private settleTimer: unknown;
  private consecutiveTimeouts = 0;
  private readonly onData = (chunk: Buffer): void => this.splitter.push(chunk);
  private readonly onClose = (error?: Error): void => this.shutDown(error);
  private readonly onError = (error: Error): void => this.shutDown(error);

  constructor(
    private readonly transport: SerialTransport,
    private readonly options: AtEngineOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 10_000;
    this.unsolicited = new UnsolicitedRouter((error) => options.onHandlerError?.(error));
    this.splitter = new AtLineSplitter({ line: (line) => this.handleLine(line), prompt: () => this.handlePrompt() });
    transport.on('data', this.onData);
    transport.on('close', this.onClose);
    transport.on('error', this.onError);
  }

  get health(): ModemHealth {
    return this.currentHealth;
  }

  /** Queues a command; resolves on OK, rejects with ModemCommandError, ModemTimeoutError or ModemUnavailableError. */
  run(command: string, options: AtCommandOptions = {}): Promise<AtResponse> {
    if (this.currentHealth === 'closed') {
      return Promise.reject(new ModemUnavailableError(`port closed; ${command} not sent`, { details: { command } }));
    }
    return new Promise<AtResponse>((resolve, reject) => {
      this.queue.push({ command, options, resolve, reject });
      this.startNext();
    });
  }

  /** Writes ESC (leaves PDU entry mode) when no command is in flight. */
  async sendEscape(): Promise<void> {
    if (this.inFlight || this.currentHealth === 'closed') return;
    await this.transport.write(escape).catch(() => undefined);
  }

  /** Stop listening to the transport and fail whatever is queued. Does not close the transport. */
  dispose(): void {
    this.shutDown(undefined);
  }

  private startNext(): void {
    if (this.inFlight || this.settleTimer !== undefined || this.currentHealth === 'closed') return;
    const next = this.queue.shift();
    if (!next) return;
    const timeoutMs = next.options.timeoutMs ?? this.defaultTimeoutMs;
    const inFlight: InFlightCommand = {
      ...next,
      lines: [],
      solicitedPrefix: this.unsolicited.solicitedPrefixFor(next.command),
      phase: next.options.payload === undefined ? 'awaiting-final' : 'awaiting-prompt',
      timer: undefined,
    };
    inFlight.timer = this.clock.setTimeout(() => this.timeOut(inFlight, timeoutMs), timeoutMs);
    this.inFlight = inFlight;
    this.splitter.awaitingPrompt = inFlight.phase === 'awaiting-prompt';
    this.write(`${next.command}\r`, inFlight);
  }

  private write(data: string, command: InFlightCommand): void {
    this.transport.write(data).catch((error: unknown) => {
      if (this.inFlight !== command) return;
      this.finish(command, new ModemUnavailableError(`could not write ${command.command}`, { cause: error, details: this.failureDetails(command) }));
    });
  }

  private handlePrompt(): void {
    const command = this.inFlight;
    if (!command || command.phase !== 'awaiting-prompt') return;
    command.phase = 'payload-written';
    this.write(`${command.options.payload ?? ''}${ctrlZ}`, command);
  }

  private handleLine(line: string): void {
    if (this.openQuote) {
      const open = this.openQuote;
      open.line += `\n${line}`;
      open.lines++;
      if (!hasOpenQuote(open.line) || open.lines >= maxQuotedLines) {
        this.openQuote = undefined;
        this.unsolicited.dispatch({ name: open.name, line: open.line });
      }
      return;
    }
    if (this.pendingUrc) {
      const header = this.pendingUrc;
      // A final result cannot be the body; the header was a one-line variant after all.
      if (classifyFinalResult(line) === undefined) {
        this.pendingUrc = undefined;
        this.unsolicited.dispatch({ ...header, body: line });
        return;
      }
      this.pendingUrc = undefined;
      this.unsolicited.dispatch(header);
    }
    const command = this.inFlight;
    if (command && this.isEcho(line, command)) return;

    const final = classifyFinalResult(line);
    if (final) {
      if (!command) return; // late answer to a command that already timed out (dropped while settling)
      this.consecutiveTimeouts = 0;
      this.setHealth('ok');
      if (final.kind === 'ok') {
        this.finish(command, undefined, { command: command.command, lines: command.lines, final: line });
      } else {
        this.finish(command, commandErrorFor(command.command, final));
      }
      return;
    }

    const name = this.unsolicited.nameOf(line);
    if (name !== undefined && this.unsolicited.isUnsolicited(name, command?.solicitedPrefix)) {
      if (this.unsolicited.needsSecondLine(name, line)) this.pendingUrc = { name, line };
      else if (hasOpenQuote(line)) this.openQuote = { name, line, lines: 1 };
      else this.unsolicited.dispatch({ name, line });
      return;
    }
    if (command) command.lines.push(line);
    else this.unsolicited.dispatch({ name: name ?? '', line });
  }

  private isEcho(line: string, command: InFlightCommand): boolean {
    if (line.toUpperCase() === command.command.toUpperCase()) return true;
    const payload = command.options.payload;
    // An echoed PDU may carry the prompt in front of it ("> 0011…").
    return payload !== undefined && command.phase === 'payload-written' && line.replace(/^>\s*/, '') === payload;
  }

  private timeOut(command: InFlightCommand, timeoutMs: number): void {
    if (this.inFlight !== command) return;
    command.timer = undefined;
    // ESC abandons a half-open PDU entry so the modem is ready for the next command.
    if (command.phase === 'awaiting-prompt') this.transport.write(escape).catch(() => undefined);
    this.setHealth('unresponsive');
    this.settleTimer = this.clock.setTimeout(() => {
      this.settleTimer = undefined;
      this.startNext();
    }, this.options.settleAfterTimeoutMs ?? 250);
    this.finish(command, new ModemTimeoutError(command.command, timeoutMs, { details: this.failureDetails(command) }));
    this.options.onTimeout?.(++this.consecutiveTimeouts);
  }

  private failureDetails(command: InFlightCommand): Record<string, unknown> {
    return { command: command.command, payloadWritten: command.phase === 'payload-written' };
  }

  private finish(command: InFlightCommand, error: Error | undefined, response?: AtResponse): void {
    if (command.timer !== undefined) this.clock.clearTimeout(command.timer);
    command.timer = undefined;
    this.inFlight = undefined;
    this.splitter.awaitingPrompt = false;
    if (error) command.reject(error);
    else command.resolve(response!);
    this.startNext();
  }

  private shutDown(cause: Error | undefined): void {
    if (this.currentHealth === 'closed') return;
    this.transport.off('data', this.onData);
    this.transport.off('close', this.onClose);
    this.transport.off('error', this.onError);
    this.setHealth('closed');
    if (this.settleTimer !== undefined) this.clock.clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    const command = this.inFlight;
    if (command) {
      if (command.timer !== undefined) this.clock.clearTimeout(command.timer);
      this.inFlight = undefined;
      command.reject(new ModemUnavailableError(`port closed while ${command.command} was in flight`, { cause, details: this.failureDetails(command) }));
    }
    for (const pending of this.queue.splice(0)) {
      pending.reject(new ModemUnavailableError(`port closed; ${pending.command} not sent`, { cause, details: { command: pending.command, payloadWritten: false } }));
    }
    this.splitter.reset();
  }

  private setHealth(health: ModemHealth): void {
    if (health === this.currentHealth) return;
    this.currentHealth = health;
    this.options.onHealth?.(health);
  }
}

function hasOpenQuote(line: string): boolean {
  return (line.match(/"/g)?.length ?? 0) % 2 === 1;
}
