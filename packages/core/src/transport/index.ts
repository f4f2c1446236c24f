export * from './serial-transport';
export * from './http-transport';
