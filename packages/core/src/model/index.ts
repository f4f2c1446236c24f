export * from './delivery-status';
export * from './send-request';
export * from './send-result';
export * from './inbound-message';
export * from './ussd-exchange';
export * from './admin-command';
