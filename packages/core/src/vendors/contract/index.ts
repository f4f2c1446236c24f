export type { FieldType, FieldChoice, FieldDescriptor, AdminCommandDescriptor } from './field-descriptor';
export { readFields, type FieldOwner, type ReadFieldsOptions } from './read-fields';
export { DEFAULT_SEND_LIMITS, type GatewayOperation, type SendField, type ArrivalMode, type SendLimits, type VendorCapabilities } from './vendor-capabilities';
export { settleSend, type SettleSendOptions, type SendResultBase } from './settle-send';
export { checkSendRequest, checkUrlLength, type SendCheckOwner } from './check-send-request';
export { contractClient, sendCheckOwner } from './contract-client';
export { httpConnectionFields, httpClientOptions, HTTP_CONNECTION_FIELD_NAMES, type HttpConnectionFieldsOptions } from './http-connection-fields';
export type { PushReceipt, PushSetup, PushDescriptor } from './push-descriptor';
export { SEND_REQUEST_FIELDS, readSendRequest } from './send-request-fields';
