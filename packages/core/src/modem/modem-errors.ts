import { SmsBridgeError, type SmsBridgeErrorOptions } from '../errors/smsbridge-error';

/** Stable machine codes of modem failures. */
export type ModemErrorCode =
  | 'SMSB_MODEM_COMMAND'
  | 'SMSB_MODEM_TIMEOUT'
  | 'SMSB_MODEM_UNAVAILABLE'
  | 'SMSB_MODEM_PIN'
  | 'SMSB_MODEM_SIM'
  | 'SMSB_MODEM_PROTOCOL'
  | 'SMSB_MODEM_NOT_FOUND'
  /** inbox()/sweep() called from inside a 'message' handler, which it would wait for. */
  | 'SMSB_MODEM_REENTRANT_CALL'
  /** A warning: stored status reports nobody took were deleted so the SIM does not fill up. */
  | 'SMSB_MODEM_REPORTS_REMOVED'
  /** In a SendResult: the PDU was written, the port died before `+CMGS` confirmed it; not resent. */
  | 'SMSB_MODEM_SEND_UNCERTAIN';

/** Base of every error the modem driver throws; `details.command` names the AT command where there is one. */
export class ModemError extends SmsBridgeError {
  override name = 'ModemError';
  declare readonly code: ModemErrorCode;
  constructor(code: ModemErrorCode, message: string, options: SmsBridgeErrorOptions = {}) {
    super(code, message, options);
  }
}

/** Which error family a final result belongs to: `+CMS ERROR` (SMS), `+CME ERROR` (equipment) or a bare `ERROR`/other. */
export type ModemErrorFamily = 'cms' | 'cme' | 'plain';

/** The modem answered a command with an error final result. */
export class ModemCommandError extends ModemError {
  override name = 'ModemCommandError';
  readonly family: ModemErrorFamily;
  /** Numeric CMS/CME code when the modem gave one (verbose CME texts are mapped back to their number where known). */
  readonly errorCode: number | undefined;
  /** What the code means (3GPP TS 27.005 §3.2.5 / TS 27.007 §9.2), or the modem's own text. */
  readonly meaning: string;
  readonly command: string;
  constructor(command: string, family: ModemErrorFamily, errorCode: number | undefined, meaning: string, options: SmsBridgeErrorOptions = {}) {
    const label = family === 'plain' ? meaning : `+${family.toUpperCase()} ERROR ${errorCode ?? ''}: ${meaning}`.replace(' :', ':');
    super('SMSB_MODEM_COMMAND', `${command} failed: ${label}`, {
      ...options,
      details: { ...options.details, command, family, errorCode, meaning },
    });
    this.family = family;
    this.errorCode = errorCode;
    this.meaning = meaning;
    this.command = command;
  }
}

/** The modem did not finish a command in time. The command may or may not have taken effect. */
export class ModemTimeoutError extends ModemError {
  override name = 'ModemTimeoutError';
  readonly command: string;
  constructor(command: string, timeoutMs: number, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_MODEM_TIMEOUT', `${command} got no final result within ${timeoutMs} ms`, {
      retryable: true,
      ...options,
      details: { ...options.details, command, timeoutMs },
    });
    this.command = command;
  }
}

/** The port is closed, vanished or could not be opened. Retryable once the modem is back. */
export class ModemUnavailableError extends ModemError {
  override name = 'ModemUnavailableError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_MODEM_UNAVAILABLE', message, { retryable: true, ...options });
  }
}

/** The SIM wants a PIN that was not given, or refused the one given. Not retryable: a wrong PIN retried locks the SIM. */
export class ModemPinError extends ModemError {
  override name = 'ModemPinError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_MODEM_PIN', message, { ...options, retryable: false });
  }
}

/** No SIM, SIM failure or a SIM locked behind a PUK: a person has to act. */
export class ModemSimError extends ModemError {
  override name = 'ModemSimError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_MODEM_SIM', message, { ...options, retryable: false });
  }
}

/** The modem answered something the driver cannot read. */
export class ModemProtocolError extends ModemError {
  override name = 'ModemProtocolError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_MODEM_PROTOCOL', message, options);
  }
}

/** No serial port matched the path, serial number or VID:PID asked for. */
export class ModemNotFoundError extends ModemError {
  override name = 'ModemNotFoundError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_MODEM_NOT_FOUND', message, { retryable: true, ...options });
  }
}

/** A call that would wait for the handler it is made from (a deadlock); make it after the handler returns. */
export class ModemReentrantCallError extends ModemError {
  override name = 'ModemReentrantCallError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_MODEM_REENTRANT_CALL', message, { ...options, retryable: false });
  }
}

/**
 * A warning on the `error` path, not a failed call: stored status reports that no `status-report`
 * handler and no listing took were deleted, oldest first, so that the report memory (on some
 * modems the SMS memory too) does not fill up and refuse new ones.
 */
export class ModemReportsRemovedError extends ModemError {
  override name = 'ModemReportsRemovedError';
  readonly removed: number;
  constructor(removed: number, kept: number, options: SmsBridgeErrorOptions = {}) {
    const reports = removed === 1 ? '1 delivery report nobody took was' : `${removed} delivery reports nobody took were`;
    super(
      'SMSB_MODEM_REPORTS_REMOVED',
      `${reports} removed from the SIM so it does not fill up (at most ${kept} are kept): subscribe to reports (Node-RED sms in, output 2; n8n SMS Trigger Events: Delivery Reports) to receive them, or do not ask for delivery reports`,
      { ...options, retryable: false, details: { ...options.details, removed, kept } },
    );
    this.removed = removed;
  }
}
