/** The name of a built-in vendor dialect. */
export type ModemProfileName = 'simcom' | 'quectel' | 'huawei';

/**
 * What makes one vendor's modem look like itself on the wire: identity strings, the shape of a few
 * answers and the quirks drivers trip over.
 */
export interface ModemProfile {
  name: string;
  /** Whose vendor commands (`^CURC`, `+QCFG`, `+CSPN` …) the modem also understands. */
  dialect: ModemProfileName;
  manufacturer: string;
  model: string;
  revision: string;
  imei: string;
  imsi: string;
  iccid: string;
  /** `AT+CGMR` answer line (some prefix it with `+CGMR: `, some `Revision: `). */
  revisionLine: string;
  /** Lines of `ATI`. */
  identificationLines: string[];
  /** The ICCID command (`+CCID`, `+QCCID`, `^ICCID`, `+ICCID`) and the answer line it gives. */
  iccidCommand: string;
  iccidLine: string;
  /** What follows `AT+CMGS=<n>\r`: `\r\n> ` on most modems. */
  prompt: string;
  /** URC lines a freshly powered modem prints. */
  bootUrcs: string[];
  /** `AT+CMGR` on an empty slot: bare `OK` (SIMCom) or `+CMS ERROR: 321`. */
  emptySlotRead: 'ok' | 'error';
  /** Storage a `+CDSI` names; Quectel says "SM" while the report sits in "SR". */
  statusReportAnnouncedStorage: 'SR' | 'SM';
  /** Huawei: USSD strings travel as packed GSM 7-bit hex. */
  ussdPackedHex: boolean;
  /** Access technology in `+COPS?` (`7` = LTE), or none (2G modems). */
  copsAccessTechnology: number | null;
  /** Unsolicited lines this vendor repeats (Huawei `^RSSI:{rssi}`); `{rssi}` is the current signal. */
  periodicUrcs: string[];
  /** AT+CMEE at power-on. */
  defaultCmee: number;
  defaultCnmi: [number, number, number, number, number];
}
