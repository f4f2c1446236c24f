export * from './serial-transport';
export * from './http-transport';
export * from './undici-http-transport';
export * from './http-failure';
export * from './redact-secrets';
export * from './query-string';
