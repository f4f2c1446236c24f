import { InvalidRequestError, SmsBridgeError, redactSecrets } from '@smsbridge/core';
import { NodeApiError, NodeOperationError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

/**
 * The one error boundary of every smsbridge node: the core's typed errors become n8n's.
 * - bad input or configuration (`InvalidRequestError`) → NodeOperationError with the item index;
 * - a gateway or modem failure → NodeApiError keeping the core's code, the vendor's code and text,
 *   the HTTP status and whether a retry is safe;
 * - anything else is a bug of ours, reported as NodeOperationError without its stack in the text.
 * The core never puts a secret in a message or its details (its readers describe, never repeat,
 * values); messages still go through the core's redactor as a second line of defence.
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  const at = itemIndex === undefined ? {} : { itemIndex };
  if (error instanceof InvalidRequestError) {
    return new NodeOperationError(node, safeMessage(error), { ...at, description: describe(error) });
  }
  if (error instanceof SmsBridgeError) {
    return new NodeApiError(node, error.toJSON() as unknown as JsonObject, {
      ...at,
      message: safeMessage(error),
      description: describe(error),
      ...(error.httpStatus !== undefined ? { httpCode: String(error.httpStatus) } : {}),
    });
  }
  return new NodeOperationError(node, safeMessage(error), at);
}

/** The JSON of a failed item under continueOnFail: what failed and why, never a secret. */
export function errorItemJson(error: unknown): IDataObject {
  const json: IDataObject = { error: safeMessage(error) };
  const cause = error instanceof NodeApiError || error instanceof NodeOperationError ? error.cause : error;
  if (cause instanceof SmsBridgeError) {
    json.code = cause.code;
    json.retryable = cause.retryable;
    if (cause.outcome !== undefined) json.outcome = cause.outcome;
    if (cause.vendorCode !== undefined) json.vendorCode = cause.vendorCode;
    if (cause.httpStatus !== undefined) json.httpStatus = cause.httpStatus;
  }
  return json;
}

export function safeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redactSecrets(message);
}

function describe(error: SmsBridgeError): string {
  const facts = [`code ${error.code}`];
  if (error.vendorCode !== undefined) facts.push(`vendor code ${String(error.vendorCode)}`);
  if (error.httpStatus !== undefined) facts.push(`HTTP ${error.httpStatus}`);
  if (error.outcome !== undefined) facts.push(outcomeText(error.outcome));
  facts.push(error.retryable ? 'safe to retry' : 'not retried automatically');
  return facts.join('; ');
}

function outcomeText(outcome: NonNullable<SmsBridgeError['outcome']>): string {
  return outcome === 'not-sent' ? 'nothing reached the gateway' : outcome === 'maybe-sent' ? 'the gateway may have acted: not repeated' : 'the gateway refused it';
}
