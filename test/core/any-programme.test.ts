/**
 * Nothing programme-specific outside the sample's data: no text in src/ names the sample's programme or
 * region, except src/core/sample (the sample itself). Identifiers that import the sample (`hallingdalSample`)
 * name the data, not a programme, and are allowed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import { consistentPlan, validate } from '../support/planBuilder';

const SRC = join(__dirname, '..', '..', 'src');
const SAMPLE_DIR = join('core', 'sample') + sep;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test("only the sample's data in src/ names Hallingdal", () => {
  const offending: string[] = [];
  for (const path of files(SRC)) {
    const rel = relative(SRC, path);
    if (rel.startsWith(SAMPLE_DIR)) continue;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const text = line.replace(/\bhallingdal[A-Z]\w*/g, '').replace(/core\/sample\/hallingdal'/g, '');
        if (/hallingdal/i.test(text)) offending.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(offending).toEqual([]);
});

test('a programme without Merknader gets no notes and no note markers under its tables', () => {
  const result = validate(consistentPlan());
  const layout = buildHandlingsplan({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: 'x',
    generatedAt: '2026-11-27T10:00:00Z',
  });
  const texts = layout.cells.flatMap((c) => (c.value.kind === 'text' ? [c.value.text] : []));
  expect(texts.filter((t) => /(^|\s)\d\)(\s|$)/.test(t))).toEqual([]);
  expect(texts.filter((t) => /hallingdal/i.test(t))).toEqual([]);
  expect(result.findings.filter((f) => f.message.nb.includes('Merknader'))).toEqual([]);
});
