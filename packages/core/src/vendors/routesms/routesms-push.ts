import type { PushDescriptor } from '../contract/push-descriptor';
import { receiveRoutesmsDlr } from './routesms-dlr-receiver';

/**
 * Route Mobile's delivery-report push: a form POST per report to the URL the provider set up for
 * the account (there is no API to set it). The receiver answers 200, which the gateway needs (or 202).
 */
export const ROUTESMS_PUSH: PushDescriptor = {
  carries: ['status'],
  methods: ['POST'],
  receive(call, settings = {}) {
    const timeZone = typeof settings['timeZone'] === 'string' ? settings['timeZone'] : undefined;
    const receipt = receiveRoutesmsDlr(call, timeZone ? { timeZone } : {});
    return {
      inbound: [],
      statuses: 'status' in receipt && receipt.status ? [receipt.status] : [],
      ussd: [],
      answer: receipt.answer,
      ...(receipt.error ? { error: receipt.error } : {}),
    };
  },
  setup: {
    how: 'gateway-ui',
    instructions: (url) =>
      `Ask Route Mobile (your account manager, or the SMSPLUS panel where it offers it) to push the delivery reports of this HTTP account to ${url}. ` +
      'Reports come only for sends that ask for one (statusReport true).',
  },
};
