import { GatewayMalformedResponseError } from '../../errors';
import type { HttpResponse } from '../../transport/http-transport';
import { previewBody } from '../shared/body-preview';
import { expectHttpOk } from '../shared/http-status-check';
import { parseJsonBody } from '../shared/json-body';
import { spangwEnvelopeError } from './spangw-errors';

/**
 * Every answer is `{uri, code, msg, data}`. Which `code` means success is not documented; 0 and
 * 200 are both seen, so the accepted values are configurable.
 */
export interface SpangwEnvelope {
  uri: string;
  code: number;
  msg: string;
  data: unknown;
}

export const SPANGW_DEFAULT_SUCCESS_CODES: readonly number[] = [0, 200];

/** The envelope in a parsed JSON body, or undefined when the body is no envelope (then it is malformed). */
export function toSpangwEnvelope(body: unknown): SpangwEnvelope | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const code = typeof record.code === 'string' && /^-?\d+$/.test(record.code.trim()) ? Number(record.code) : record.code;
  if (typeof code !== 'number' || !Number.isFinite(code)) return undefined;
  return {
    uri: typeof record.uri === 'string' ? record.uri : '',
    code,
    msg: typeof record.msg === 'string' ? record.msg : record.msg === undefined || record.msg === null ? '' : String(record.msg),
    data: record.data,
  };
}

export interface SpangwEnvelopeReadOptions {
  /** The URI that was called, for messages. */
  uri: string;
  successCodes: readonly number[];
  idempotent: boolean;
  secrets: readonly string[];
}

/** HTTP status, JSON, envelope shape and `code`, in that order; returns the envelope of a success. */
export function readSpangwEnvelope(response: HttpResponse, options: SpangwEnvelopeReadOptions): SpangwEnvelope {
  const common = { gateway: 'spangw', idempotent: options.idempotent, secrets: options.secrets };
  expectHttpOk(response, common);
  const body = parseJsonBody(response, 'spangw', common);
  const envelope = toSpangwEnvelope(body);
  if (!envelope) {
    throw new GatewayMalformedResponseError(
      `spangw answered ${options.uri} with JSON that is not its {uri, code, msg, data} envelope: check that the URL points at the gateway's API.`,
      { retryable: options.idempotent, details: { gateway: 'spangw', uri: options.uri, body: previewBody(response.body, options.secrets) } },
    );
  }
  if (!options.successCodes.includes(envelope.code)) throw spangwEnvelopeError(envelope, options.uri);
  return envelope;
}
