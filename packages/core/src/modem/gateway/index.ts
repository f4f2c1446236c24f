// The GSM modem as a gateway: its registry entry, the client, and the hub hosts own to share ports.
export { modemVendor } from './modem-vendor';
export { ModemGatewayClient } from './modem-gateway-client';
export { ModemHub, type ModemHubOptions } from './modem-hub';
export { ModemLease } from './modem-lease';
export type { ModemDriverSettings, ModemPortOpener } from './modem-port-connection';
export { MODEM_CONNECTION_FIELDS, DEFAULT_MODEM_BAUD_RATE, modemPortSettings, type ModemPortSettings } from './modem-connection-fields';
export { MODEM_ADMIN_COMMANDS } from './modem-admin-commands';
export type { InboundHandler } from './inbound-fan-out';
export { InboundHandlerError } from './inbound-handler-error';
export { modemGatewayError } from './modem-gateway-error';
