/** Tests run the TypeScript sources through swc; bundle tests load dist/Code.js (built by `npm test`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2021' } }] },
  testTimeout: 120000,
  // Jest's default is one worker fewer than the cores: on a 2-core machine, one. Its own process mostly
  // waits, so both cores run tests (the whole suite in about half the time on CI).
  maxWorkers: '100%',
  globalSetup: '<rootDir>/test/support/globalSetup.js',
};
