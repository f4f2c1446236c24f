export * from './gateway-client';
// One line per vendor folder, e.g.: export * as diafaan from './diafaan';
