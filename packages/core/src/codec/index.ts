export * from './types';
export * from './septet-packing';
export * from './gsm7';
export * from './ucs2';
export * from './segmenter';
export * from './pdu';
export * from './reassembly';
