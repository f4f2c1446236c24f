export * from './errors';
export * from './clock';
export * from './model';
export * from './codec';
export * from './transport';
export * from './vendors';
export * from './modem';
export * from './simulator';
