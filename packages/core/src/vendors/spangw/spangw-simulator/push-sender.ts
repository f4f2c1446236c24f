import type { PushCallbackSender } from '../../../simulator/push-callback-sender';
import type { SimulatedInbound, SimulatedMessage } from '../../../simulator/simulated-network';
import { formatGatewayLocalTime } from '../../shared/gateway-local-time';
import type { SpangwPushConfig } from '../spangw-push-config';
import type { SimulatedSpan } from './simulated-span';
import { STATUS_ON_WIRE, type SpangwSimulatorState } from './simulator-state';

/**
 * The box's push: a GET to the configured URL with the configured parameter names, for send
 * results (`results_enable`), delivery reports (`reports_enable`) and received SMS.
 */
export class SpangwPushSender {
  constructor(
    private readonly state: SpangwSimulatorState,
    private readonly pushes: PushCallbackSender,
  ) {}

  status(message: SimulatedMessage): void {
    const status = STATUS_ON_WIRE[message.state];
    if (!status) return;
    const config = this.state.pushConfig;
    const isReport = message.state === 'delivered' || (message.state !== 'sent' && message.sentAt !== undefined);
    if (isReport ? !config.reportsEnabled : !config.resultsEnabled) return;
    const span = this.spanOf(message.channel);
    this.send([
      ['fromNumber', span?.simNumber ?? ''],
      ['toNumber', message.to],
      ['portName', message.channel ?? ''],
      ['message', message.text],
      ['time', formatGatewayLocalTime(message.sentAt ?? message.doneAt ?? message.submittedAt, this.state.utcOffsetMinutes)],
      ['imsi', span?.imsi ?? ''],
      ['status', status],
    ]);
  }

  inbound(inbound: SimulatedInbound): void {
    const span = this.spanOf(inbound.channel);
    this.send([
      ['fromNumber', inbound.from],
      ['toNumber', inbound.to ?? span?.simNumber ?? ''],
      ['portName', inbound.channel ?? ''],
      ['message', inbound.text],
      ['time', formatGatewayLocalTime(inbound.receivedAt, this.state.utcOffsetMinutes)],
      ['imsi', span?.imsi ?? ''],
    ]);
  }

  private url(): string | undefined {
    const config = this.state.pushConfig;
    if (!config.enabled || !config.host) return undefined;
    const path = config.path.startsWith('/') ? config.path : `/${config.path}`;
    return `${config.scheme || 'http'}://${config.host}${config.port ? `:${config.port}` : ''}${path}`;
  }

  private send(values: Array<[keyof SpangwPushConfig['names'], string]>): void {
    const base = this.url();
    if (!base) return;
    const config = this.state.pushConfig;
    const query = new URLSearchParams();
    for (const [key, value] of values) {
      const name = config.names[key];
      if (name) query.append(name, value);
    }
    const extra = config.userDefined.replace(/^[?&]+/, '');
    const url = `${base}${base.includes('?') ? '&' : '?'}${query.toString()}${extra ? `&${extra}` : ''}`;
    void this.pushes.send({ url, method: 'GET' });
  }

  private spanOf(channel: string | undefined): SimulatedSpan | undefined {
    return this.state.spans.find((span) => span.portName === channel);
  }
}
