/** A mobile-terminated SMS to put on the virtual modem as if the network had delivered it. */
export interface IncomingSms {
  /** Originator: a number (`+4479…`, `12345`) or an alphanumeric sender (`BANK`). */
  from: string;
  text?: string;
  /** 8-bit data instead of text. */
  data?: Uint8Array;
  /** Default `auto`: GSM-7 when every character fits, else UCS-2. */
  encoding?: 'auto' | 'gsm7' | 'ucs2';
  /** Message class; 0 = flash. */
  messageClass?: 0 | 1 | 2 | 3;
  /** TP-SCTS; default the clock's now. */
  timestamp?: Date;
  /** Time zone of TP-SCTS in minutes east of UTC (quarter hours). Default 0. */
  timeZoneMinutes?: number;
  /** SMSC in front of the TPDU; default the modem's. */
  smsc?: string;
  /** Concatenation reference of a multipart message (8-bit IEI 00). Default 1. */
  concatReference?: number;
  /**
   * Which parts arrive and in what order, by 1-based sequence number: `[2, 1]` out of order,
   * `[1, 3]` loses part 2. Default all, in order.
   */
  partOrder?: number[];
  /** TP-PID; default 0. */
  protocolId?: number;
}
