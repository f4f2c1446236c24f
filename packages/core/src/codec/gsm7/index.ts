export * from './gsm7-table';
export * from './default-alphabet';
export * from './national-language-tables';
export { DEFAULT_GSM7_CHARSET, gsm7Charset, hasLockingShiftTable, hasSingleShiftTable, type Gsm7Charset, type IndexedGsm7Table } from './gsm7-charset';
export type { Gsm7LookupTables } from './gsm7-lookup-tables';
export * from './gsm7-codec';
export * from './transliterate-to-gsm7';
export * from './read-packed-gsm7';
export * from './cr-padding';
