import { InvalidRequestError } from '../../errors';
import type { DeliveryStatus } from '../../model';
import { parseJasminBatchCallback, type JasminBatchEvent } from './jasmin-batch-callback';
import { JASMIN_DLR_ACK, parseJasminDeliveryReport } from './jasmin-delivery-report';
import { jasminPushFields, type JasminPushCall, type PushAnswer } from './jasmin-push-call';

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
export function receiveJasminDlr(call: JasminPushCall): JasminDlrReceipt {
  try {
    const status = parseJasminDeliveryReport(jasminPushFields(call));
    return { status, answer: { status: 200, contentType: 'text/plain', body: JASMIN_DLR_ACK } };
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    return { error, answer: { status: 400, contentType: 'text/plain; charset=utf-8', body: error.message } };
  }
}

/** Handles one batch callback or errback (GET `batchId, to, status, statusText`); Jasmin ignores the answer. */
export function receiveJasminBatchCallback(call: JasminPushCall): JasminBatchCallbackReceipt {
  try {
    const event = parseJasminBatchCallback(jasminPushFields(call));
    return { event, answer: { status: 200, contentType: 'text/plain; charset=utf-8', body: 'OK' } };
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    return { error, answer: { status: 400, contentType: 'text/plain; charset=utf-8', body: error.message } };
  }
}
