import type { Clock } from '../../clock/clock';
import { buildStatusReportPdu } from './pdu/build-status-report-pdu';

/** How the simulated network treats messages to numbers that match. */
export interface DeliveryRule {
  /** A destination (`+447700900123`), a prefix ending in `*` (`+4477*`) or a pattern. */
  match: string | RegExp;
  /** Refuse the SUBMIT: `AT+CMGS` answers `+CMS ERROR: <submitError>`. */
  submitError?: number;
  /** TP-ST of the status report: 0 delivered, 32–63 temporary, 64+ permanent failure. Default 0. */
  status?: number;
  /** Delay from submit to the status report. */
  deliveryDelayMs?: number;
}

export interface SimulatedNetworkOptions {
  /** Delay from submit to delivery (and its status report). Default 2000 ms. */
  deliveryDelayMs?: number;
  /** First matching rule wins. */
  rules?: DeliveryRule[];
  /** Messages to the SIM's own number come back as incoming SMS. Default true. */
  loopback?: boolean;
}

/** A message the virtual modem sent, as the network saw it. */
export interface SubmittedMessage {
  /** Hex PDU with its SMSC part, as the host wrote it. */
  pdu: string;
  tpduLength: number;
  /** TP-MR the modem assigned and answered in `+CMGS:`. */
  messageReference: number;
  destination: string;
  statusReportRequested: boolean;
  submittedAt: number;
  /** TP-ST once the network has decided; undefined while in flight. */
  status?: number;
}

/** What the network hands back to the modem. */
export interface NetworkSink {
  statusReport(pdu: string): void;
  incoming(submitted: SubmittedMessage): void;
}

/** Delivers submitted messages after a delay (through the Clock) and produces their status reports. */
export class SimulatedNetwork {
  private readonly timers = new Set<unknown>();

  constructor(
    private readonly options: SimulatedNetworkOptions,
    private readonly clock: Clock,
    private readonly sink: NetworkSink,
  ) {}

  ruleFor(destination: string): DeliveryRule | undefined {
    return this.options.rules?.find((rule) => matches(rule.match, destination));
  }

  /** Schedules delivery of an accepted SUBMIT. */
  accept(message: SubmittedMessage, context: { smsc: string; ownNumber: string }): void {
    const rule = this.ruleFor(message.destination);
    const delay = rule?.deliveryDelayMs ?? this.options.deliveryDelayMs ?? 2000;
    this.after(delay, () => {
      message.status = rule?.status ?? 0;
      if (message.statusReportRequested) {
        this.sink.statusReport(
          buildStatusReportPdu({
            smsc: context.smsc,
            messageReference: message.messageReference,
            recipient: message.destination,
            submittedAt: new Date(message.submittedAt),
            dischargedAt: new Date(this.clock.now()),
            status: message.status,
          }),
        );
      }
      if (message.status === 0 && (this.options.loopback ?? true) && sameNumber(message.destination, context.ownNumber)) {
        this.sink.incoming(message);
      }
    });
  }

  /** Cancels everything in flight (the modem is closing). */
  dispose(): void {
    for (const handle of this.timers) this.clock.clearTimeout(handle);
    this.timers.clear();
  }

  private after(ms: number, action: () => void): void {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle);
      action();
    }, ms);
    this.timers.add(handle);
  }
}

function matches(pattern: string | RegExp, destination: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(destination);
  if (pattern.endsWith('*')) return destination.startsWith(pattern.slice(0, -1));
  return sameNumber(pattern, destination);
}

function sameNumber(a: string, b: string): boolean {
  const digits = (text: string) => text.replace(/[^0-9*#a-c]/gi, '');
  return a !== '' && digits(a) === digits(b);
}
