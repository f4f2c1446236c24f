import { InvalidRequestError } from '../../errors';
import type { DeliveryStatus } from '../../model';
import { parseRoutesmsDeliveryReport, type RoutesmsDeliveryReportOptions } from './routesms-delivery-report';
import { routesmsPushFields, type PushAnswer, type RoutesmsPushCall } from './routesms-push-call';

/** What one DLR push gave: the status (or why it could not be read) and the answer for the gateway. */
export interface RoutesmsDlrReceipt {
  answer: PushAnswer;
  status?: DeliveryStatus;
  error?: InvalidRequestError;
}

/**
 * Handles one delivery-report push from Route Mobile (a form POST; a GET with the same fields is
 * accepted too). The gateway only needs a 200; a push that is not a DLR gets a 400 and the error.
 */
export function receiveRoutesmsDlr(call: RoutesmsPushCall, options: RoutesmsDeliveryReportOptions = {}): RoutesmsDlrReceipt {
  try {
    const status = parseRoutesmsDeliveryReport(routesmsPushFields(call), options);
    return { status, answer: { status: 200, contentType: 'text/plain; charset=utf-8', body: 'OK' } };
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    return { error, answer: { status: 400, contentType: 'text/plain; charset=utf-8', body: error.message } };
  }
}
