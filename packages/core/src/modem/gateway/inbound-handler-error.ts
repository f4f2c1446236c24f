import { SmsBridgeError, type SmsBridgeErrorOptions } from '../../errors/smsbridge-error';

/**
 * One or more users of a shared modem could not take an inbound message: it stays on the SIM and
 * is offered again (to those users only) on the next sweep. `cause` is the first handler's error.
 */
export class InboundHandlerError extends SmsBridgeError {
  override name = 'InboundHandlerError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_MODEM_INBOUND_HANDLER', message, { ...options, retryable: true });
  }
}
