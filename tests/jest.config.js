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
  // One seeded database and one LibreOffice profile for the whole run, copied by each spec.
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 2,
};
