import { InvalidRequestError } from '../../errors/gateway-errors';
import { DEFAULT_SEND_LIMITS } from '../../vendors/contract/vendor-capabilities';
import type { ConnectContext, VendorEntry } from '../../vendors/vendor-entry';
import { MODEM_ADMIN_COMMANDS } from './modem-admin-commands';
import { MODEM_CONNECTION_FIELDS, modemPortSettings } from './modem-connection-fields';
import { ModemGatewayClient } from './modem-gateway-client';
import { ModemHub } from './modem-hub';

/** The host's hub from the connect context; a modem client cannot work without one (it owns the ports). */
function hubOf(context: ConnectContext): ModemHub {
  if (context.modemHub instanceof ModemHub) return context.modemHub;
  throw new InvalidRequestError(
    'A modem client needs the host\'s ModemHub (context.modemHub), which shares each serial port between its users: create one hub per process and pass it to every open.',
    { details: { gateway: 'modem' } },
  );
}

/**
 * A GSM modem on a serial port as the registry, the CLI and the hosts see it. Statuses and
 * inbound messages arrive as the modem's indications (`+CDSI`, `+CMTI`: push, through the hub's
 * lease) and inbound messages can also be listed from the SIM (poll); there is no status by id to
 * ask for, and no HTTP push.
 */
export const modemVendor: VendorEntry = {
  key: 'modem',
  describe: {
    key: 'modem',
    displayName: 'GSM Modem',
    summary: 'A USB or serial GSM/LTE modem driven by AT commands: PDU sends with delivery reports, the SIM as inbox, USSD menus',
    document: '3GPP TS 27.005 / 27.007 AT commands',
    documentationUrl: 'https://www.3gpp.org/DynaReport/27005.htm',
  },
  capabilities: {
    operations: ['send', 'inbox', 'acknowledge', 'ussd', 'ussdContinue', 'ussdCancel', 'subscribe', 'admin', 'verify'],
    statuses: 'push',
    inbound: 'both',
    sendFields: ['flash', 'statusReport', 'validityMinutes'],
    // TP-DA holds up to 20 digits (TS 23.040 §9.1.2.5): national numbers and short codes go out as dialled.
    limits: { ...DEFAULT_SEND_LIMITS, maxNumberDigits: 20 },
  },
  connection: MODEM_CONNECTION_FIELDS,
  sendOptions: [],
  adminCommands: MODEM_ADMIN_COMMANDS,
  connect(settings, context = {}) {
    const hub = hubOf(context);
    return new ModemGatewayClient(hub.acquire(modemPortSettings(settings)));
  },
};
