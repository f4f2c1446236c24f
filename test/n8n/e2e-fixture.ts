import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVendorRegistry, type GatewayKey } from '@smsbridge/core';
import { BridgeServer } from '../../packages/core/src/bridge/bridge-server';
import { closedPort } from '../../packages/core/src/testing/closed-port';
import { startSimulators, virtualModem, type MultiSimulator } from '../../packages/core/src/testing';
import { N8nInstance, type N8nCredential } from './n8n-instance';
import { ensureN8n, installPackedNodes } from './n8n-install';

/** The credential type of each gateway, as saved workflows name them (public interface). */
export const CREDENTIAL_TYPES: Record<GatewayKey, string> = {
  diafaan: 'smsbridgeDiafaanApi',
  routesms: 'smsbridgeRouteMobileApi',
  spangw: 'smsbridgeSpanGatewayApi',
  jasmin: 'smsbridgeJasminApi',
  dinstar: 'smsbridgeDinstarApi',
  modem: 'smsbridgeGsmModem',
  modembridge: 'smsbridgeModemBridgeApi',
};

export const MODEM_PIN = '2468';
/** The modem bridge's bearer token (a secret: it must appear in no output). */
export const BRIDGE_TOKEN = 'e2e-bridge-token-9137';
/** USSD answers of the simulated networks (and the same menu on the virtual modem). */
export const USSD_MENU: Record<string, { reply: string; awaitingInput?: boolean }> = {
  '*100#': { reply: 'Balance: 5.00 EUR' },
  '*123#': { reply: '1 Data 2 Voice', awaitingInput: true },
  '1': { reply: 'Data: 2 GB left' },
  '2': { reply: 'Voice: 100 min left' },
};
export const registry = createVendorRegistry();

export { closedPort };

/**
 * Simulators of every HTTP gateway, a virtual modem on a pty, a second one behind the modem bridge
 * (the GSM Modem Bridge gateway), a real n8n with the packed nodes installed.
 */
export class E2eFixture {
  simulators!: MultiSimulator;
  modem!: virtualModem.PtyVirtualModem;
  bridgeModem!: virtualModem.PtyVirtualModem;
  bridge!: BridgeServer;
  private bridgeJournal = '';
  n8n!: N8nInstance;
  readonly secrets: string[] = [MODEM_PIN, BRIDGE_TOKEN];

  /**
   * `pushUrls(n8nPort)`: where each simulator pushes (as a user enters it in the gateway's own
   * settings); n8n's port is chosen first so the URLs can name it.
   */
  async start(pushUrls?: (n8nPort: number) => Partial<Record<GatewayKey, string>>): Promise<void> {
    const n8nBin = ensureN8n();
    const userFolder = installPackedNodes();
    this.n8n = new N8nInstance(n8nBin, userFolder);
    this.n8n.port = await closedPort();
    const urls = pushUrls?.(this.n8n.port) ?? {};
    // Diafaan's simulator names its push target as the product does: callbackUrl.
    const perGateway: Record<string, Record<string, unknown>> = Object.fromEntries(Object.entries(urls).map(([key, pushUrl]) => [key, { pushUrl, callbackUrl: pushUrl }]));
    const network = { sendDelayMs: 10, deliveryDelayMs: 50 };
    // A USSD menu on the gateways that can answer one: *123# waits for a choice.
    const ussdResponder = (code: string) => USSD_MENU[code];
    perGateway['dinstar'] = { ...perGateway['dinstar'], network: { ...network, ussdResponder } };
    this.simulators = await startSimulators([], { common: { network }, perGateway });
    const modemOptions = {
      profile: 'simcom',
      pin: MODEM_PIN,
      ussdMenu: { '*100#': 'Balance: 5.00 EUR', '*123#': { reply: '1 Data 2 Voice', options: { '1': 'Data: 2 GB left', '2': 'Voice: 100 min left' } } },
      ussd: { replyTiming: 'before-ok' },
    } as const;
    this.modem = await virtualModem.PtyVirtualModem.start(modemOptions);
    this.bridgeModem = await virtualModem.PtyVirtualModem.start(modemOptions);
    this.bridgeJournal = mkdtempSync(join(tmpdir(), 'smsbridge-e2e-bridge-'));
    this.bridge = await BridgeServer.start({ modems: [{ port: this.bridgeModem.path, baudRate: 115200, pin: MODEM_PIN }], token: BRIDGE_TOKEN, journal: this.bridgeJournal, port: 0 });
    for (const simulator of this.simulators.simulators.values()) {
      const password = simulator.describe().credentials['password'];
      if (password) this.secrets.push(password);
    }
  }

  async stop(): Promise<void> {
    await this.n8n?.stop();
    await this.simulators?.stop();
    await this.bridge?.stop();
    await this.bridgeModem?.close();
    if (this.bridgeJournal) rmSync(this.bridgeJournal, { recursive: true, force: true });
    await this.modem?.close();
  }

  /** The connection values of `gateway` as a user would type them into the credential. */
  connection(gateway: GatewayKey): Record<string, unknown> {
    if (gateway === 'modem') return { port: this.modem.path, baudRate: 115200, pin: MODEM_PIN };
    if (gateway === 'modembridge') return { url: this.bridge.url, password: BRIDGE_TOKEN, timeoutMs: 30_000 };
    const simulator = this.simulators.get(gateway)!;
    return { url: simulator.baseUrl, ...simulator.describe().credentials, timeoutMs: 5000 };
  }

  credential(gateway: GatewayKey, id = `cred-${gateway}`, data = this.connection(gateway)): N8nCredential {
    return { id, name: `${gateway} (${id})`, type: CREDENTIAL_TYPES[gateway], data };
  }

  /** Messages the gateway (or the modem's network) took for `to`. */
  acceptedFor(gateway: GatewayKey, to: string): number {
    const digits = to.replace(/\D/g, '');
    if (gateway === 'modem' || gateway === 'modembridge') {
      const modem = gateway === 'modem' ? this.modem : this.bridgeModem;
      return modem.modem.submitted.filter((submitted) => submitted.destination.replace(/\D/g, '') === digits).length;
    }
    let count = 0;
    for (const message of this.simulators.get(gateway)!.network.messages.values()) if (message.to.replace(/\D/g, '').replace(/^00/, '') === digits) count += 1;
    return count;
  }
}
