import type { PushDescriptor } from '../contract/push-descriptor';
import { pushCallFields } from '../shared/push-call';
import { jasminBatchEventStatus } from './jasmin-batch-callback';
import { receiveJasminBatchCallback, receiveJasminDlr } from './jasmin-push-receiver';

/** A batch callback carries `batchId`; anything else is read as a DLR (whose reader reports an unreadable call). */
function isBatchCallback(call: Parameters<PushDescriptor['receive']>[0]): boolean {
  try {
    return pushCallFields(call)['batchId'] !== undefined;
  } catch {
    return false;
  }
}

/**
 * What Jasmin pushes: delivery reports (answered exactly `ACK/Jasmin`, or it pushes again) and the
 * per-message callbacks of a batch. Both go to URLs each send carries.
 */
export const JASMIN_PUSH: PushDescriptor = {
  carries: ['status'],
  methods: ['POST', 'GET'],
  receive(call) {
    if (isBatchCallback(call)) {
      const receipt = receiveJasminBatchCallback(call);
      return {
        inbound: [],
        statuses: 'event' in receipt && receipt.event ? [jasminBatchEventStatus(receipt.event)] : [],
        ussd: [],
        answer: receipt.answer,
        ...(receipt.error ? { error: receipt.error } : {}),
      };
    }
    const receipt = receiveJasminDlr(call);
    return {
      inbound: [],
      statuses: 'status' in receipt && receipt.status ? [receipt.status] : [],
      ussd: [],
      answer: receipt.answer,
      ...(receipt.error ? { error: receipt.error } : {}),
    };
  },
  setup: {
    how: 'per-send',
    sendOption: 'dlr_url',
    // Level 3: the SMSC's acknowledgement and the handset's delivery report both come back.
    companionSendOptions: { dlr_level: 3 },
    instructions: (url) =>
      `Jasmin pushes to the URL each send carries: put ${url} in the connection's "Delivery Report URL" (every send asks for reports unless statusReport is false) ` +
      `or in a send's "dlr_url"; for scheduled sends also in "Batch Callback URL" and "Batch Errback URL".`,
  },
};
