import type { SimulatedMessage } from '../../../simulator/simulated-network';
import { JASMIN_DLR_ACK } from '../jasmin-delivery-report';
import type { DlrRequest } from './dlr-request';
import type { JasminSimulatorState } from './simulator-state';

/** The options of the simulator that shape its DLRs. */
export interface JasminDlrOptions {
  /** Name of the SMPP connector shown in DLRs (default `smppc1`). */
  connector?: string;
  /** Pause between DLR retries (default 30 000 ms, Jasmin's `retry_delay`). */
  dlrRetryDelayMs?: number;
  /** Retries after the first DLR attempt (default 3, Jasmin's `max_retries`). */
  dlrMaxRetries?: number;
}

/** One DLR attempt of a message; `attempt` counts from 1. */
export interface JasminDlrAttempt {
  id: string;
  level: number;
  attempt: number;
  acknowledged: boolean;
}

/** Final simulated states → level 2/3 `message_status`. */
const RECEIPT_STATUS: Partial<Record<SimulatedMessage['state'], string>> = {
  delivered: 'DELIVRD',
  failed: 'UNDELIV',
  expired: 'EXPIRED',
};

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function smppDate(ms: number): string {
  const date = new Date(ms);
  return `${pad2(date.getUTCFullYear() % 100)}${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}${pad2(date.getUTCHours())}${pad2(date.getUTCMinutes())}${pad2(date.getUTCSeconds())}`;
}

/**
 * DLRs pushed to the `dlr-url` of a send at the level it asked for, as the message moves through
 * the network, retried until the receiver answers `ACK/Jasmin`.
 */
export class JasminDlrThrower {
  constructor(
    private readonly state: JasminSimulatorState,
    private readonly attempts: JasminDlrAttempt[],
    private readonly options: JasminDlrOptions,
  ) {}

  status(message: SimulatedMessage): void {
    const dlr = message.meta['dlr'] as DlrRequest | undefined;
    if (!dlr) return;
    const connector = this.options.connector ?? 'smppc1';
    const refusedAtSubmit = message.state === 'failed' && message.sentAt === undefined;
    if ((dlr.level === 1 || dlr.level === 3) && (message.state === 'sent' || refusedAtSubmit)) {
      const status = refusedAtSubmit ? 'ESME_RSUBMITFAIL' : 'ESME_ROK';
      this.throwDlr(message.id, dlr, { id: message.id, message_status: status, level: 1, connector });
    }
    const receipt = RECEIPT_STATUS[message.state];
    if ((dlr.level === 2 || dlr.level === 3) && receipt && !refusedAtSubmit) {
      this.throwDlr(message.id, dlr, {
        id: message.id,
        message_status: receipt,
        level: dlr.level,
        connector,
        id_smsc: message.id.replace(/-/g, '').slice(0, 16),
        sub: '001',
        dlvrd: message.state === 'delivered' ? '001' : '000',
        subdate: smppDate(message.submittedAt),
        donedate: smppDate(message.doneAt ?? this.state.now()),
        err: message.state === 'delivered' ? '000' : message.state === 'expired' ? '002' : '001',
        text: message.text.slice(0, 20),
      });
    }
  }

  /** One DLR, retried until acknowledged; a 404 stops the retries as it does on Jasmin. */
  private throwDlr(id: string, dlr: DlrRequest, fields: Record<string, string | number>, attempt = 1): void {
    const form = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)]));
    const call =
      dlr.method === 'GET'
        ? this.state.pushes.send({ url: dlr.url, method: 'GET', query: form })
        : this.state.pushes.send({ url: dlr.url, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    void call.then((delivery) => {
      const acknowledged = delivery.status === 200 && (delivery.answer ?? '').trim() === JASMIN_DLR_ACK;
      this.attempts.push({ id, level: Number(fields.level), attempt, acknowledged });
      if (acknowledged || delivery.status === 404) return;
      if (attempt <= (this.options.dlrMaxRetries ?? 3)) {
        this.state.after(this.options.dlrRetryDelayMs ?? 30_000, () => this.throwDlr(id, dlr, fields, attempt + 1));
      }
    });
  }
}
