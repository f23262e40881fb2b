/**
 * Runs the built CLI (`node bin/handlingsplan.js`) as its own process, as a user or CI would, and measures
 * its peak resident memory and the CPU time it used. Both are the child's own figures (`maxRSS`, user +
 * system time), written by a module preloaded with `--import` when it exits: what `/usr/bin/time -v`
 * reports, without needing it. CPU time, unlike wall-clock time, does not grow when the machine is busy.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import { runCliAsync } from '../support/cli';

const USAGE_HOOK = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const f = process.env.HP_USAGE_FILE; const u = process.resourceUsage(); if (f) writeFileSync(f, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime })); });",
)}`;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** wall-clock time of the process */
  ms: number;
  /** CPU time the process used (user + system), in ms */
  cpuMs: number;
  /** peak resident set size in MB */
  peakMb: number;
}

function isUsage(value: unknown): value is { maxRSS: number; cpu: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'maxRSS' in value &&
    typeof value.maxRSS === 'number' &&
    'cpu' in value &&
    typeof value.cpu === 'number'
  );
}

let runCount = 0;

export async function measureCli(args: string[], cwd: string, timeoutMs = 60_000): Promise<CliRun> {
  runCount += 1;
  const usageFile = join(cwd, `.usage-${process.pid}-${runCount}`);
  const started = Date.now();
  const run = await runCliAsync(args, { cwd, env: { HP_USAGE_FILE: usageFile }, timeout: timeoutMs, nodeArgs: ['--import', USAGE_HOOK] });
  const ms = Date.now() - started;
  // Killed before it could write: NaN, which fails any bound.
  let usage = { maxRSS: Number.NaN, cpu: Number.NaN };
  if (existsSync(usageFile)) {
    const parsed: unknown = JSON.parse(readFileSync(usageFile, 'utf8'));
    if (isUsage(parsed)) usage = parsed;
    rmSync(usageFile, { force: true });
  }
  return { ...run, ms, cpuMs: usage.cpu / 1000, peakMb: usage.maxRSS / 1024 };
}

// ---------------------------------------------------------------------------------------------------------
// Zip files written by hand, so a test can make one lie about its sizes

export interface ZipEntry {
  name: string;
  /** the part's bytes, deflated here */
  data?: Uint8Array;
  /** or: already deflated bytes with the real size and CRC of what they inflate to */
  deflated?: { bytes: Uint8Array; size: number; crc: number };
  /** the uncompressed size written into the headers (default: the real one) */
  declaredSize?: number;
}

/** A zip archive with DEFLATE entries: local headers, data, central directory, end record. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.data ?? new Uint8Array(0);
    const packed = entry.deflated ?? { bytes: deflateRawSync(data), size: data.length, crc: crc32(data) };
    const size = entry.declaredSize ?? packed.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(packed.crc >>> 0, 14);
    local.writeUInt32LE(packed.bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.crc >>> 0, 16);
    central.writeUInt32LE(packed.bytes.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(packed.bytes));
    centrals.push(central, name);
    offset += local.length + name.length + packed.bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `megabytes` MB of zeros, deflated (about 1 KB per MB), with their size and CRC. */
export function deflatedZeros(megabytes: number): { bytes: Uint8Array; size: number; crc: number } {
  const zeros = Buffer.alloc(megabytes * 1024 * 1024);
  return { bytes: deflateRawSync(zeros, { level: 9 }), size: zeros.length, crc: crc32(zeros) };
}
