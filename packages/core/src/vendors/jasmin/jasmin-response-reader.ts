import { GatewayMalformedResponseError } from '../../errors';
import type { HttpResponse } from '../../transport/http-transport';
import { looksLikeHtml, previewBody } from '../shared/body-preview';
import { jasminErrorFor, type JasminReadContext as ReadContext } from './jasmin-errors';

const UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The `data` member of a 200 answer, or a malformed-response error (HTML, empty, truncated JSON). */
export function readJasminData(response: HttpResponse, context: ReadContext): unknown {
  if (response.status !== 200) throw jasminErrorFor(response, context);
  const json = parseJson(response.body);
  if (!json || typeof json !== 'object' || !('data' in json)) {
    const what = response.body.trim() === '' ? 'an empty body' : looksLikeHtml(response.body) ? 'an HTML page' : 'something that is not Jasmin JSON';
    throw new GatewayMalformedResponseError(`Jasmin answered ${context.operation} with ${what}: check that the base URL points at the Jasmin REST API`, {
      httpStatus: response.status,
      details: { gateway: 'jasmin', operation: context.operation, bodyPreview: previewBody(response.body, context.secrets, 120) },
    });
  }
  return (json as { data: unknown }).data;
}

function malformed(context: ReadContext, what: string): GatewayMalformedResponseError {
  return new GatewayMalformedResponseError(`Jasmin’s ${context.operation} answer has ${what}`, {
    details: { gateway: 'jasmin', operation: context.operation },
  });
}

/** `{"data": "Success \"<uuid>"}` → the uuid (the closing quote is missing on the real server). */
export function readJasminSendResult(response: HttpResponse, secrets: readonly string[] = [], now?: number): string {
  const context: ReadContext = { operation: 'send', secrets, ...(now === undefined ? {} : { now }) };
  const data = readJasminData(response, context);
  const match = typeof data === 'string' && /^\s*Success\b/i.test(data) ? UUID_PATTERN.exec(data) : null;
  if (!match) throw malformed(context, 'no message id');
  return match[0].toLowerCase();
}

export interface JasminBatchAccepted {
  batchId: string;
  messageCount: number;
  /** `"<seconds>s"` when the batch was scheduled. */
  scheduled?: string;
}

export function readJasminBatchResult(response: HttpResponse, secrets: readonly string[] = [], now?: number): JasminBatchAccepted {
  const context: ReadContext = { operation: 'sendbatch', secrets, ...(now === undefined ? {} : { now }) };
  const data = readJasminData(response, context) as Record<string, unknown> | null;
  const batchId = data && typeof data === 'object' ? data.batchId : undefined;
  const count = data && typeof data === 'object' ? Number(data.messageCount) : NaN;
  if (typeof batchId !== 'string' || batchId === '' || !Number.isFinite(count)) throw malformed(context, 'no batchId or messageCount');
  return { batchId, messageCount: count, ...(typeof data!.scheduled === 'string' ? { scheduled: data!.scheduled } : {}) };
}

export interface JasminBalance {
  /** Money balance; undefined when Jasmin says `ND` (not defined: unlimited). */
  balance?: number;
  /** SMS quota; undefined when `ND`. */
  smsCount?: number;
  raw: Record<string, unknown>;
}

/** Numbers or numeric strings; `ND` (not defined) and anything else → undefined. */
function quantity(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function readJasminBalance(response: HttpResponse, secrets: readonly string[] = [], now?: number): JasminBalance {
  const context: ReadContext = { operation: 'balance', secrets, ...(now === undefined ? {} : { now }) };
  const data = readJasminData(response, context);
  if (!data || typeof data !== 'object' || !('balance' in data)) throw malformed(context, 'no balance');
  const record = data as Record<string, unknown>;
  const balance = quantity(record.balance);
  const smsCount = quantity(record.sms_count);
  return { ...(balance === undefined ? {} : { balance }), ...(smsCount === undefined ? {} : { smsCount }), raw: { ...record } };
}

export interface JasminRate {
  /** How many SMS parts the text needs. */
  submitSmCount: number;
  unitRate: number;
  raw: Record<string, unknown>;
}

export function readJasminRate(response: HttpResponse, secrets: readonly string[] = [], now?: number): JasminRate {
  const context: ReadContext = { operation: 'rate', secrets, ...(now === undefined ? {} : { now }) };
  const data = readJasminData(response, context);
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const submitSmCount = quantity(record.submit_sm_count);
  const unitRate = quantity(record.unit_rate);
  if (submitSmCount === undefined || unitRate === undefined) throw malformed(context, 'no submit_sm_count or unit_rate');
  return { submitSmCount, unitRate, raw: { ...record } };
}

/** `GET /ping` → the text Jasmin's HTTP API answered (`Jasmin/PONG`). */
export function readJasminPing(response: HttpResponse, secrets: readonly string[] = [], now?: number): string {
  const context: ReadContext = { operation: 'ping', secrets, ...(now === undefined ? {} : { now }) };
  const data = readJasminData(response, context);
  if (typeof data !== 'string') throw malformed(context, 'no PONG');
  return data;
}
