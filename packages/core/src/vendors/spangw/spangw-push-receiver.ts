import { InvalidRequestError } from '../../errors';
import type { DeliveryStatus, InboundMessage } from '../../model';
import { spangwDeliveryState } from './spangw-delivery-state';
import { parseGatewayLocalTime, gatewayLocalTimeToIso } from '../shared/gateway-local-time';
import { receivePush, type PushAnswer } from '../shared/push-answer';
import { readPushText, type PushCall } from '../shared/push-call';
import { formatSpangwMessageReference, spangwTextHash } from './spangw-message-reference';
import { SPANGW_DEFAULT_PUSH_NAMES, type SpangwPushParameterNames } from './spangw-push-config';

export interface SpangwPushReceiverOptions {
  /** The names configured with `set_config` (`url_from_num` …); missing ones fall back to the defaults. */
  names?: Partial<SpangwPushParameterNames>;
  gatewayUtcOffsetMinutes?: number;
}

/** A send result or delivery report (a `status` was pushed), or a received SMS (no status). */
export type SpangwPushEvent = { kind: 'status'; status: DeliveryStatus } | { kind: 'inbound'; message: InboundMessage };

// Not pushCallFields: names are folded as they arrive, so a body field wins over a query field spelt in another case.
function collect(target: Map<string, string>, source: PushCall['query'] | PushCall['body'], contentType = ''): void {
  if (source === undefined) return;
  if (typeof source === 'string') {
    const read = readPushText(
      source,
      contentType,
      () => new InvalidRequestError('The spangw push body looks like JSON but cannot be parsed; check what the gateway sends to this URL.'),
    );
    if (read && 'json' in read) collect(target, read.json as Record<string, unknown>);
    else if (read) for (const [name, value] of read.form) target.set(name.toLowerCase(), value);
    return;
  }
  if (source instanceof URLSearchParams) {
    for (const [name, value] of source) target.set(name.toLowerCase(), value);
    return;
  }
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value === null) continue;
    target.set(name.toLowerCase(), Array.isArray(value) ? String(value[0] ?? '') : String(value));
  }
}

/**
 * Reads one push from the gateway using the parameter names the user configured on it (the
 * gateway lets every name be chosen, so no name is fixed here). Query and body are merged; names
 * are matched without regard to case.
 */
export function parseSpangwPush(call: PushCall, options: SpangwPushReceiverOptions = {}): SpangwPushEvent {
  const names: SpangwPushParameterNames = { ...SPANGW_DEFAULT_PUSH_NAMES };
  for (const [key, value] of Object.entries(options.names ?? {})) {
    if (value) names[key as keyof SpangwPushParameterNames] = value;
  }
  const values = new Map<string, string>();
  collect(values, call.query);
  collect(values, call.body, call.contentType);
  const readName = (name: string): string | undefined => {
    const value = values.get(name.toLowerCase());
    return value === undefined || value === '' ? undefined : value;
  };
  // The configured name first; the default one too, for a gateway set up before the receiver was told.
  const read = (key: keyof SpangwPushParameterNames): string | undefined => readName(names[key]) ?? readName(SPANGW_DEFAULT_PUSH_NAMES[key]);
  const offset = options.gatewayUtcOffsetMinutes ?? 0;
  const from = read('fromNumber');
  const to = read('toNumber');
  const portName = read('portName');
  const message = read('message');
  const time = read('time');
  const status = read('status');
  const raw = Object.fromEntries(values);
  const at = gatewayLocalTimeToIso(time, offset);

  if (status !== undefined) {
    if (!to) {
      throw new InvalidRequestError(
        `The spangw push has a status but no "${names.toNumber}" parameter: set the receiver's parameter names to the ones configured on the gateway (url_to_num).`,
      );
    }
    const sentAt = parseGatewayLocalTime(time, offset);
    return {
      kind: 'status',
      status: {
        state: spangwDeliveryState(status),
        // Same shape as the client's ids, stamped with the gateway's time instead of ours.
        messageId:
          sentAt !== undefined && message !== undefined
            ? formatSpangwMessageReference({ phoneNumber: to, sentAt, textHash: spangwTextHash(message) })
            : `${to}|${time ?? ''}`,
        to,
        rawStatus: status,
        ...(at ? { at } : {}),
        gateway: 'spangw',
        raw,
      },
    };
  }
  if (!from || message === undefined) {
    throw new InvalidRequestError(
      `The spangw push carries neither a "${names.status}" nor a "${names.fromNumber}" and "${names.message}": set the receiver's parameter names to the ones configured on the gateway.`,
    );
  }
  return {
    kind: 'inbound',
    message: {
      id: `${from}|${time ?? ''}|${spangwTextHash(message)}`,
      from,
      ...(to ? { to } : {}),
      text: message,
      ...(at ? { receivedAt: at } : {}),
      ...(portName ? { port: portName } : {}),
      gateway: 'spangw',
      raw,
    },
  };
}

/** What one push gave: the event (or why it could not be read) and the answer for the gateway. */
export interface SpangwPushReceipt {
  answer: PushAnswer;
  event?: SpangwPushEvent;
  error?: InvalidRequestError;
}

/** Handles one push: 200 `OK` when it could be read, 400 with the reason otherwise. */
export function receiveSpangwPush(call: PushCall, options: SpangwPushReceiverOptions = {}): SpangwPushReceipt {
  return receivePush(() => ({ event: parseSpangwPush(call, options) }));
}
