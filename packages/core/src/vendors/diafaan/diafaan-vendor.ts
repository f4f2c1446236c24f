import { DEFAULT_SEND_LIMITS } from '../contract/vendor-capabilities';
import type { VendorEntry } from '../vendor-entry';
import { DIAFAAN_ADMIN_COMMANDS } from './diafaan-admin-commands';
import { DiafaanClient } from './diafaan-client';
import { DIAFAAN_CONNECTION_FIELDS, diafaanClientOptions } from './diafaan-connection-fields';
import { DIAFAAN_PUSH } from './diafaan-push';
import { DIAFAAN_SEND_OPTIONS } from './diafaan-send-options';

/**
 * Diafaan SMS Server in the vendor registry. Delivery reports cannot be asked for per message
 * (the gateway's configuration decides), so `statusReport` is not a send field; recipients may be
 * contact or group names of the user's contact list (`contact-name`).
 */
export const diafaanVendor: VendorEntry = {
  key: 'diafaan',
  describe: {
    key: 'diafaan',
    displayName: 'Diafaan SMS Server',
    summary: 'Windows SMS server (GSM modems, SMPP, HTTP gateways); Web connector HTTP API under /http/<command>.',
    defaultPort: 9710,
    document: 'Diafaan SMS Server manual, Web connector "HTTP API specifications" (all editions; send-server-command for the basic and full editions, off by default from 4.0)',
    documentationUrl: 'https://www.diafaan.com/',
  },
  capabilities: {
    operations: ['send', 'status', 'inbox', 'acknowledge', 'ussd', 'admin', 'verify'],
    statuses: 'both',
    inbound: 'both',
    sendFields: ['from', 'flash', 'validityMinutes', 'scheduleAt'],
    namedRecipients: true,
    limits: DEFAULT_SEND_LIMITS,
  },
  connection: DIAFAAN_CONNECTION_FIELDS,
  sendOptions: DIAFAAN_SEND_OPTIONS,
  adminCommands: DIAFAAN_ADMIN_COMMANDS,
  push: DIAFAAN_PUSH,
  connect: (settings, context) => new DiafaanClient(diafaanClientOptions(settings, context)),
};
