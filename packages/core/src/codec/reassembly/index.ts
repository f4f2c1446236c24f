export * from './concat-key';
export * from './reassembled-message';
export * from './concat-reassembler';
