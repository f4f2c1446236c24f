import type { StorageName } from './message-storage';
import type { ModemProfile } from './profiles/modem-profile';

/** The volatile settings `ATZ` restores. */
export interface VirtualModemSettings {
  echo: boolean;
  verbose: boolean;
  quiet: boolean;
  /** AT+CMEE: 0 bare ERROR, 1 numeric, 2 verbose. */
  cmee: number;
  /** AT+CMGF: 0 PDU, 1 text. */
  messageFormat: 0 | 1;
  characterSet: string;
  /** AT+CSMS service: 1 makes +CMT/+CDS wait for +CNMA. */
  smsService: 0 | 1;
  /** AT+CNMI <mode>,<mt>,<bm>,<ds>,<bfr>. */
  cnmi: [number, number, number, number, number];
  /** AT+CPMS <mem1> (read/list/delete), <mem2> (write/send), <mem3> (receive). */
  preferredStorages: [StorageName, StorageName, StorageName];
  /** AT+CREG <n>. */
  registrationReporting: number;
  /** AT+CGREG / AT+CEREG <n>, by command name. */
  packetRegistrationReporting: Record<string, number>;
  /** AT+CUSD <n>: 1 presents USSD results. */
  ussdPresentation: number;
  /** AT+CSMP <fo>,<vp>,<pid>,<dcs> for text mode. */
  textModeParameters: [number, number, number, number];
  /** AT+CSDH: show text mode header values. */
  showTextHeader: boolean;
  /** Vendor periodic reports (Huawei ^CURC, SIMCom +CIURC). */
  vendorReports: boolean;
}

export function defaultVirtualModemSettings(profile: ModemProfile): VirtualModemSettings {
  return {
    echo: true,
    verbose: true,
    quiet: false,
    cmee: profile.defaultCmee,
    messageFormat: 0,
    characterSet: 'GSM',
    smsService: 0,
    cnmi: [...profile.defaultCnmi],
    preferredStorages: ['SM', 'SM', 'SM'],
    registrationReporting: 0,
    packetRegistrationReporting: {},
    ussdPresentation: 0,
    textModeParameters: [17, 167, 0, 0],
    showTextHeader: false,
    vendorReports: true,
  };
}
