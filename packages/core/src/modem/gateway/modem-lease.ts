import { InvalidRequestError } from '../../errors/gateway-errors';
import type { DeliveryStatus } from '../../model/delivery-status';
import type { InboundMessage } from '../../model/inbound-message';
import type { SendRequest } from '../../model/send-request';
import type { SendResult } from '../../model/send-result';
import type { UssdExchange } from '../../model/ussd-exchange';
import type { ModemDeviceInfo, ModemNetworkStatus } from '../device/device-info';
import type { GsmModem } from '../gsm-modem';
import type { GsmModemState } from '../gsm-modem-events';
import type { FanOutHandler, InboundHandler } from './inbound-fan-out';
import { modemGatewayError } from './modem-gateway-error';
import type { ModemPortConnection } from './modem-port-connection';

/**
 * One user's share of a port a {@link ModemHub} holds open: the driver's operations (each waits
 * for the port to be up; failures come as gateway errors), the user's own inbound and report
 * subscriptions, and `release()`, after which the hub closes the port if nobody else uses it.
 * The driver itself stays with the hub, so no user can close it under the others.
 */
export class ModemLease {
  private readonly unsubscribes = new Set<() => void>();
  private releasedState = false;

  constructor(private readonly connection: ModemPortConnection) {
    connection.join(this);
  }

  get port(): string {
    return this.connection.settings.port;
  }

  get released(): boolean {
    return this.releasedState;
  }

  /** The driver's connection and health, undefined while the port is not open. */
  get state(): GsmModemState | undefined {
    return this.connection.state;
  }

  /** Opens the port if needed and resolves once the modem is up (PIN entered, ready to send). */
  async open(): Promise<void> {
    await this.use(async () => undefined);
  }

  send(request: SendRequest): Promise<SendResult[]> {
    return this.use((modem) => modem.send(request));
  }

  /** Messages stored on the SIM (complete ones and parts still waiting for the rest); nothing is deleted. */
  inbox(): Promise<InboundMessage[]> {
    return this.use((modem) => modem.inbox());
  }

  /** Deletes these stored messages, when the SIM still holds exactly them; resolves to how many. */
  deleteStored(messages: readonly InboundMessage[]): Promise<number> {
    return this.use((modem) => modem.deleteStored(messages));
  }

  /** Status reports stored on the SIM (read memory and "SR"), each naming its slot in `raw.source`; nothing is deleted. */
  storedReports(): Promise<DeliveryStatus[]> {
    return this.use((modem) => modem.storedReports());
  }

  /** Deletes these stored reports, when the SIM still holds exactly them; resolves to how many. */
  deleteStoredReports(reports: readonly DeliveryStatus[]): Promise<number> {
    return this.use((modem) => modem.deleteStoredReports(reports));
  }

  info(): Promise<ModemDeviceInfo> {
    return this.use((modem) => modem.info());
  }

  networkStatus(): Promise<ModemNetworkStatus> {
    return this.use((modem) => modem.networkStatus());
  }

  /** Resets the modem (`AT+CFUN=1,1`) for every user of the port; the driver sets the session up again. */
  restart(): Promise<void> {
    return this.use((modem) => modem.restart());
  }

  ussd(code: string): Promise<UssdExchange> {
    return this.mapped(() => this.connection.ussd(this, code));
  }

  ussdContinue(answer: string): Promise<UssdExchange> {
    return this.mapped(() => this.connection.ussdContinue(this, answer));
  }

  ussdCancel(): Promise<void> {
    return this.mapped(() => this.connection.ussdCancel(this));
  }

  /**
   * Every inbound SMS of the port, for as long as the lease is held. The message is deleted from
   * the SIM only after the handlers of every subscribed user resolved; when this one rejects, the
   * message stays and is offered to it again on the next sweep. Opens the port if needed.
   */
  onInbound(handler: InboundHandler): () => void {
    return this.keep(() => this.connection.onInbound(handler));
  }

  /**
   * Every status report of the port, like `onInbound`: a stored report leaves the SIM only after
   * the handlers of every subscribed user resolved; when this one rejects, it stays and is offered
   * to it again on the next sweep. Opens the port if needed.
   */
  onStatusReport(handler: FanOutHandler<DeliveryStatus>): () => void {
    return this.keep(() => this.connection.onStatusReport(handler));
  }

  /** Failures outside any call: a handler that failed, a port that could not be reopened. */
  onError(handler: (error: unknown) => void): () => void {
    return this.keep(() => this.connection.onError(handler));
  }

  /** Ends this user's share: its subscriptions stop, and the port closes when it was the last user. */
  async release(): Promise<void> {
    if (this.releasedState) return;
    this.releasedState = true;
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes.clear();
    await this.connection.leave(this);
  }

  private keep(subscribe: () => () => void): () => void {
    this.checkHeld();
    const unsubscribe = subscribe();
    const once = (): void => {
      if (!this.unsubscribes.delete(once)) return;
      unsubscribe();
    };
    this.unsubscribes.add(once);
    return once;
  }

  private use<T>(operation: (modem: GsmModem) => Promise<T>): Promise<T> {
    return this.mapped(async () => operation(await this.connection.ready()));
  }

  private async mapped<T>(operation: () => Promise<T>): Promise<T> {
    this.checkHeld();
    try {
      return await operation();
    } catch (error) {
      throw modemGatewayError(error, this.port);
    }
  }

  private checkHeld(): void {
    if (this.releasedState) {
      throw new InvalidRequestError(`This client of the modem on ${this.port} was closed; open a new one.`, { details: { gateway: 'modem' } });
    }
  }
}
