import type { AtCommand } from './at-command';
import type { CommandOutcome } from './command-outcome';
import type { FinalResultCode } from './final-result-code';
import type { MessageStorage, StorageName } from './message-storage';
import type { VirtualModemSettings } from './virtual-modem-settings';
import type { ModemProfile } from './profiles/modem-profile';
import type { RadioState } from './radio-state';
import type { SimPinLock } from './sim-pin-lock';
import type { UssdSession } from './ussd-session';

/** What a command handler may see and do inside the virtual modem. */
export interface CommandContext {
  readonly profile: ModemProfile;
  readonly settings: VirtualModemSettings;
  readonly pinLock: SimPinLock;
  readonly radio: RadioState;
  readonly ussd: UssdSession;
  storage(name: StorageName): MessageStorage;
  /** ATZ / AT&F. */
  resetSettings(): void;
  /** AT+CFUN=1,1: answer OK, then reboot. */
  restartAfterReply(): void;
  /** Sends a SUBMIT (PDU with SMSC part) to the simulated network: `+CMGS: <mr>` or a CMS error. */
  submitToNetwork(pdu: string): { messageReference: number } | { error: FinalResultCode };
  /** AT+CNMA: true when a +CMT/+CDS was waiting for it. */
  acknowledgeDelivery(): boolean;
  /** Settings changed so that URCs held back by CNMI mode 0 may go out now. */
  flushHeldIndications(): void;
  /** Unsolicited lines: sent now, or after the command line in progress finishes. */
  emitUnsolicited(lines: string[]): void;
  /** Runs `action` after `ms` on the modem's clock (cancelled when the modem closes). */
  later(ms: number, action: () => void): void;
}

export type CommandHandler = (command: AtCommand, context: CommandContext) => CommandOutcome;

/** A command table entry; `needsSim` makes it fail while the SIM waits for its PIN (CMS codes for SMS commands). */
export interface CommandEntry {
  handle: CommandHandler;
  needsSim?: 'sms' | 'equipment';
}

export type CommandTable = Readonly<Record<string, CommandEntry>>;
