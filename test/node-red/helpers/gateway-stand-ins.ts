/**
 * The stand-ins every Node-RED test flow points at: the five gateway simulators (pushing to a
 * path on Node-RED's HTTP node app) and a virtual modem on a pseudo-terminal, opened through the
 * real `serialport` package by the modem config node.
 */
import { createSimulator, SIMULATED_GATEWAYS, virtualModem, type GatewaySimulator } from '@smsbridge/core/testing';
import type { GatewayKey } from '@smsbridge/core';
import type { FlowNode } from './node-red-runtime';

export const MODEM_PIN = '2468';
export const PUSH_SECRET = 'push-secret-7f3a';

export interface StandIns {
  simulators: Partial<Record<GatewayKey, GatewaySimulator>>;
  modem?: Awaited<ReturnType<typeof virtualModem.startVirtualModemOnPty>>;
  stop(): Promise<void>;
}

/** Where `sms in` node `in-<gateway>` listens for pushes, with its secret. */
export function pushPath(gateway: string): string {
  return `/smsbridge-test/${gateway}`;
}

export async function startStandIns(options: { pushBaseUrl?: string; modem?: boolean; gateways?: readonly GatewayKey[] } = {}): Promise<StandIns> {
  const simulators: StandIns['simulators'] = {};
  for (const key of options.gateways ?? SIMULATED_GATEWAYS) {
    const pushUrl = options.pushBaseUrl ? `${options.pushBaseUrl}${pushPath(key)}/${PUSH_SECRET}` : undefined;
    const simulator = createSimulator(key, pushUrl ? { pushUrl } : {});
    await simulator.start();
    simulators[key] = simulator;
  }
  const modem = options.modem ? await virtualModem.startVirtualModemOnPty({ pin: MODEM_PIN, ussdMenu: { '*100#': 'Balance: 5.00 EUR', '*101#': { reply: '1. Data\n2. Voice', options: { '1': 'Data: 2 GB left' } } } }) : undefined;
  return {
    simulators,
    modem,
    async stop() {
      await Promise.all(Object.values(simulators).map((simulator) => simulator.stop()));
      await modem?.close();
    },
  };
}

/** The config node (and its credentials) for `gateway` pointing at its stand-in. */
export function configNodeFor(standIns: StandIns, gateway: GatewayKey, overrides: { password?: string; settings?: Record<string, unknown>; sendsPerMinute?: number } = {}): { node: FlowNode; credentials: Record<string, string> } {
  const id = `cfg-${gateway}`;
  if (gateway === 'modem') {
    if (!standIns.modem) throw new Error('the modem stand-in was not started');
    return {
      node: { id, type: 'smsbridge-modem', name: 'test modem', port: standIns.modem.path, baudRate: 115200, sendsPerMinute: overrides.sendsPerMinute ?? 0 },
      credentials: { pin: overrides.password ?? MODEM_PIN },
    };
  }
  const simulator = standIns.simulators[gateway];
  if (!simulator) throw new Error(`no simulator for ${gateway}`);
  const { username, password, ...vendorSettings } = simulator.describe().credentials;
  return {
    node: { id, type: 'smsbridge-gateway', name: `test ${gateway}`, gateway, url: simulator.baseUrl, settings: { ...vendorSettings, ...overrides.settings }, sendsPerMinute: overrides.sendsPerMinute ?? 0 },
    credentials: { username: username!, password: overrides.password ?? password! },
  };
}

/** Messages the stand-in accepted for `to` (digits compared), to count duplicates. */
export function acceptedAt(standIns: StandIns, gateway: GatewayKey, to: string): number {
  const wanted = to.replace(/\D/g, '');
  if (gateway === 'modem') return standIns.modem!.modem.submitted.filter((message) => message.destination.replace(/\D/g, '') === wanted).length;
  let count = 0;
  for (const message of standIns.simulators[gateway]!.network.messages.values()) if (message.to.replace(/\D/g, '') === wanted) count += 1;
  return count;
}
