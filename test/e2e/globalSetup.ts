/**
 * jest globalSetup for the end-to-end tests (jest.e2e.config.js): fails at once, with how to install it, when
 * Chromium is missing; builds the web bundle once when dist/web is missing or older than its sources (in CI
 * `npm ci` has just built it, through `prepare`).
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, missingChromiumMessage, REPO, WEB_ROOT } from './support/browser';

/** What the web build reads besides node_modules. */
const SOURCES = ['src', 'assets', 'manifest', 'manifest.xml', 'webpack.config.js', 'tsconfig.web.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

export default function globalSetup(): void {
  if (!existsSync(CHROMIUM)) throw new Error(missingChromiumMessage());
  const page = join(WEB_ROOT, 'taskpane.html');
  const built = existsSync(page) ? statSync(page).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newest(join(REPO, s))));
  if (built >= changed) return;
  console.log(`\n[e2e] ${built === 0 ? 'dist/web is missing' : 'dist/web is older than its sources'}: npx webpack --mode production`);
  execSync('npx webpack --mode production', { cwd: REPO, stdio: 'inherit', timeout: 300_000 });
}
