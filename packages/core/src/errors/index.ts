export * from './smsbridge-error';
export * from './codec-error';
export * from './gateway-errors';
