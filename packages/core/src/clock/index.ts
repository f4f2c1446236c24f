export * from './clock';
export * from './clock-timer';
