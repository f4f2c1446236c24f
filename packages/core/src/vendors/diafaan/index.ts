export { diafaanVendor } from './diafaan-vendor';
export { DiafaanClient, type DiafaanClientOptions } from './diafaan-client';
export {
  DiafaanApi,
  DIAFAAN_PER_RECIPIENT_CODES,
  type DiafaanApiOptions,
  type DiafaanSendParameters,
  type DiafaanSendLine,
  type DiafaanStatusInfo,
  type DiafaanStatusAnswer,
  type DiafaanReceivedMessagesQuery,
  type DiafaanServerCommandResult,
} from './diafaan-api';
export { DIAFAAN_ADMIN_COMMANDS, runDiafaanAdminCommand } from './diafaan-admin-commands';
export { DIAFAAN_CONNECTION_FIELDS, diafaanClientOptions } from './diafaan-connection-fields';
export { DIAFAAN_SEND_OPTIONS } from './diafaan-send-options';
export { DIAFAAN_PUSH } from './diafaan-push';
export { DiafaanInbox, type DiafaanInboxOptions } from './diafaan-inbox';
export { DiafaanInboxCursor, diafaanSeenKey } from './diafaan-inbox-cursor';
export { planDiafaanText, type DiafaanTextPlan } from './diafaan-text-plan';
export { readDiafaanRetrySetting } from './diafaan-retry-setting';
export { parseDiafaanCallback, diafaanCallbackAnswer, type DiafaanCallback, type DiafaanCallbackAnswer } from './diafaan-receiver';
export { diafaanError, DIAFAAN_ERROR_TEXTS } from './diafaan-error-codes';
export { parseDiafaanLine, parseDiafaanLines, type DiafaanLine } from './diafaan-line-response';
export { DIAFAAN_MESSAGE_TYPES, isDiafaanMessageType, type DiafaanMessageType } from './diafaan-message-type';
export { diafaanDeliveryState } from './diafaan-status';
export { parseDiafaanDate, formatDiafaanCompactDate, formatDiafaanUsDate, type DiafaanDateOrder } from './diafaan-dates';
export {
  DIAFAAN_SERVER_COMMANDS,
  isDiafaanServerCommand,
  type DiafaanServerCommand,
  type DiafaanServerCommandSpec,
  type DiafaanServerCommandParameters,
} from './diafaan-server-commands';
export { parseServerStatus, type DiafaanServerStatus, type DiafaanGatewayStatus } from './diafaan-server-status';
export { parseReceivedMessages, toInboundMessage, type DiafaanReceivedMessage, type ReceivedMessagesReadOptions } from './diafaan-received-messages';
