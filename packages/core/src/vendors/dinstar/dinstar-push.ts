import type { PushDescriptor, PushReceipt } from '../contract/push-descriptor';
import type { PushCall } from '../shared/push-call';
import { receiveDinstarPush } from './dinstar-push-receiver';

function receive(call: PushCall, settings: Readonly<Record<string, unknown>> = {}): PushReceipt {
  const offset = typeof settings['gatewayUtcOffsetMinutes'] === 'number' ? settings['gatewayUtcOffsetMinutes'] : 0;
  // An empty call is refused as "not JSON" by the receiver.
  const read = receiveDinstarPush(call.body ?? '', { gatewayUtcOffsetMinutes: offset });
  if (read.error || !read.batch) return { inbound: [], statuses: [], ussd: [], answer: read.answer, ...(read.error ? { error: read.error } : {}) };
  return { inbound: read.batch.inbound, statuses: read.batch.statuses, ussd: read.batch.ussd, answer: read.answer };
}

/**
 * Dinstar's push (firmware 1.0+): a JSON POST with the device's `sn` and any of `sms` (received),
 * `sms_result` (send results), `sms_deliver_status` (delivery reports), `ussd` (replies) and the
 * device events `register`, `cdr`, `device`, `exception_info` (read, not carried into the receipt).
 */
export const DINSTAR_PUSH: PushDescriptor = {
  carries: ['inbound', 'status', 'ussd'],
  methods: ['POST'],
  receive,
  setup: {
    how: 'gateway-ui',
    instructions: (url) =>
      `In the gateway's web interface, open the API settings (Basic Configuration → API, "New Version API"), turn on HTTP push and enter ${url} as the push URL, with SMS, SMS result, delivery status and USSD pushes switched on.`,
  },
};
