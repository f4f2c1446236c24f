export * from './serial-transport';
