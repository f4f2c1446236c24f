import type { VendorEntry } from '../vendor-entry';
import { DiafaanClient } from './diafaan-client';
import { DiafaanSimulator } from './diafaan-simulator';

/** Diafaan SMS Server in the vendor registry. */
export const diafaanVendor: VendorEntry = {
  key: 'diafaan',
  describe: {
    key: 'diafaan',
    displayName: 'Diafaan SMS Server',
    summary: 'Windows SMS server (GSM modems, SMPP, HTTP gateways); Web connector HTTP API under /http/<command>.',
    defaultPort: 9710,
    seed: '000_3cce85851df421fd.txt',
    operations: ['send', 'status', 'inbox', 'ussd', 'admin'],
  },
  createClient: (options) => new DiafaanClient(options),
  createSimulator: (options) => new DiafaanSimulator(options),
};
