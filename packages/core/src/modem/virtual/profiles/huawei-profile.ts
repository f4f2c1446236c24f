import type { ModemProfile } from './modem-profile';

/** Huawei E173 USB stick (3G): `^ICCID` with swapped nibbles, `^RSSI` URCs, packed-hex USSD. */
export const huaweiProfile: ModemProfile = {
  name: 'huawei',
  dialect: 'huawei',
  manufacturer: 'huawei',
  model: 'E173',
  revision: '11.126.85.00.209',
  imei: '353142031234563',
  imsi: '208011234567890',
  iccid: '89330112345678901234',
  revisionLine: '11.126.85.00.209',
  identificationLines: [
    'Manufacturer: huawei',
    'Model: E173',
    'Revision: 11.126.85.00.209',
    'IMEI: 353142031234563',
    '+GCAP: +CGSM,+DS,+ES',
  ],
  iccidCommand: '^ICCID',
  // Huawei prints the ICCID as stored on the SIM: nibbles of each octet swapped.
  iccidLine: '^ICCID: 98331021436587092143',
  prompt: '\r\n> ',
  bootUrcs: ['^BOOT:12345678,0,0,0,72', '^RSSI:18'],
  emptySlotRead: 'error',
  statusReportAnnouncedStorage: 'SR',
  ussdPackedHex: true,
  copsAccessTechnology: 2,
  periodicUrcs: ['^RSSI:{rssi}'],
  defaultCmee: 0,
  defaultCnmi: [0, 0, 0, 0, 0],
};
