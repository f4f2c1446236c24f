import type { DeliveryStatus } from '../model/delivery-status';
import type { InboundMessage } from '../model/inbound-message';
import type { UssdExchange } from '../model/ussd-exchange';
import type { ModemHealth } from './at/at-engine';
import type { NetworkRegistration } from './device/network-registration';
import type { ConnectionState } from './supervisor/connection-supervisor';

/** Connection and responsiveness together, as the `state` event reports them. */
export interface GsmModemState {
  connection: ConnectionState;
  health: ModemHealth;
  /** Why the connection changed, when it was an error. */
  error?: unknown;
}

export interface GsmModemEvents {
  /** A new message. The modem deletes it from storage only after every returned promise resolved. */
  message: (message: InboundMessage) => void | Promise<void>;
  /**
   * A status report. A stored one is deleted from storage only after every returned promise
   * resolved; with no handler, or one that throws, it stays stored for the next sweep. A report
   * the modem shows once (`+CDS`, direct delivery) is acknowledged after the handlers settled.
   */
  'status-report': (status: DeliveryStatus) => void | Promise<void>;
  /** Parts of a concatenated message whose other parts did not come in time; they stay stored. */
  'incomplete-message': (message: InboundMessage) => void;
  /** Network-initiated USSD. */
  ussd: (exchange: UssdExchange) => void;
  state: (state: GsmModemState) => void;
  /** Network registration changed (`+CREG` URC). */
  registration: (registration: NetworkRegistration) => void;
  /** Problems outside any call (a message handler that threw, an unreadable PDU) and warnings (`ModemReportsRemovedError`: unclaimed reports deleted). */
  error: (error: unknown) => void;
}
