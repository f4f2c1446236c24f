/**
 * How new messages and status reports reach the driver. `indication`: `+CMTI`/`+CDSI` point to
 * storage and the driver reads and deletes (`AT+CNMI=2,1,0,2,0`); `direct`: `+CMT`/`+CDS` carry
 * the PDU (`AT+CNMI=2,2,0,1,0`), acknowledged with `+CNMA` when `+CSMS=1`.
 */
export type NewMessageDelivery = 'indication' | 'direct';

/** Everything that shapes a session with the modem, apart from where the port is. */
export interface ModemSessionSettings {
  /** SIM PIN, used only when the SIM asks for one. */
  pin?: string;
  /** Default `indication`. */
  delivery?: NewMessageDelivery;
  /** Overrides the `+CNMI` parameters outright (e.g. `2,1,0,1,0` for a modem that refuses `ds=2`). */
  cnmi?: string;
  /** `AT+CSMS=<n>` at start-up; left as the modem has it when omitted. */
  messageService?: 0 | 1;
  /** `AT+CPMS` memories (read/delete, write/send, receive), e.g. `["SM","SM","SM"]`; left alone when omitted. */
  storage?: string[];
  /** Character set for text parameters (USSD): `GSM` (default), `IRA` or `UCS2`. */
  characterSet?: 'GSM' | 'IRA' | 'UCS2';
  /** SMSC to set with `AT+CSCA`; by default the SIM's is used. */
  smsc?: string;
  /** Probe attempts of `AT` before giving up (default 5) and the timeout of each (default 1000 ms). */
  probeAttempts?: number;
  probeTimeoutMs?: number;
  /** Default command timeout (10 s); `AT+CMGS` gets `sendTimeoutMs` (60 s, the network may be slow). */
  commandTimeoutMs?: number;
  sendTimeoutMs?: number;
  /** USSD reply wait (default 30 s). */
  ussdTimeoutMs?: number;
  /** `AT+CMGL=4` timeout for sweeps and inbox listings (default 30 s): listing a full SIM is slow on some modems. */
  listTimeoutMs?: number;
  /** `AT+CREG=2` at start-up, so registration changes arrive as `registration` events (default true). */
  registrationReports?: boolean;
}
