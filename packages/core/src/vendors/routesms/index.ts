export { RoutesmsApi, type RoutesmsApiOptions } from './routesms-api';
export { RoutesmsClient, type RoutesmsClientOptions, type RoutesmsSendOptions } from './routesms-client';
export { ROUTESMS_CONNECTION_FIELDS } from './routesms-connection-fields';
export {
  parseRoutesmsDeliveryReport,
  routesmsDateToIso,
  ROUTESMS_DLR_FIELDS,
  ROUTESMS_DLR_STATES,
  type RoutesmsDeliveryReportOptions,
} from './routesms-delivery-report';
export { receiveRoutesmsDlr, type RoutesmsDlrReceipt } from './routesms-dlr-receiver';
export {
  describeRoutesmsCode,
  ROUTESMS_ERROR_TABLE,
  ROUTESMS_SUCCESS_CODE,
  routesmsError,
  type RoutesmsErrorEntry,
  type RoutesmsErrorKind,
  type RoutesmsErrorScope,
} from './routesms-error-table';
export { isRoutesmsFlashType, isRoutesmsUnicodeType, parseRoutesmsMessageType, RoutesmsMessageType, routesmsTypeFor } from './routesms-message-type';
export { ROUTESMS_PUSH } from './routesms-push';
export { formatRoutesmsSchedule, parseRoutesmsGmtOffset, parseRoutesmsSchedule, type RoutesmsScheduleFields } from './routesms-schedule';
export { ROUTESMS_SEND_OPTIONS } from './routesms-send-options';
export { ROUTESMS_ALPHANUMERIC_SOURCE_MAX, ROUTESMS_NUMERIC_SOURCE_MAX, validateRoutesmsSource } from './routesms-source-address';
export {
  buildRoutesmsSubmitRequest,
  ROUTESMS_MAX_URL_LENGTH,
  ROUTESMS_SCHEDULE_PATH,
  ROUTESMS_SEND_PATH,
  routesmsRequestTargetLength,
  routesmsTypeForInput,
  routesmsUnicodeHex,
  type RoutesmsCredentials,
  type RoutesmsSubmitInput,
} from './routesms-submit-request';
export { parseRoutesmsSubmitResponse, routesmsRequestFailure, type RoutesmsSubmitEntry } from './routesms-submit-response';
export { routesmsVendor } from './routesms-vendor';
