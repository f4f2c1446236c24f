import { InvalidRequestError } from '../../errors';
import type { DeliveryStatus, InboundMessage, UssdExchange } from '../../model';
import { receivePush, type PushAnswer, type PushAnswers } from '../shared/push-answer';
import { parseDinstarDeliverStatuses } from './dinstar-deliver-status';
import { parseDinstarIncomingSms } from './dinstar-incoming-sms';
import { optionalInteger, parseDinstarSmsResults } from './dinstar-sms-result';
import { dinstarDeliverStatusToModel, dinstarInboundToModel, dinstarResultToModel } from './dinstar-to-model';
import { parseDinstarUssdReplies } from './dinstar-ussd';

/** A SIM registering or dropping off; the gateway writes `"<NULL>"` for what it does not know. */
export interface DinstarRegistrationEvent {
  port: number;
  iccid?: string;
  imsi?: string;
  raw: Record<string, unknown>;
}

/** Everything one push carried, translated to the model where the model has a type for it. */
export interface DinstarPushBatch {
  /** Device serial, `xxxx-xxxx-xxxx-xxxx`. */
  sn?: string;
  inbound: InboundMessage[];
  /** Send results (`sms_result`) then delivery reports (`sms_deliver_status`). */
  statuses: DeliveryStatus[];
  ussd: UssdExchange[];
  registrations: DinstarRegistrationEvent[];
  /** Call detail records, as sent. */
  callRecords: Record<string, unknown>[];
  device?: Record<string, unknown>;
  exceptionInfo?: Record<string, unknown>;
}

export interface DinstarPushReceiverOptions {
  /** The gateway's clock, minutes east of UTC. Default 0. */
  gatewayUtcOffsetMinutes?: number;
}

/** `"<NULL>"` and empty strings mean "not known". */
function known(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  return text === '' || text.toUpperCase() === '<NULL>' ? undefined : text;
}

function objectOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Reads one push (firmware 1.0+: a JSON object with `sn` and any of `sms`, `sms_result`,
 * `sms_deliver_status`, `ussd`, `register`, `cdr`, `device`, `exception_info`). Unknown keys are
 * ignored so newer firmware does not break the receiver.
 */
export function parseDinstarPush(body: string | Record<string, unknown>, options: DinstarPushReceiverOptions = {}): DinstarPushBatch {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body.replace(/^\uFEFF/, ''));
    } catch {
      throw new InvalidRequestError('The dinstar push is not JSON: point only the gateway\'s push (API "Push" URL) at this receiver.');
    }
  }
  const record = objectOrUndefined(parsed);
  if (!record) throw new InvalidRequestError('The dinstar push is not a JSON object.');
  const offset = options.gatewayUtcOffsetMinutes ?? 0;
  const batch: DinstarPushBatch = {
    inbound: parseDinstarIncomingSms(record.sms).map((sms) => dinstarInboundToModel(sms, offset)),
    statuses: [
      ...parseDinstarSmsResults(record.sms_result).map((result) => dinstarResultToModel(result, offset)),
      ...parseDinstarDeliverStatuses(record.sms_deliver_status).map((report) => dinstarDeliverStatusToModel(report, offset)),
    ],
    ussd: parseDinstarUssdReplies(record.ussd).map((reply) => ({
      code: '',
      ...(reply.hasReply ? { reply: reply.text } : {}),
      awaitingInput: false,
      state: reply.hasReply ? 'replied' : 'pending',
      port: reply.port,
      gateway: 'dinstar',
    })),
    registrations: (Array.isArray(record.register) ? record.register : []).flatMap((item): DinstarRegistrationEvent[] => {
      const raw = objectOrUndefined(item);
      const port = optionalInteger(raw?.port);
      if (!raw || port === undefined) return [];
      const iccid = known(raw.iccid);
      const imsi = known(raw.imsi);
      return [{ port, ...(iccid ? { iccid } : {}), ...(imsi ? { imsi } : {}), raw }];
    }),
    callRecords: (Array.isArray(record.cdr) ? record.cdr : []).map(objectOrUndefined).filter((item): item is Record<string, unknown> => item !== undefined),
  };
  if (typeof record.sn === 'string') batch.sn = record.sn;
  const device = objectOrUndefined(record.device);
  const exceptionInfo = objectOrUndefined(record.exception_info);
  if (device) batch.device = device;
  if (exceptionInfo) batch.exceptionInfo = exceptionInfo;
  return batch;
}

const DINSTAR_PUSH_ANSWERS: PushAnswers = {
  accepted: { status: 200, contentType: 'application/json', body: '{"error_code":200}' },
  refused: (error) => ({ status: 400, contentType: 'application/json', body: JSON.stringify({ error_code: 400, message: error.message }) }),
};

/** What one push gave: the batch (or why it could not be read) and the answer for the gateway. */
export interface DinstarPushReceipt {
  answer: PushAnswer;
  batch?: DinstarPushBatch;
  error?: InvalidRequestError;
}

/** Handles one push: 200 with `{"error_code":200}` (the API's own success shape) or 400 with the reason. */
export function receiveDinstarPush(body: string | Record<string, unknown>, options: DinstarPushReceiverOptions = {}): DinstarPushReceipt {
  return receivePush(() => ({ batch: parseDinstarPush(body, options) }), DINSTAR_PUSH_ANSWERS);
}
