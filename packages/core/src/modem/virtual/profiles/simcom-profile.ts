import type { ModemProfile } from './modem-profile';

/** SIMCom SIM800L (2G): bare `+CCID` answer, `> ` prompt, Call Ready / SMS Ready after boot. */
export const simcomProfile: ModemProfile = {
  name: 'simcom',
  dialect: 'simcom',
  manufacturer: 'SIMCOM_Ltd',
  model: 'SIMCOM_SIM800L',
  revision: 'Revision:1418B04SIM800L24',
  imei: '866782042581732',
  imsi: '234150123456789',
  iccid: '8944150123456789012',
  revisionLine: 'Revision:1418B04SIM800L24',
  identificationLines: ['SIM800 R14.18'],
  iccidCommand: '+CCID',
  iccidLine: '8944150123456789012',
  prompt: '\r\n> ',
  bootUrcs: ['RDY', '+CFUN: 1', '+CPIN: READY', 'Call Ready', 'SMS Ready'],
  emptySlotRead: 'ok',
  statusReportAnnouncedStorage: 'SR',
  ussdPackedHex: false,
  copsAccessTechnology: null,
  periodicUrcs: [],
  defaultCmee: 0,
  defaultCnmi: [2, 1, 0, 0, 0],
};
