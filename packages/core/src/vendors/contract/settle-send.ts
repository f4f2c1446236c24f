import { GatewayAuthError } from '../../errors/gateway-errors';
import { SmsBridgeError } from '../../errors/smsbridge-error';
import type { SendResult } from '../../model/send-result';
import { failedSendFields, sendOutcomeOf } from '../shared/failed-send-result';

/** What every result of one send shares (computed once from the text plan). */
export type SendResultBase = Pick<SendResult, 'parts' | 'encoding' | 'gateway'>;

export interface SettleSendOptions<B> {
  /** The requests the send is made of, in order, each with the recipients it carries. */
  batches: readonly B[];
  recipientsOf(batch: B): readonly string[];
  /** Sends one batch; resolves with a result per recipient, or throws a typed error for the whole batch. */
  send(batch: B): Promise<SendResult[]>;
  base: SendResultBase;
}

/**
 * The one send-outcome rule, for every vendor and the modem. A send throws only when nothing
 * reached the gateway for any recipient: the first request failed with outcome `not-sent`
 * (refused connection, throttled, invalid input) or was `refused` as a whole (auth, a vendor code
 * about the request). Once anything may have gone out, every recipient gets a result: a failed
 * batch's recipients become `unknown` (`maybe-sent`, never repeated) or `failed` (`refused`), and
 * after a `not-sent` or auth failure the remaining batches are not tried ("Not sent: …"), so a
 * caller never loses the ids of what did go out.
 */
export async function settleSend<B>(options: SettleSendOptions<B>): Promise<SendResult[]> {
  const results: SendResult[] = [];
  let reached = false;
  let stoppedBy: SmsBridgeError | undefined;
  for (const batch of options.batches) {
    const recipients = options.recipientsOf(batch);
    if (stoppedBy) {
      for (const to of recipients) {
        results.push({ ...options.base, to, accepted: false, state: 'failed', errorCode: stoppedBy.code, errorMessage: `Not sent: ${stoppedBy.message}` });
      }
      continue;
    }
    try {
      results.push(...(await options.send(batch)));
      reached = true;
    } catch (error) {
      if (!(error instanceof SmsBridgeError)) throw error;
      const outcome = sendOutcomeOf(error);
      if (!reached && outcome !== 'maybe-sent') throw error;
      for (const to of recipients) results.push({ ...options.base, to, ...failedSendFields(error), raw: { error: error.toJSON() } });
      if (outcome === 'not-sent' || error instanceof GatewayAuthError) stoppedBy = error;
      else reached = true;
    }
  }
  return results;
}
