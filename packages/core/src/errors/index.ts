export * from './smsbridge-error';
export * from './codec-error';
