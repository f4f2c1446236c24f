import { GatewayMalformedResponseError } from '../../errors';
import type { HttpResponse } from '../../transport/http-transport';
import { previewBody } from '../shared/body-preview';
import { expectHttpOk } from '../shared/http-status-check';
import { parseJsonBody } from '../shared/json-body';
import { dinstarErrorForCode } from './dinstar-error-code';
import { optionalInteger } from './dinstar-sms-result';

/** A parsed answer: its `error_code`, the device serial `sn` (newer firmware) and every other key. */
export interface DinstarAnswer {
  errorCode: number;
  sn?: string;
  body: Record<string, unknown>;
}

export interface DinstarAnswerReadOptions {
  operation: string;
  /** `error_code` values that mean success here (200, or 202 for accepted work). */
  successCodes: readonly number[];
  idempotent: boolean;
  secrets: readonly string[];
}

/** HTTP status, then JSON, then `error_code` (errors come with HTTP 200). */
export function readDinstarAnswer(response: HttpResponse, options: DinstarAnswerReadOptions): DinstarAnswer {
  const common = { gateway: 'dinstar', idempotent: options.idempotent, secrets: options.secrets };
  expectHttpOk(response, common);
  const parsed = parseJsonBody(response, 'dinstar', common);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new GatewayMalformedResponseError(`dinstar answered ${options.operation} with JSON that is not an object: check that the URL points at the gateway's API.`, {
      retryable: options.idempotent,
      details: { gateway: 'dinstar', operation: options.operation, body: previewBody(response.body, options.secrets) },
    });
  }
  const body = parsed as Record<string, unknown>;
  // The OCR'd seed spells it `error code`; the real key is `error_code`, the other read tolerantly.
  const errorCode = optionalInteger(body.error_code ?? body['error code']);
  const sn = typeof body.sn === 'string' ? body.sn : undefined;
  if (errorCode === undefined) {
    throw new GatewayMalformedResponseError(`dinstar answered ${options.operation} without an error_code: check that the gateway's "New Version API" is enabled.`, {
      retryable: options.idempotent,
      details: { gateway: 'dinstar', operation: options.operation, body: previewBody(response.body, options.secrets) },
    });
  }
  if (!options.successCodes.includes(errorCode)) throw dinstarErrorForCode(errorCode, options.operation, sn);
  return sn === undefined ? { errorCode, body } : { errorCode, sn, body };
}
