import type { InvalidRequestError } from '../../errors';
import type { DeliveryStatus } from '../../model';
import { PLAIN_TEXT_PUSH_ANSWERS, receivePush, type PushAnswer } from '../shared/push-answer';
import { pushCallFields, type PushCall } from '../shared/push-call';
import { parseJasminBatchCallback, type JasminBatchEvent } from './jasmin-batch-callback';
import { JASMIN_DLR_ACK, parseJasminDeliveryReport } from './jasmin-delivery-report';

export interface JasminDlrReceipt {
  answer: PushAnswer;
  status?: DeliveryStatus;
  error?: InvalidRequestError;
}

export interface JasminBatchCallbackReceipt {
  answer: PushAnswer;
  event?: JasminBatchEvent;
  error?: InvalidRequestError;
}

/**
 * Handles one DLR push (form POST or GET). Jasmin pushes again (3 times, 30 s apart) unless it
 * gets 200 with exactly `ACK/Jasmin`, so a report we could read is always acknowledged that way
 * and one we could not read is not (400).
 */
export function receiveJasminDlr(call: PushCall): JasminDlrReceipt {
  return receivePush(() => ({ status: parseJasminDeliveryReport(pushCallFields(call)) }), {
    ...PLAIN_TEXT_PUSH_ANSWERS,
    accepted: { status: 200, contentType: 'text/plain', body: JASMIN_DLR_ACK },
  });
}

/** Handles one batch callback or errback (GET `batchId, to, status, statusText`); Jasmin ignores the answer. */
export function receiveJasminBatchCallback(call: PushCall): JasminBatchCallbackReceipt {
  return receivePush(() => ({ event: parseJasminBatchCallback(pushCallFields(call)) }));
}
