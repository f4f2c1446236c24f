import { InvalidRequestError } from '../../errors';
import type { PushReceipt } from '../contract/push-descriptor';
import { pushCallFields, type PushCall } from '../shared/push-call';
import { pushSignatureMatches } from './modembridge-push-signature';
import type { BridgePushEvent } from './modembridge-wire';

const UNAUTHORIZED = { status: 401, contentType: 'text/plain; charset=utf-8', body: 'Unauthorized' } as const;
const ACCEPTED = { status: 200, contentType: 'application/json; charset=utf-8', body: '{"ok":true}' } as const;

function refused(error: InvalidRequestError, status = 400): PushReceipt {
  return {
    inbound: [],
    statuses: [],
    ussd: [],
    error,
    answer: status === 401 ? { ...UNAUTHORIZED } : { status, contentType: 'text/plain; charset=utf-8', body: error.message },
  };
}

/**
 * Reads one push of a modem bridge: `{payload, signature}` where the signature is the push
 * secret's HMAC of the payload. Without the connection's push secret, or with a signature that
 * does not match, the push is refused with 401 and nothing is taken (the bridge tries again later,
 * so fixing the secret loses nothing). A push the receiver took is answered 200: the bridge then
 * never sends it again.
 */
export function receiveModembridgePush(call: PushCall, settings: Readonly<Record<string, unknown>> = {}): PushReceipt {
  let fields: Record<string, string>;
  try {
    fields = pushCallFields(call);
  } catch (error) {
    return refused(error instanceof InvalidRequestError ? error : new InvalidRequestError('The push body cannot be read.'));
  }
  const secret = settings['pushSecret'];
  if (typeof secret !== 'string' || secret === '') {
    return refused(new InvalidRequestError('A modem bridge push arrived, but this connection has no push secret: set "Push Secret" to the bridge\'s --push-secret.'), 401);
  }
  const { payload, signature } = fields;
  if (payload === undefined || signature === undefined) {
    return refused(new InvalidRequestError('A push of a modem bridge carries "payload" and "signature"; this call has neither: check that the URL is only given to the bridge.'));
  }
  if (!pushSignatureMatches(secret, payload, signature)) {
    return refused(new InvalidRequestError('A modem bridge push was signed with another secret: set the connection\'s Push Secret to the bridge\'s --push-secret.'), 401);
  }
  let event: BridgePushEvent;
  try {
    event = JSON.parse(payload) as BridgePushEvent;
  } catch {
    return refused(new InvalidRequestError('A signed modem bridge push carries a payload that is not JSON.'));
  }
  return {
    inbound: event.kind === 'inbound' && event.inbound ? [{ ...event.inbound, raw: { ...event.inbound.raw, pushId: event.id } }] : [],
    statuses: event.kind === 'status' && event.status ? [{ ...event.status, raw: { ...event.status.raw, pushId: event.id } }] : [],
    ussd: [],
    answer: { ...ACCEPTED },
  };
}
