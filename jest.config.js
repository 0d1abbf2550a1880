/** Tests run the TypeScript sources through swc; bundle tests load dist/Code.js (built by `npm test`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2021' } }] },
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/support/globalSetup.js',
};
