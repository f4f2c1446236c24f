export { modembridgeVendor } from './modembridge-vendor';
export { ModembridgeClient, type ModembridgeClientOptions } from './modembridge-client';
export { ModembridgeApi, type ModembridgeApiOptions } from './modembridge-api';
export { modembridgeError } from './modembridge-error';
export { MODEMBRIDGE_CONNECTION_FIELDS } from './modembridge-connection-fields';
export { MODEMBRIDGE_SEND_OPTIONS } from './modembridge-send-options';
export { MODEMBRIDGE_ADMIN_COMMANDS } from './modembridge-admin-commands';
export { MODEMBRIDGE_PUSH } from './modembridge-push';
export { receiveModembridgePush } from './modembridge-push-receiver';
export { signPushPayload, pushSignatureMatches } from './modembridge-push-signature';
export {
  BRIDGE_PATHS,
  DEFAULT_BRIDGE_PORT,
  PUSH_ID_HEADER,
  PUSH_SIGNATURE_HEADER,
  type BridgeErrorBody,
  type BridgePushEnvelope,
  type BridgePushEvent,
} from './modembridge-wire';
