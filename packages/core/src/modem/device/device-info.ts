import type { AtEngine } from '../at/at-engine';
import { ModemError } from '../modem-errors';
import { parseIccid } from './iccid';
import { parseNetworkOperator, type NetworkOperator } from './network-operator';
import { parseNetworkRegistration, type NetworkRegistration } from './network-registration';
import { parseSignalQuality, type SignalQuality } from './signal-quality';
import { parseSmsCenter } from './sms-center';

/** What `info()` reports. A field the modem would not tell is left out rather than failing the call. */
export interface ModemDeviceInfo {
  manufacturer?: string;
  model?: string;
  revision?: string;
  imei?: string;
  imsi?: string;
  iccid?: string;
  smsc?: string;
  operator?: NetworkOperator;
  registration?: NetworkRegistration;
  signal?: SignalQuality;
}

/** Runs a query; undefined when the modem answers an error (unsupported command). Port loss and timeouts still throw. */
async function query(engine: AtEngine, command: string): Promise<string[] | undefined> {
  try {
    return (await engine.run(command)).lines;
  } catch (error) {
    if (error instanceof ModemError && error.code === 'SMSB_MODEM_COMMAND') return undefined;
    throw error;
  }
}

/** The single value line of `AT+CGMI`-style answers, without an optional `+CGMI: ` prefix. */
function plainValue(lines: string[] | undefined): string | undefined {
  const line = lines?.find((l) => l.trim() !== '');
  if (line === undefined) return undefined;
  return line.replace(/^(?:[+^][A-Z]+:|Revision:)\s*/i, '').replace(/^"|"$/g, '').trim() || undefined;
}

/** Tries each dialect's ICCID command in turn (`+CCID` SIMCom/Telit, `+QCCID` Quectel, `^ICCID?` Huawei). */
async function readIccid(engine: AtEngine): Promise<string | undefined> {
  for (const command of ['AT+CCID', 'AT+QCCID', 'AT^ICCID?']) {
    const lines = await query(engine, command);
    const iccid = lines?.map(parseIccid).find((v) => v !== undefined);
    if (iccid !== undefined) return iccid;
  }
  return undefined;
}

/** Where the modem stands on the network: what `networkStatus()` reports. */
export type ModemNetworkStatus = Pick<ModemDeviceInfo, 'operator' | 'registration' | 'signal'>;

export async function readNetworkStatus(engine: AtEngine): Promise<ModemNetworkStatus> {
  const status: ModemNetworkStatus = {};
  const registration = firstParsed(await query(engine, 'AT+CREG?'), (l) => parseNetworkRegistration(l, true));
  const operator = firstParsed(await query(engine, 'AT+COPS?'), parseNetworkOperator);
  const signal = firstParsed(await query(engine, 'AT+CSQ'), parseSignalQuality);
  if (registration) status.registration = registration;
  if (operator) status.operator = operator;
  if (signal) status.signal = signal;
  return status;
}

export async function readDeviceInfo(engine: AtEngine): Promise<ModemDeviceInfo> {
  const info: ModemDeviceInfo = {};
  const set = <K extends keyof ModemDeviceInfo>(key: K, value: ModemDeviceInfo[K] | undefined): void => {
    if (value !== undefined) info[key] = value;
  };
  set('manufacturer', plainValue(await query(engine, 'AT+CGMI')));
  set('model', plainValue(await query(engine, 'AT+CGMM')));
  set('revision', plainValue(await query(engine, 'AT+CGMR')));
  set('imei', plainValue(await query(engine, 'AT+CGSN')));
  set('imsi', plainValue(await query(engine, 'AT+CIMI')));
  set('iccid', await readIccid(engine));
  set('smsc', firstParsed(await query(engine, 'AT+CSCA?'), parseSmsCenter));
  set('operator', firstParsed(await query(engine, 'AT+COPS?'), parseNetworkOperator));
  set('registration', firstParsed(await query(engine, 'AT+CREG?'), (l) => parseNetworkRegistration(l, true)));
  set('signal', firstParsed(await query(engine, 'AT+CSQ'), parseSignalQuality));
  return info;
}

function firstParsed<T>(lines: string[] | undefined, parse: (line: string) => T | undefined): T | undefined {
  for (const line of lines ?? []) {
    const value = parse(line);
    if (value !== undefined) return value;
  }
  return undefined;
}
