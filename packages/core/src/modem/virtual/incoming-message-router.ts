import type { MessageStorage, StorageName } from './message-storage';
import { tpduLengthOf } from './message-storage';
import type { VirtualModemSettings } from './virtual-modem-settings';
import { readDeliverClass } from './pdu/read-deliver-class';
import type { ModemProfile } from './profiles/modem-profile';
import { textModeMessage } from './text-mode-format';

/** A message or status report put on the modem by the network, and what became of it. */
export interface IncomingDelivery {
  pdu: string;
  kind: 'sms' | 'status-report';
  /** Where it went: stored (storage + index), shown directly (+CMT/+CDS), or lost (storage full / routing off). */
  route: { stored: StorageName; index: number } | 'direct' | 'dropped';
}

/** What the router needs from the modem around it. */
export interface IncomingMessageRouterHost {
  readonly profile: ModemProfile;
  settings(): VirtualModemSettings;
  storage(name: StorageName): MessageStorage;
  emitUnsolicited(lines: string[]): void;
  later(ms: number, action: () => void): unknown;
  cancel(handle: unknown): void;
  /** How long a +CMT/+CDS waits for +CNMA when CSMS=1. */
  readonly acknowledgementTimeoutMs: number;
  acknowledgementTimedOut(): void;
}

/**
 * New messages and status reports as `+CNMI` routes them (TS 27.005 §3.4.1): stored and announced
 * (`+CMTI`/`+CDSI`), shown directly (`+CMT`/`+CDS`, waiting for `+CNMA` when CSMS=1), or held in
 * the TA while `<mode>` is 0.
 */
export class IncomingMessageRouter {
  private held: string[][] = [];
  private pendingAcknowledgements: unknown[] = [];

  constructor(private readonly host: IncomingMessageRouterHost) {}

  routeSms(pdu: string): IncomingDelivery {
    const settings = this.host.settings();
    const messageClass = readDeliverClass(pdu);
    const mt = settings.cnmi[1];
    if ((mt === 2 && messageClass !== 2) || (mt === 3 && messageClass === 3)) {
      this.indicate(this.directLines('+CMT', pdu));
      this.expectAcknowledgement();
      return { pdu, kind: 'sms', route: 'direct' };
    }
    // <mem3> is SM or ME: AT+CPMS never lets SR receive.
    const storageName = settings.preferredStorages[2];
    const stored = this.host.storage(storageName).store(pdu, 0);
    if (!stored) return { pdu, kind: 'sms', route: 'dropped' };
    if (mt !== 0) this.indicate([`+CMTI: "${storageName}",${stored.index}`]);
    return { pdu, kind: 'sms', route: { stored: storageName, index: stored.index } };
  }

  routeStatusReport(pdu: string): IncomingDelivery {
    const ds = this.host.settings().cnmi[3];
    if (ds === 1) {
      this.indicate(this.directLines('+CDS', pdu));
      this.expectAcknowledgement();
      return { pdu, kind: 'status-report', route: 'direct' };
    }
    const stored = ds === 2 ? this.host.storage('SR').store(pdu, 0) : null;
    if (!stored) return { pdu, kind: 'status-report', route: 'dropped' };
    this.indicate([`+CDSI: "${this.host.profile.statusReportAnnouncedStorage}",${stored.index}`]);
    return { pdu, kind: 'status-report', route: { stored: 'SR', index: stored.index } };
  }

  /** AT+CNMA: true when a +CMT/+CDS was waiting for it. */
  acknowledge(): boolean {
    const handle = this.pendingAcknowledgements.shift();
    if (handle === undefined) return false;
    this.host.cancel(handle);
    return true;
  }

  /** After AT+CNMI: indications held under <mode> 0 go out (<bfr> 0) or are dropped (<bfr> 1). */
  flushHeld(): void {
    const [mode, , , , bufferedResultCodes] = this.host.settings().cnmi;
    if (mode === 0) return;
    const held = this.held.splice(0);
    if (bufferedResultCodes === 0) for (const lines of held) this.host.emitUnsolicited(lines);
  }

  /** Power cycle: the TA's buffer and pending acknowledgements are gone. */
  reset(): void {
    this.held = [];
    for (const handle of this.pendingAcknowledgements.splice(0)) this.host.cancel(handle);
  }

  private indicate(lines: string[]): void {
    if (this.host.settings().cnmi[0] === 0) this.held.push(lines);
    else this.host.emitUnsolicited(lines);
  }

  /** `+CMT`/`+CDS` lines: length and PDU in PDU mode, header and text in text mode. */
  private directLines(prefix: '+CMT' | '+CDS', pdu: string): string[] {
    const settings = this.host.settings();
    if (settings.messageFormat === 0) return prefix === '+CMT' ? [`+CMT: ,${tpduLengthOf(pdu)}`, pdu] : [`+CDS: ${tpduLengthOf(pdu)}`, pdu];
    const shown = textModeMessage(pdu, settings.characterSet);
    return shown.text === null ? [`${prefix}: ${shown.header}`] : [`${prefix}: ${shown.header}`, shown.text];
  }

  /** TS 27.005 +CNMI: with CSMS=1 an unacknowledged +CMT/+CDS switches routing off (mt = ds = 0). */
  private expectAcknowledgement(): void {
    const settings = this.host.settings();
    if (settings.smsService !== 1) return;
    const handle = this.host.later(this.host.acknowledgementTimeoutMs, () => {
      this.pendingAcknowledgements = this.pendingAcknowledgements.filter((pending) => pending !== handle);
      const current = this.host.settings();
      current.cnmi[1] = 0;
      current.cnmi[3] = 0;
      this.host.acknowledgementTimedOut();
    });
    this.pendingAcknowledgements.push(handle);
  }
}
