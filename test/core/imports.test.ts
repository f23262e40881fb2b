import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import ts from 'typescript';

/**
 * The import graph of src/ has no circles, type-only imports and lazy `import()` included: a circle means two
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

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    graph.set(file, imports.flatMap((i) => resolveImport(file, i.fileName) ?? []));
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
    expect(session).toContain(join(SRC, 'taskpane', 'core.ts'));
    expect(graph.get(join(SRC, 'core', 'findings', 'types.ts'))).toContain(join(SRC, 'core', 'findings', 'catalog.ts'));
  });

  it('has no circles', () => {
    expect(circles(graph).map((c) => c.map((file) => relative(SRC, file)).join(' → '))).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });
});
