/**
 * The built CLI (`node bin/handlingsplan.js`) as its own process, as a user or CI runs it: the one way tests
 * spawn it. jest's globalSetup (test/support/buildCli.js) has built dist/ first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BIN = join(resolve(__dirname, '..', '..'), 'bin', 'handlingsplan.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  /** added to the clean environment */
  env?: Record<string, string>;
  timeout?: number;
  /** options for node itself, before the script (e.g. `--import` a hook) */
  nodeArgs?: string[];
}

/**
 * The environment of a plain pipe: no colour forced either way, no debug output, and no locale, so messages
 * are in the default language, bokmål (an English LANG would mean English).
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  delete env['HANDLINGSPLAN_DEBUG'];
  delete env['LC_ALL'];
  delete env['LC_MESSAGES'];
  delete env['LANG'];
  return { ...env, ...extra };
}

/** Runs the CLI to its end and returns what it printed. */
export function runCli(args: readonly string[], options: CliOptions): CliResult {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: cleanEnv(options.env),
    timeout: options.timeout ?? 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same without blocking this process: for tests that must keep answering the CLI meanwhile (a local
 * server standing in for SSB) or measure it. A run past the timeout is killed (status null).
 */
export function runCliAsync(args: readonly string[], options: CliOptions): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { cwd: options.cwd, env: cleanEnv(options.env) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** A command line and what its one line on stderr must say. */
export type RefusedCase = readonly [args: string[], message: RegExp];

/**
 * Each command line is refused the way the CLI promises: status 2, exactly one line on stderr saying `message`,
 * and nothing on stdout. (What must not have been written is the caller's to check: it knows the files.)
 */
export function expectEachRefused(cases: readonly RefusedCase[], run: (args: string[]) => CliResult): void {
  for (const [args, message] of cases) {
    const result = run(args);
    expect({ args, status: result.status }).toEqual({ args, status: 2 });
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  }
}

/**
 * The file's bytes as they are now; `untouched()` says whether it still holds exactly them. A command never
 * writes the file it reads, and a refused command writes nothing.
 */
export function fileKept(path: string): { untouched: () => boolean } {
  const before = readFileSync(path);
  return { untouched: () => readFileSync(path).equals(before) };
}
