export { JASMIN_ADMIN_COMMANDS, runJasminAdminCommand } from './jasmin-admin-commands';
export { JasminApi, type JasminApiOptions } from './jasmin-api';
export { jasminBatchEventStatus, parseJasminBatchCallback, type JasminBatchEvent } from './jasmin-batch-callback';
export { buildJasminBatchBody, formatJasminScheduleAt, type JasminBatchInput, type JasminScheduleAt, type JasminScheduleOptions } from './jasmin-batch-request';
export { JasminClient, type JasminClientOptions, type JasminSendOptions } from './jasmin-client';
export { JASMIN_CONNECTION_FIELDS } from './jasmin-connection-fields';
export {
  JASMIN_DLR_ACK,
  JASMIN_DLR_LEVEL1_FIELDS,
  JASMIN_DLR_RECEIPT_FIELDS,
  JASMIN_RECEIPT_STATES,
  parseJasminDeliveryReport,
} from './jasmin-delivery-report';
export { jasminDlrFields, type JasminDlrLevel, type JasminDlrOptions } from './jasmin-dlr-options';
export { jasminErrorFor, type JasminOperation, type JasminReadContext, type JasminRefusal } from './jasmin-errors';
export { buildJasminMessage, jasminUtf16Hex, type JasminMessageInput } from './jasmin-message-fields';
export { canonicalJasminFields, canonicalJasminKey, JASMIN_CODINGS, JASMIN_MESSAGE_PARAMETERS } from './jasmin-parameter-names';
export { JASMIN_PUSH } from './jasmin-push';
export { receiveJasminBatchCallback, receiveJasminDlr, type JasminBatchCallbackReceipt, type JasminDlrReceipt } from './jasmin-push-receiver';
export { PythonFloat, pythonJson } from './jasmin-python-json';
export {
  readJasminBalance,
  readJasminBatchResult,
  readJasminData,
  readJasminPing,
  readJasminRate,
  readJasminSendResult,
  type JasminBalance,
  type JasminBatchAccepted,
  type JasminRate,
} from './jasmin-response-reader';
export { JASMIN_SEND_OPTIONS } from './jasmin-send-options';
export { jasminVendor } from './jasmin-vendor';
