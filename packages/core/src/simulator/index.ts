export * from './gateway-simulator';
export * from './simulator-server';
export * from './simulator-router';
export * from './simulator-request';
export * from './simulator-credentials';
export * from './fault-injector';
export * from './simulated-network';
export * from './push-callback-sender';
