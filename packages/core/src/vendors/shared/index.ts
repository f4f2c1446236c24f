export * from './body-preview';
export * from './http-status-check';
export * from './json-body';
export * from './xml-body';
export * from './phone-number';
export * from './send-retry-policy';
export * from './http-transport-for';
export * from './gateway-local-time';
