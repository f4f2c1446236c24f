import { SmsBridgeError, type SmsBridgeErrorOptions } from '../../errors/smsbridge-error';

/** Machine codes of virtual modem failures (bad injections, pseudo-terminal trouble). */
export type VirtualModemErrorCode =
  | 'SMSB_VMODEM_BAD_INJECTION'
  | 'SMSB_VMODEM_PTY_FAILED'
  | 'SMSB_VMODEM_NOT_OPEN'
  | 'SMSB_VMODEM_VANISHED'
  | 'SMSB_VMODEM_BAD_OPTION';

/** A misuse of the virtual modem or a failure to bring up its pseudo-terminal. */
export class VirtualModemError extends SmsBridgeError {
  override name = 'VirtualModemError';
  declare readonly code: VirtualModemErrorCode;
  constructor(code: VirtualModemErrorCode, message: string, options: SmsBridgeErrorOptions = {}) {
    super(code, message, options);
  }
}
