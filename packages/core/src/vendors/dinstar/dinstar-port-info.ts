import { optionalInteger } from './dinstar-sms-result';

/** Values of `info_type` in `get_port_info` (the last six on newer firmware). */
export const DINSTAR_PORT_INFO_TYPES = [
  'type',
  'imei',
  'imsi',
  'iccid',
  'smsc',
  'number',
  'reg',
  'slot',
  'callstate',
  'signal',
  'gprs',
  'remain_credit',
] as const;
export type DinstarPortInfoType = (typeof DINSTAR_PORT_INFO_TYPES)[number];

/** `reg` values. */
export type DinstarRegistration =
  | 'POWER_OFF'
  | 'NO_SIM'
  | 'PIN_REQUIRE'
  | 'PUK_REQUIRE'
  | 'UNREGISTER'
  | 'SEARCHING_NETWORK'
  | 'REGISTER_OK'
  | 'UNKNOWN';

/** One port as `get_port_info` describes it; only the requested fields are present. */
export interface DinstarPortInfo {
  port: number;
  type?: string;
  imei?: string;
  imsi?: string;
  iccid?: string;
  smsc?: string;
  number?: string;
  reg?: string;
  /** Every field as sent. */
  raw: Record<string, unknown>;
}

export function parseDinstarPortInfo(list: unknown): DinstarPortInfo[] {
  const ports: DinstarPortInfo[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    if (!item || typeof item !== 'object') continue;
    const raw = item as Record<string, unknown>;
    const port = optionalInteger(raw.port);
    if (port === undefined) continue;
    const info: DinstarPortInfo = { port, raw };
    for (const key of ['type', 'imei', 'imsi', 'iccid', 'smsc', 'number', 'reg'] as const) {
      if (raw[key] !== undefined && raw[key] !== null) info[key] = String(raw[key]);
    }
    ports.push(info);
  }
  return ports;
}
