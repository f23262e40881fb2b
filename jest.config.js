/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The pane's tests run in jsdom under jest.taskpane.config.mjs; the browser tests under jest.e2e.config.js.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/taskpane/', '<rootDir>/test/manifest/', '<rootDir>/test/e2e/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/support/buildCli.js',
  // CLI tests spawn the built binary; give them room on a 2-core CI machine.
  testTimeout: 30000,
};
