import type { InvalidRequestError } from '../../errors';
import type { DeliveryStatus } from '../../model';
import { receivePush, type PushAnswer } from '../shared/push-answer';
import { pushCallFields, type PushCall } from '../shared/push-call';
import { parseRoutesmsDeliveryReport, type RoutesmsDeliveryReportOptions } from './routesms-delivery-report';

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
export function receiveRoutesmsDlr(call: PushCall, options: RoutesmsDeliveryReportOptions = {}): RoutesmsDlrReceipt {
  return receivePush(() => ({ status: parseRoutesmsDeliveryReport(pushCallFields(call), options) }));
}
