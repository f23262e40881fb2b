import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import ts from 'typescript';

/**
 * The import graph of src/ (the Excel double aside, see below) has no circles, type-only imports and lazy `import()` included: a circle means two
 * modules that can only be understood (and changed) together. The layers inside the core are kept by lint
 * (eslint.config.mjs); this is the part lint cannot say.
 */

const SRC = resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((file) => existsSync(file));
}

/**
 * The Excel double is left out: it mirrors Excel's object model, whose objects reach each other both ways (a
 * sheet's tables and ranges, a range's sheet, a table's rows), and only the tests and the bench load it.
 */
const DOUBLE = join(SRC, 'adapters', 'office', 'double');

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC).filter((f) => !f.startsWith(DOUBLE + sep))) {
    const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    graph.set(
      file,
      imports.flatMap((i) => resolveImport(file, i.fileName) ?? []),
    );
  }
  return graph;
}

/** Every circle, each as the path that closes it (depth-first search, one report per back edge). */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads the imports it checks (type-only and lazy ones too)', () => {
    const session = graph.get(join(SRC, 'taskpane', 'session.ts')) ?? [];
    expect(session).toContain(join(SRC, 'taskpane', 'coreChunk.ts'));
    expect(graph.get(join(SRC, 'core', 'findings', 'types.ts'))).toContain(join(SRC, 'core', 'findings', 'catalog.ts'));
  });

  it('has no circles', () => {
    expect(circles(graph).map((c) => c.map((file) => relative(SRC, file)).join(' → '))).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
  });
});

/** Every file `entries` reach through relative imports (type-only and lazy ones too), the entries included. */
function reachableFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const next = resolveImport(file, i.fileName);
      if (next) visit(next);
    }
  };
  entries.forEach(visit);
  return seen;
}

describe('npm run bench', () => {
  const ROOT = resolve(SRC, '..');
  const reached = [...reachableFrom(sourceFiles(join(ROOT, 'bench')))].map((file) => relative(ROOT, file));

  it('runs the Office adapter on the Excel double from src/', () => {
    expect(reached).toContain(join('src', 'adapters', 'office', 'double', 'index.ts'));
  });

  it('imports no test code', () => {
    expect(reached.filter((file) => file.startsWith(`test${sep}`))).toEqual([]);
  });
});
