import { InvalidRequestError } from '../errors/gateway-errors';
import type { DeliveryStatus } from '../model/delivery-status';
import type { InboundMessage } from '../model/inbound-message';
import type { ModemHub } from '../modem/gateway/modem-hub';
import { modemPortSettings, type ModemPortSettings } from '../modem/gateway/modem-connection-fields';
import { modemVendor } from '../modem/gateway/modem-vendor';
import type { GatewayClient } from '../vendors/gateway-client';
import { VendorRegistry } from '../vendors/registry';

/** One modem the bridge drives: its number (1 for the first), the name it was given (`--port`), its client. */
export interface BridgeModem {
  number: number;
  name: string;
  client: GatewayClient;
}

export interface BridgeModemListener {
  /** Resolves once the message is safe (journaled); only then does the driver delete it from the SIM. */
  inbound(message: InboundMessage, modem: BridgeModem): Promise<void>;
  /** Resolves once the report is safe (journaled); only then does the driver delete it from the SIM. */
  status(status: DeliveryStatus, modem: BridgeModem): Promise<void>;
  error(error: unknown, modem: BridgeModem): void;
}

/**
 * The modems behind a bridge, each a modem client of the registry (the contract's checks in
 * front) on a lease of the host's {@link ModemHub}. Callers pick one by number or by the name it
 * was started with; without a choice, the first.
 */
export class BridgeModems {
  readonly list: readonly BridgeModem[];
  private readonly unsubscribes: (() => void)[] = [];

  constructor(ports: readonly ModemPortSettings[], hub: ModemHub) {
    if (ports.length === 0) throw new InvalidRequestError('A bridge needs at least one modem: give --port.', { details: { gateway: 'modembridge' } });
    const registry = new VendorRegistry([modemVendor]);
    const names = new Set<string>();
    const opened: BridgeModem[] = [];
    try {
      ports.forEach((values, index) => {
        const settings = modemPortSettings(values);
        if (names.has(settings.port)) throw new InvalidRequestError(`The modem ${settings.port} is given twice.`, { details: { gateway: 'modembridge', modem: settings.port } });
        names.add(settings.port);
        const client = registry.open('modem', { port: settings.port, baudRate: settings.baudRate, ...(settings.pin ? { pin: settings.pin } : {}) }, { modemHub: hub });
        opened.push({ number: index + 1, name: settings.port, client });
      });
    } catch (error) {
      for (const modem of opened) void modem.client.close();
      throw error;
    }
    this.list = opened;
  }

  /** The modem named by number (`1`) or name (`/dev/ttyUSB2`); the first when none is named. */
  pick(which: unknown): BridgeModem {
    if (which === undefined || which === null || which === '') return this.list[0]!;
    const text = String(which).trim();
    const found = this.list.find((modem) => modem.name === text || String(modem.number) === text);
    if (found) return found;
    throw new InvalidRequestError(`This bridge has no modem "${text.slice(0, 60)}": use ${this.list.map((modem) => `${modem.number} (${modem.name})`).join(', ')}.`, {
      details: { gateway: 'modembridge', option: 'modem' },
    });
  }

  /** Listens to every modem: inbound SMS and reports (kept on the SIM until `inbound` / `status` resolved), failures. */
  listen(listener: BridgeModemListener): void {
    for (const modem of this.list) {
      this.unsubscribes.push(
        modem.client.subscribe!({
          inbound: (message) => listener.inbound(message, modem),
          status: (status) => listener.status(status, modem),
          error: (error) => listener.error(error, modem),
        }),
      );
    }
  }

  /** Stops listening and gives every lease back (the hub closes a port after its last user). */
  async close(): Promise<void> {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    await Promise.allSettled(this.list.map((modem) => modem.client.close()));
  }
}
