/** Jest runs the e2e specs (supertest against the real Nest app and a real database). */
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

module.exports = {
  rootDir: '..',
  testMatch: ['<rootDir>/tests/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/ui/'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  testEnvironment: 'node',
  testTimeout: 120000,
  maxWorkers: 2,
};
