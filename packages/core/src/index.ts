// The public API of @smsbridge/core, named: the codec, the vendor-neutral model and its errors,
// the vendor registry and contract the hosts build on, the transports and the modem driver.
// Simulators, the virtual modem and the manual clock are in @smsbridge/core/testing.
export {
  CodecError,
  GatewayAuthError,
  GatewayError,
  GatewayMalformedResponseError,
  GatewayRateLimitedError,
  GatewayRejectedError,
  GatewayTimeoutError,
  GatewayUnreachableError,
  InvalidRequestError,
  SendJournalError,
  SmsBridgeError,
} from './errors';
export type {
  CodecErrorCode,
  SendOutcome,
  SmsBridgeErrorOptions,
} from './errors';
export {
  MAX_TIMER_DELAY_MS,
  startClockTimer,
  systemClock,
} from './clock';
export type {
  Clock,
  ClockTimer,
} from './clock';
export type {
  AdminCommandResult,
  DeliveryState,
  DeliveryStatus,
  InboundMessage,
  SendRequest,
  SendResult,
  UssdExchange,
} from './model';
export {
  ConcatReassembler,
  DEFAULT_GSM7_CHARSET,
  DEFAULT_MAX_PENDING_MESSAGES,
  DEFAULT_REASSEMBLY_TIMEOUT_MS,
  GSM7_DEFAULT_ALPHABET,
  GSM7_DEFAULT_EXTENSION,
  GSM7_ESCAPE,
  HEX_PAIR_BY_OCTET,
  INFORMATION_ELEMENT_ID,
  MAX_ADDRESS_DIGITS,
  MAX_ALPHANUMERIC_SEPTETS,
  MAX_CONCATENATED_PARTS,
  MAX_RELATIVE_MINUTES,
  MAX_USER_DATA_OCTETS,
  NATIONAL_LANGUAGE_TABLES,
  OctetReader,
  PROTOCOL_ID,
  TIMESTAMP_OCTETS,
  USER_DATA_HEADER_INDICATOR,
  addressHex,
  addressOctetCount,
  addressTypeOf,
  buildDataCodingScheme,
  buildSubmitFirstOctet,
  buildUserDataHeader,
  chooseEncoding,
  concatElement,
  concatInfoOf,
  concatKey,
  countSegments,
  decodeGsm7,
  decodePdu,
  decodePduOctets,
  decodeSemiOctetDigits,
  decodeTimestamp,
  decodeTimestampIso,
  decodeUcs2,
  describeCharacter,
  encodeAddress,
  encodeGsm7,
  encodeSmscAddress,
  encodeSubmit,
  encodeTimestamp,
  encodeUcs2,
  encodeValidityPeriod,
  fillBitsAfterHeader,
  fullYear,
  gsm7Charset,
  gsm7Length,
  gsm7TableFromEntries,
  gsm7TableFromRows,
  hasLockingShiftTable,
  hasSingleShiftTable,
  hexToOctets,
  joinedData,
  joinedText,
  nationalLanguageId,
  nationalLanguageOf,
  nationalShiftElements,
  octetHex,
  octetsToHex,
  packSeptets,
  packedOctetCount,
  padPackedSeptets,
  parseDataCodingScheme,
  parseDestination,
  parseFirstOctet,
  parsePhoneNumber,
  parseSmscAddress,
  parseUserDataHeader,
  readAddress,
  readPackedGsm7,
  readParameterIndicator,
  readSmscAddress,
  readUserData,
  readValidityPeriod,
  relativeValidityMinutes,
  relativeValidityOctet,
  replaceTypeOf,
  segmentBudget,
  segmentText,
  semiOctetOf,
  septetAt,
  smscAddressHex,
  smscAddressOctetCount,
  toUcs2Hex,
  transliterateToGsm7,
  unpackSeptets,
  unpadPackedSeptets,
  userDataHeaderOctets,
  utf16BeHex,
  validityPeriodLength,
  writeAddress,
  writeHexOctets,
  writePackedSeptets,
  writeSemiOctetDigits,
  writeSmscAddress,
  writeUserDataHeader,
} from './codec';
export type {
  AddOutcome,
  AddressType,
  ConcatInfo,
  ConcatReassemblerOptions,
  DataCodingScheme,
  DataEncoding,
  DecodePduOptions,
  DecodedPdu,
  DecodedUserData,
  DecodedValidityPeriod,
  EncodedPdu,
  EncodingChoice,
  EncodingChoiceResult,
  FirstOctetFields,
  Gsm7Charset,
  Gsm7LookupTables,
  Gsm7Table,
  IncompleteMessage,
  IndexedGsm7Table,
  MessageWaiting,
  NationalLanguage,
  NationalLanguageTables,
  NationalShift,
  ParameterIndicator,
  ParsedDestination,
  ReassembledMessage,
  SegmentCount,
  SegmentOptions,
  SegmentPlan,
  ServiceCentreTimestamp,
  SourceId,
  SubmitFirstOctetFlags,
  SubmitOptions,
  TextEncoding,
  TpAddress,
  TpduType,
  UserDataHeader,
  UserDataHeaderElement,
  ValidityPeriod,
  ValidityPeriodFormat,
} from './codec';
export {
  DEFAULT_SEND_LIMITS,
  HTTP_CONNECTION_FIELD_NAMES,
  SEND_REQUEST_FIELDS,
  checkSendRequest,
  checkUrlLength,
  contractClient,
  httpClientOptions,
  httpConnectionFields,
  readFields,
  readSendRequest,
  sendCheckOwner,
  settleSend,
  SEND_INTERRUPTED,
  SEND_IN_PROGRESS,
} from './vendors/contract';
export type {
  AdminCommandDescriptor,
  ArrivalMode,
  FieldChoice,
  FieldDescriptor,
  FieldOwner,
  FieldType,
  GatewayOperation,
  HttpConnectionFieldsOptions,
  PushDescriptor,
  PushReceipt,
  PushSetup,
  ReadFieldsOptions,
  SendCheckOwner,
  SendField,
  SendLimits,
  JournalRecipient,
  SendJournal,
  SendJournalEntry,
  SendOptions,
  SendResultBase,
  SettleSendOptions,
  VendorCapabilities,
} from './vendors/contract';
export type { PushCall } from './vendors/shared/push-call';
export type { PushAnswer } from './vendors/shared/push-answer';
export type {
  GatewayClient,
  GatewayListener,
  GatewayKey,
  InboxPage,
  UssdMenuAnswer,
  UssdRequest,
  VerifyResult,
} from './vendors/gateway-client';
export type {
  ConnectContext,
  VendorClientOptions,
  VendorDescription,
  VendorEntry,
} from './vendors/vendor-entry';
export {
  VendorRegistry,
  createVendorRegistry,
} from './vendors/registry';
export type {
  HttpRequest,
  HttpResponse,
  HttpTransport,
  HttpTransportOptions,
  TlsOptions,
} from './transport/http-transport';
export {
  UndiciHttpTransport,
} from './transport/undici-http-transport';
export type {
  UndiciHttpTransportOptions,
} from './transport/undici-http-transport';
export type {
  SerialTransport,
} from './transport/serial-transport';
export {
  SENSITIVE_PARAMETER_NAMES,
  SecretRedactor,
  redactDeep,
  redactSecrets,
} from './transport/redact-secrets';
export {
  GsmModem,
} from './modem/gsm-modem';
export type {
  GsmModemOptions,
} from './modem/gsm-modem';
export type {
  GsmModemEvents,
  GsmModemState,
} from './modem/gsm-modem-events';
export {
  ModemCommandError,
  ModemError,
  ModemNotFoundError,
  ModemPinError,
  ModemProtocolError,
  ModemReentrantCallError,
  ModemReportsRemovedError,
  ModemSimError,
  ModemTimeoutError,
  ModemUnavailableError,
} from './modem/modem-errors';
export type {
  ModemErrorCode,
  ModemErrorFamily,
} from './modem/modem-errors';
export type {
  ModemSessionSettings,
  NewMessageDelivery,
} from './modem/modem-session-settings';
export {
  SerialPortTransport,
} from './modem/serial/serialport-transport';
export type {
  SerialPortTransportOptions,
} from './modem/serial/serialport-transport';
export {
  findSerialPort,
  parsePortSelector,
  systemPortLister,
} from './modem/serial/serial-port-finder';
export type {
  ModemPortSelector,
  SerialPortLister,
  SerialPortListing,
} from './modem/serial/serial-port-finder';
export {
  readDeviceInfo,
  readNetworkStatus,
} from './modem/device/device-info';
export type {
  ModemDeviceInfo,
  ModemNetworkStatus,
} from './modem/device/device-info';
export { builtInVendors } from './vendors/built-in-vendors';
export * as diafaan from './vendors/diafaan';
export * as routesms from './vendors/routesms';
export * as spangw from './vendors/spangw';
export * as jasmin from './vendors/jasmin';
export * as dinstar from './vendors/dinstar';
export { ModemHub, modemVendor } from './modem/gateway';
export * as modembridge from './vendors/modembridge';
export { BridgeServer, BridgeJournal } from './bridge';
export type { BridgeServerOptions, PushTargetSettings } from './bridge';
export {
  DEFAULT_BATCH_RECIPIENTS,
  DEFAULT_JOURNAL_TTL_SECONDS,
  FINAL_DELIVERY_STATES,
  MemoryJournalStore,
  RecipientAllowList,
  RedisJournalStore,
  SendBatch,
  StoreSendJournal,
  batchSends,
  checkAllowedRecipients,
  isFinalState,
  parseRecipients,
  previewSend,
  waitForFinalStatus,
} from './hosting';
export type {
  FinalStatusWait,
  JournalKeyOf,
  JournalStore,
  RedisJournalStoreOptions,
  SendPreview,
  WaitForFinalStatusOptions,
} from './hosting';
export { StatusJournal } from './reports/status-journal';
export type { StatusJournalPage } from './reports/status-journal';
export { connectionIdentity } from './reports/connection-identity';
export { deliveryReportListingOf } from './reports/built-in-report-listings';
export type {
  DeliveryReportListing,
  DeliveryReportListingContext,
  DeliveryReportPage,
  DeliveryReportReader,
} from './reports/delivery-report-listing';
export { objectSentPartStore } from './modem/sms/message-reference-registry';
export type { SentPartReference, SentPartStore } from './modem/sms/message-reference-registry';
