// One line per vendor folder: export * as <key> from './<key>';
export {};
