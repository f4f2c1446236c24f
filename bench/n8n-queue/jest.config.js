/** The queue-mode bench drives the same n8n cluster as test/n8n-queue (TypeScript helpers), so jest runs it; nothing in it asserts a time. */
const root = require('../../jest.config.js');

module.exports = { ...root, rootDir: '../..', roots: ['<rootDir>/bench/n8n-queue'], testMatch: ['**/*.bench.ts'], testTimeout: 1_800_000 };
