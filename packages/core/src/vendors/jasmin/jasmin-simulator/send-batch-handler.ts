import { randomUUID } from 'node:crypto';
import { basicCredentials } from '../../../simulator/simulator-credentials';
import type { SimulatorReply, SimulatorRequest } from '../../../simulator/simulator-request';
import { canonicalJasminFields } from '../jasmin-parameter-names';
import { httpApiSend } from './http-api-send';
import { batchAuthenticationFailure, readJsonBody, restJson, stripQuotes } from './rest-replies';
import { scheduleCountdown } from './schedule-countdown';
import type { SimulatedJasminBatch } from './simulated-batch';
import type { JasminSimulatorState } from './simulator-state';

/** One message of a batch through the HTTP API, then its `callback_url` or `errback_url`. */
function batchSendout(state: JasminSimulatorState, batch: SimulatedJasminBatch, params: Record<string, unknown>): void {
  const answer = httpApiSend(state, params);
  const to = String(params.to);
  if (answer.status === 200 && batch.callbackUrl) {
    void state.pushes.send({ url: batch.callbackUrl, method: 'GET', query: { batchId: batch.batchId, to, status: 1, statusText: answer.body } });
  } else if (answer.status !== 200 && batch.errbackUrl) {
    const text = stripQuotes(answer.body);
    void state.pushes.send({ url: batch.errbackUrl, method: 'GET', query: { batchId: batch.batchId, to, status: 0, statusText: `HTTPAPI error: ${text}` } });
  }
}

/**
 * `POST /secure/sendbatch`: `globals` merged into every message, one sendout per destination,
 * started after `batch_config.schedule_at`, answered at once with the batch id.
 */
export function handleSendBatch(state: JasminSimulatorState, request: SimulatorRequest): SimulatorReply {
  const decoded = readJsonBody(request);
  if ('reply' in decoded) return decoded.reply;
  const account = basicCredentials(request)!;
  if (!state.knowsAccount(account)) return batchAuthenticationFailure(account.username);
  const params = decoded.params;
  const batchConfig = (params.batch_config && typeof params.batch_config === 'object' ? params.batch_config : {}) as Record<string, unknown>;
  const countdown = scheduleCountdown(batchConfig.schedule_at, state);
  if ('reply' in countdown) return countdown.reply;

  const batchId = randomUUID();
  const globals = (params.globals && typeof params.globals === 'object' ? params.globals : {}) as Record<string, unknown>;
  const sendouts: Record<string, unknown>[] = [];
  for (const item of Array.isArray(params.messages) ? params.messages : []) {
    if (!item || typeof item !== 'object') continue;
    const merged = canonicalJasminFields({ username: account.username, password: account.password, ...globals, ...(item as Record<string, unknown>) });
    // The real batch skips, and does not count, messages without a destination or a content.
    if (!('to' in merged) || (!('content' in merged) && !('hex-content' in merged))) continue;
    const destinations = Array.isArray(merged.to) ? merged.to : [merged.to];
    for (const to of destinations) sendouts.push({ ...merged, to });
  }
  const batch: SimulatedJasminBatch = {
    batchId,
    messageCount: sendouts.length,
    startsAt: state.now() + countdown.seconds * 1000,
    ...(typeof batchConfig.callback_url === 'string' ? { callbackUrl: batchConfig.callback_url } : {}),
    ...(typeof batchConfig.errback_url === 'string' ? { errbackUrl: batchConfig.errback_url } : {}),
  };
  state.batches.set(batchId, batch);
  for (const sendout of sendouts) state.after(countdown.seconds * 1000, () => batchSendout(state, batch, sendout));
  const data: Record<string, unknown> = { batchId, messageCount: sendouts.length };
  if (countdown.seconds > 0) data.scheduled = `${countdown.label}s`;
  return restJson(200, { data });
}
