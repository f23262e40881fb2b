/**
 * The task pane's tests (React + jsdom, JSX) and the manifest check. Until the root jest config compiles
 * .tsx, run them with: npx jest -c jest.taskpane.config.mjs
 * Each pane test file picks jsdom in its docblock; the manifest test runs in node.
 * @type {import('jest').Config}
 */
export default {
  displayName: 'taskpane',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/taskpane', '<rootDir>/test/manifest'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/taskpane/setup.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/test/taskpane/tsconfig.json' }],
  },
  testTimeout: 30000,
};
