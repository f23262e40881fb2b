/* global module */
/**
 * The end-to-end tests: the built page (dist/web) in Debian's Chromium, served by scripts/serve.js.
 * One browser at a time (in band); globalSetup checks for Chromium and builds dist/web when it is stale.
 *   npx jest -c jest.e2e.config.js      (part of `npm test`)
 * Screenshots go to test-results/.
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
  // In band: one Chromium at a time on a 2-core CI machine.
  maxWorkers: 1,
  testTimeout: 120000,
};
