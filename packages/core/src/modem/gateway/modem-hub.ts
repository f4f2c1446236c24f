import type { BindingInterface } from '@serialport/bindings-interface';
import { systemClock, type Clock } from '../../clock/clock';
import { InvalidRequestError } from '../../errors/gateway-errors';
import type { SerialPortLister } from '../serial/serial-port-finder';
import { modemPortSettings, type ModemPortSettings } from './modem-connection-fields';
import { ModemLease } from './modem-lease';
import { ModemPortConnection, type ModemDriverSettings, type ModemPortOpener } from './modem-port-connection';

export interface ModemHubOptions {
  clock?: Clock;
  /** serialport binding for every port (the virtual modem binding in tests); default the OS one. */
  binding?: BindingInterface;
  /** Lists ports to find a USB serial number or VID:PID again; default SerialPort.list. */
  lister?: SerialPortLister;
  /** Opens a port's byte pipe instead of serialport (an in-process virtual modem). */
  openPort?: ModemPortOpener;
  /** Driver settings for every port: timeouts, reconnect backoff (default 1 s doubling to 60 s, forever), send rate. */
  driver?: ModemDriverSettings;
  /** How often stored messages are offered again while someone takes inbound messages (default 60 s; 0 = only on connect). */
  sweepIntervalMs?: number;
  /** How long a USSD menu waiting for an answer stays its opener's (default 120 s, about a network's session timer). */
  ussdMenuTimeoutMs?: number;
}

/**
 * Shared use of GSM modems, one connection per port, owned by a host (a Node-RED config node, an
 * n8n process, the CLI) rather than by the module: `acquire` hands out a lease on the port's
 * connection (opened on first use, reference-counted), `release` gives it back, the last release
 * closes the port. Every user's AT exchanges go through the port's one driver, whose queue never
 * interleaves them; the driver reconnects after an unplug; inbound messages reach every user that
 * subscribed and leave the SIM only once each of them took it.
 */
export class ModemHub {
  private readonly connections = new Map<string, ModemPortConnection>();
  private readonly clock: Clock;
  private closed = false;

  constructor(private readonly options: ModemHubOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  /**
   * A lease on the port's shared connection, for settings as the modem's connection fields read
   * them (`port`, `baudRate`, `pin`). A port already in use with another speed or PIN is refused:
   * one port, one session.
   */
  acquire(values: ModemPortSettings | Readonly<Record<string, unknown>>): ModemLease {
    if (this.closed) throw new InvalidRequestError('This modem hub was closed; create a new one.', { details: { gateway: 'modem' } });
    const settings = modemPortSettings(values);
    const existing = this.connections.get(settings.port);
    if (existing && !existing.closed) {
      checkSameSession(existing.settings, settings);
      return new ModemLease(existing);
    }
    const connection: ModemPortConnection = new ModemPortConnection({
      settings,
      clock: this.clock,
      driver: this.options.driver ?? {},
      binding: this.options.binding,
      lister: this.options.lister,
      openPort: this.options.openPort,
      sweepIntervalMs: this.options.sweepIntervalMs ?? 60_000,
      ussdMenuTimeoutMs: this.options.ussdMenuTimeoutMs ?? 120_000,
      onClosed: () => {
        if (this.connections.get(settings.port) === connection) this.connections.delete(settings.port);
      },
    });
    this.connections.set(settings.port, connection);
    return new ModemLease(connection);
  }

  /** The same as `lease.release()`. */
  release(lease: ModemLease): Promise<void> {
    return lease.release();
  }

  /** Ports with at least one user. */
  get ports(): string[] {
    return [...this.connections.keys()];
  }

  /** Users of `port` now (0 when it is not held). */
  users(port: string): number {
    return this.connections.get(port)?.userCount ?? 0;
  }

  /** How many times a driver was started on `port` since it was first acquired (0 when not held). */
  sessionsOpened(port: string): number {
    return this.connections.get(port)?.sessionsOpened ?? 0;
  }

  /** Closes every port; leases still held fail from now on. */
  async close(): Promise<void> {
    this.closed = true;
    const connections = [...this.connections.values()];
    this.connections.clear();
    await Promise.allSettled(connections.map((connection) => connection.close()));
  }
}

/** A second user must open the port the way the first did; which field differs is named, never its value. */
function checkSameSession(open: ModemPortSettings, asked: ModemPortSettings): void {
  const differs = open.baudRate !== asked.baudRate ? 'baudRate' : open.pin !== asked.pin ? 'pin' : undefined;
  if (differs === undefined) return;
  throw new InvalidRequestError(`The modem on ${open.port} is already open with another ${differs === 'pin' ? 'SIM PIN' : 'baud rate'}; every user of a port must use the same settings.`, {
    details: { gateway: 'modem', option: differs },
  });
}
