import { InvalidRequestError } from '../../errors/gateway-errors';
import type { PushDescriptor, PushReceipt } from '../contract/push-descriptor';
import { pushCallFields } from '../shared/push-call';
import { receivePush } from '../shared/push-answer';
import { diafaanCallbackAnswer, parseDiafaanCallback } from './diafaan-receiver';

/**
 * Diafaan's HTTP callbacks: `message_in` (a received SMS) and `message_out` (a sent message whose
 * status changed), as query parameters. The receiver must answer `result=1`, URL-encoded,
 * within 5 s; `result=0` would make the server discard the message, so a call that cannot be read
 * gets a 400 instead.
 */
export const DIAFAAN_PUSH: PushDescriptor = {
  carries: ['inbound', 'status'],
  methods: ['GET', 'POST'],
  receive(call): PushReceipt {
    const read = receivePush(
      () => {
        const callback = parseDiafaanCallback(pushCallFields(call));
        return { inbound: callback.inbound ? [callback.inbound] : [], statuses: callback.status ? [callback.status] : [], ussd: [] };
      },
      {
        accepted: diafaanCallbackAnswer(true),
        refused: (error: InvalidRequestError) => ({ status: 400, contentType: 'text/plain; charset=utf-8', body: error.message }),
      },
    );
    if ('error' in read) return { inbound: [], statuses: [], ussd: [], answer: read.answer, error: read.error };
    return read;
  },
  setup: {
    how: 'gateway-ui',
    instructions: (url) =>
      `In the Diafaan SMS Server Manager, open the Web connector's properties and enter ${url} as its HTTP callback URL for received messages (message_in) and sent message status (message_out). This receiver answers result=1 within the 5 s the server waits.`,
  },
};
