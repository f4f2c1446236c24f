// The modem bridge: `smsbridge modem serve`, the core's modem driver behind an authenticated HTTP API.
export { BridgeServer, type BridgeServerOptions, type BridgeServerEvents } from './bridge-server';
export { BridgeJournal, type BridgeJournalOptions, type JournalEvent } from './bridge-journal';
export { BridgeApi, bridgeMessageId, inboundFingerprint } from './bridge-api';
export { BridgeModems, type BridgeModem } from './bridge-modems';
export { BearerToken, MIN_TOKEN_LENGTH } from './bearer-token';
export { PushDelivery, pushEventOf, type PushDeliveryOptions } from './push-delivery';
export { PushTarget, type PushTargetSettings } from './push-target';
