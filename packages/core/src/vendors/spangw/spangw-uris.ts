/** The API's endpoints (seed 002): every one a JSON POST answered by the `{uri, code, msg, data}` envelope. */
export const SPANGW_URIS = {
  validSpans: '/sms/get_valid_spans',
  send: '/sms/send',
  outbox: '/smsoutbox/get',
  getPushConfig: '/smsoutbox/get_config',
  setPushConfig: '/smsoutbox/set_config',
} as const;
