export { DinstarClient, type DinstarClientOptions } from './dinstar-client';
export { DinstarApi, DINSTAR_MAX_USSD_BYTES, type DinstarApiOptions, type DinstarRecordFilter, type DinstarSendAnswer, type DinstarSendSmsRequest } from './dinstar-api';
export { DINSTAR_ADMIN_COMMANDS, runDinstarAdminCommand } from './dinstar-admin-commands';
export { DinstarAuthenticatingTransport, type DinstarAuthScheme, type DinstarAuthenticatingTransportOptions } from './dinstar-authenticating-transport';
export { DINSTAR_CONNECTION_FIELDS, DINSTAR_SEND_OPTIONS } from './dinstar-connection-fields';
export { parseDinstarDeliverStatuses, type DinstarDeliverStatus } from './dinstar-deliver-status';
export { DigestClientSession, parseDigestChallenge, type DigestChallenge } from './dinstar-digest-auth';
export { DINSTAR_ERROR_CODES, dinstarErrorForCode } from './dinstar-error-code';
export { parseDinstarInboxCursor, parseDinstarIncomingSms, type DinstarIncomingSms } from './dinstar-incoming-sms';
export { dinstarDeliveryReportId, dinstarMessageId, parseDinstarMessageId } from './dinstar-message-id';
export { DINSTAR_PORT_INFO_TYPES, parseDinstarPortInfo, type DinstarPortInfo, type DinstarPortInfoType, type DinstarRegistration } from './dinstar-port-info';
export { DINSTAR_PUSH } from './dinstar-push';
export {
  parseDinstarPush,
  receiveDinstarPush,
  type DinstarPushBatch,
  type DinstarPushReceipt,
  type DinstarPushReceiverOptions,
  type DinstarRegistrationEvent,
} from './dinstar-push-receiver';
export { readDinstarAnswer, type DinstarAnswer, type DinstarAnswerReadOptions } from './dinstar-response';
export { DINSTAR_SEND_LIMITS, planDinstarSendChunks, type DinstarRecipient, type DinstarSendLimits } from './dinstar-send-chunks';
export { dinstarResultState, optionalInteger, parseDinstarSmsResult, parseDinstarSmsResults, type DinstarSmsResult } from './dinstar-sms-result';
export { lookUpDinstarStatus } from './dinstar-status-lookup';
export { dinstarDeliverStatusToModel, dinstarInboundToModel, dinstarResultToModel } from './dinstar-to-model';
export { dinstarTpStatusState } from './dinstar-tp-status';
export { DINSTAR_USSD_SEND_STATUS, parseDinstarUssdReplies, parseDinstarUssdSendStatuses, type DinstarUssdReply, type DinstarUssdSendStatus } from './dinstar-ussd';
export { exchangeDinstarUssd, type DinstarUssdTiming } from './dinstar-ussd-exchange';
export { dinstarVendor } from './dinstar-vendor';
