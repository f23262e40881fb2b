// jest globalSetup: the CLI tests run the built binary as a process, so build it once before any test file
// (test files run in parallel workers; building in each would race on dist/).
const { execSync } = require('node:child_process');
const { resolve } = require('node:path');

module.exports = function buildCli() {
  execSync('npx tsc -p tsconfig.build.json', { cwd: resolve(__dirname, '..', '..'), stdio: 'inherit', timeout: 240_000 });
};
