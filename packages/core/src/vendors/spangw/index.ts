export { SpangwClient, type SpangwClientOptions } from './spangw-client';
export { SpangwApi, type SpangwApiOptions } from './spangw-api';
export { SPANGW_ADMIN_COMMANDS, runSpangwAdminCommand } from './spangw-admin-commands';
export { SPANGW_CONNECTION_FIELDS, SPANGW_SEND_OPTIONS } from './spangw-connection-fields';
export { spangwDeliveryState } from './spangw-delivery-state';
export { SPANGW_DEFAULT_SUCCESS_CODES, readSpangwEnvelope, toSpangwEnvelope, type SpangwEnvelope, type SpangwEnvelopeReadOptions } from './spangw-envelope';
export { spangwEnvelopeError } from './spangw-errors';
export { formatSpangwMessageReference, parseSpangwMessageReference, spangwTextHash, type SpangwMessageReference } from './spangw-message-reference';
export { parseSpangwOutboxPage, type SpangwOutboxEntry, type SpangwOutboxPage, type SpangwOutboxQuery } from './spangw-outbox';
export {
  SPANGW_DEFAULT_PUSH_NAMES,
  SPANGW_PUSH_NAME_FIELDS,
  SPANGW_PUSH_SWITCH_FIELDS,
  SPANGW_PUSH_TEXT_FIELDS,
  parseSpangwPushConfig,
  spangwPushConfigFields,
  spangwPushLocationFields,
  type SpangwPushConfig,
  type SpangwPushConfigFields,
  type SpangwPushParameterNames,
} from './spangw-push-config';
export { SPANGW_PUSH } from './spangw-push';
export { spangwPushNamesFrom } from './spangw-push-names';
export { parseSpangwPush, receiveSpangwPush, type SpangwPushEvent, type SpangwPushReceipt, type SpangwPushReceiverOptions } from './spangw-push-receiver';
export { readSpangwSendOutcome, type SpangwSendOutcome } from './spangw-send-outcome';
export { parseSpangwSpans, type SpangwSpan } from './spangw-span';
export { SPANGW_URIS } from './spangw-uris';
export { spangwVendor } from './spangw-vendor';
