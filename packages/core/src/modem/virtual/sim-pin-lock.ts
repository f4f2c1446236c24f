/** What `AT+CPIN?` reports. */
export type PinState = 'READY' | 'SIM PIN' | 'SIM PUK' | 'SIM BLOCKED';

/** Outcome of entering a PIN or PUK, as the CME error the modem answers with (undefined = accepted). */
export type PinEntryOutcome = { accepted: true } | { accepted: false; cmeError: number };

const pinAttempts = 3;
const pukAttempts = 10;

/** A SIM's PIN lock: three wrong PINs ask for the PUK, ten wrong PUKs block the SIM for good. */
export class SimPinLock {
  private pin: string | null;
  private state: PinState;
  private pinLeft = pinAttempts;
  private pukLeft = pukAttempts;

  constructor(
    pin: string | null,
    private readonly puk: string,
  ) {
    this.pin = pin;
    this.state = pin === null ? 'READY' : 'SIM PIN';
  }

  get status(): PinState {
    return this.state;
  }

  get pinAttemptsLeft(): number {
    return this.pinLeft;
  }

  get pukAttemptsLeft(): number {
    return this.pukLeft;
  }

  /** Power cycle: a PIN-protected SIM asks for its PIN again. */
  relock(): void {
    if (this.state === 'READY' && this.pin !== null) this.state = 'SIM PIN';
  }

  enterPin(pin: string): PinEntryOutcome {
    if (this.state !== 'SIM PIN') return { accepted: false, cmeError: this.state === 'READY' ? 3 : this.state === 'SIM PUK' ? 12 : 13 };
    if (pin === this.pin) {
      this.state = 'READY';
      this.pinLeft = pinAttempts;
      return { accepted: true };
    }
    this.pinLeft--;
    if (this.pinLeft === 0) this.state = 'SIM PUK';
    return { accepted: false, cmeError: 16 };
  }

  enterPuk(puk: string, newPin: string): PinEntryOutcome {
    if (this.state !== 'SIM PUK') return { accepted: false, cmeError: 3 };
    if (puk === this.puk && /^\d{4,8}$/.test(newPin)) {
      this.pin = newPin;
      this.state = 'READY';
      this.pinLeft = pinAttempts;
      this.pukLeft = pukAttempts;
      return { accepted: true };
    }
    this.pukLeft--;
    if (this.pukLeft === 0) this.state = 'SIM BLOCKED';
    return { accepted: false, cmeError: 16 };
  }
}
