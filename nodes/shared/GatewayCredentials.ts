import type { GatewayKey } from '@smsbridge/core';

/**
 * The n8n credential type of each gateway. These names are public (saved credentials and
 * workflows refer to them), so they are written down once here rather than derived; everything
 * else about a credential comes from the vendor's registry entry.
 */
export const GATEWAY_CREDENTIALS: Readonly<Record<GatewayKey, { name: string; className: string; icon: string }>> = {
  diafaan: { name: 'smsbridgeDiafaanApi', className: 'SmsbridgeDiafaanApi', icon: 'diafaan.svg' },
  routesms: { name: 'smsbridgeRouteMobileApi', className: 'SmsbridgeRouteMobileApi', icon: 'routeMobile.svg' },
  spangw: { name: 'smsbridgeSpanGatewayApi', className: 'SmsbridgeSpanGatewayApi', icon: 'spanGateway.svg' },
  jasmin: { name: 'smsbridgeJasminApi', className: 'SmsbridgeJasminApi', icon: 'jasmin.svg' },
  dinstar: { name: 'smsbridgeDinstarApi', className: 'SmsbridgeDinstarApi', icon: 'dinstar.svg' },
  modem: { name: 'smsbridgeGsmModem', className: 'SmsbridgeGsmModemApi', icon: 'gsmModem.svg' },
  modembridge: { name: 'smsbridgeModemBridgeApi', className: 'SmsbridgeModemBridgeApi', icon: 'modemBridge.svg' },
};
