/** One jest run covers every workspace; TypeScript is transpiled by swc, type-checked by `tsc -b` before. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages/core/test', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.js'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: {
    '^@smsbridge/core$': '<rootDir>/packages/core/src/index.ts',
    '^@smsbridge/core/testing$': '<rootDir>/packages/core/src/testing/index.ts',
  },
  testTimeout: 30000,
};
