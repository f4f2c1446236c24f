import type { ModemProfile } from './modem-profile';

/** Quectel EC25 (LTE): `+QCCID`, status reports announced as "SM" but stored in "SR". */
export const quectelProfile: ModemProfile = {
  name: 'quectel',
  dialect: 'quectel',
  manufacturer: 'Quectel',
  model: 'EC25',
  revision: 'EC25EFAR06A06M4G',
  imei: '867962041234561',
  imsi: '262011234567890',
  iccid: '89490200001234567890',
  revisionLine: 'Revision: EC25EFAR06A06M4G',
  identificationLines: ['Quectel', 'EC25', 'Revision: EC25EFAR06A06M4G'],
  iccidCommand: '+QCCID',
  iccidLine: '+QCCID: 89490200001234567890',
  prompt: '\r\n> ',
  bootUrcs: ['RDY', '+CFUN: 1', '+CPIN: READY', '+QUSIM: 1', '+QIND: SMS DONE', '+QIND: PB DONE'],
  emptySlotRead: 'error',
  statusReportAnnouncedStorage: 'SM',
  ussdPackedHex: false,
  copsAccessTechnology: 7,
  periodicUrcs: [],
  defaultCmee: 1,
  defaultCnmi: [2, 1, 0, 0, 0],
};
