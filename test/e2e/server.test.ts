/**
 * scripts/serve.js, the server of `npm start`, on its own: content types, the CSP header, only files under
 * the root, a busy port.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostHeaderProblems } from '../../scripts/check-headers';
import { metaCsp, staleReason, startServer, type RunningServer } from '../../scripts/serve';
import { WEB_ROOT } from './support/browser';

/** A raw GET, so paths like /../x reach the server as written (fetch would normalise them). */
function get(
  server: RunningServer,
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const base = mkdtempSync(join(tmpdir(), 'hp-serve-'));
const root = join(base, 'web');
const CSP = "default-src 'none'; script-src 'self'";

let server: RunningServer;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'taskpane.html'),
    `<!doctype html><html><head><meta charset=utf-8><meta http-equiv=Content-Security-Policy content="${CSP}"><title>Å</title></head></html>`,
  );
  writeFileSync(join(root, 'taskpane.1234abcd.js'), 'console.log("æøå")');
  writeFileSync(join(root, 'manifest.xml'), '<?xml version="1.0"?><OfficeApp/>');
  writeFileSync(join(root, 'data.json'), '{}');
  writeFileSync(join(root, 'assets', 'icon-32.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(root, '.hidden'), 'secret');
  writeFileSync(join(base, 'secret.txt'), 'outside');
  symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
  server = await startServer({ root, port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

test('content types, UTF-8 text, and the page’s meta CSP repeated as a header', async () => {
  const html = await get(server, '/taskpane.html');
  expect(html.status).toBe(200);
  expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(html.headers['content-security-policy']).toBe(CSP);
  expect(html.headers['x-content-type-options']).toBe('nosniff');
  expect(html.body).toContain('<title>Å</title>');
  const types: [string, string][] = [
    ['/taskpane.1234abcd.js', 'text/javascript; charset=utf-8'],
    ['/manifest.xml', 'application/xml; charset=utf-8'],
    ['/data.json', 'application/json; charset=utf-8'],
    ['/assets/icon-32.png', 'image/png'],
  ];
  for (const [path, type] of types) {
    const res = await get(server, path);
    expect([path, res.status, res.headers['content-type']]).toEqual([path, 200, type]);
    expect(res.headers['content-security-policy']).toBeUndefined();
  }
  expect((await get(server, '/taskpane.1234abcd.js')).body).toBe('console.log("æøå")');
});

test('/ leads to the page, keeping the query', async () => {
  const res = await get(server, '/?sample=1');
  expect(res.status).toBe(302);
  expect(res.headers.location).toBe('/taskpane.html?sample=1');
});

test('nothing outside the root, nothing hidden, no directories, only GET and HEAD', async () => {
  for (const path of [
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/link.txt',
    '/.hidden',
    '/assets',
    '/assets/',
    '/nope.js',
    '/taskpane.html%00.js',
    '/%E0%A4%A',
  ]) {
    const res = await get(server, path);
    expect([path, res.status]).toEqual([path, 404]);
    expect(res.body).not.toContain('outside');
    expect(res.body).not.toContain('secret');
  }
  const post = await get(server, '/taskpane.html', 'POST');
  expect(post.status).toBe(405);
  const head = await get(server, '/taskpane.html', 'HEAD');
  expect(head.status).toBe(200);
  expect(head.body).toBe('');
});

test('a busy port: with portAttempts the next free one is taken; without, the error is reported', async () => {
  const first = await startServer({ root, port: 0 });
  try {
    await expect(startServer({ root, port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const second = await startServer({ root, port: first.port, portAttempts: 10 });
    try {
      expect(second.port).toBeGreaterThan(first.port);
      expect(second.url).toBe(`http://127.0.0.1:${second.port}/`);
    } finally {
      await second.close();
    }
  } finally {
    await first.close();
  }
});

test('metaCsp reads quoted and minified meta tags', () => {
  expect(metaCsp('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">')).toBe("default-src 'none'");
  expect(metaCsp(`<meta content="img-src 'self'" http-equiv=content-security-policy>`)).toBe("img-src 'self'");
  expect(metaCsp('<meta charset=utf-8>')).toBeUndefined();
});

test('npm start serves the build npm ci made, and rebuilds only when a source is newer than it', () => {
  const repo = join(base, 'repo');
  const at = (file: string, seconds: number) => {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'x');
    utimesSync(file, seconds, seconds);
  };
  at(join(repo, 'src', 'core', 'a.ts'), 1_000);
  at(join(repo, 'package.json'), 1_000);
  expect(staleReason(repo)).toBe('dist/web/taskpane.html is missing');
  at(join(repo, 'dist', 'web', 'taskpane.html'), 2_000);
  expect(staleReason(repo)).toBe('dist/cli/main.js is missing');
  at(join(repo, 'dist', 'cli', 'main.js'), 2_000);
  expect(staleReason(repo)).toBeUndefined();
  // An edit after the build, however deep: build again.
  at(join(repo, 'src', 'core', 'a.ts'), 3_000);
  expect(staleReason(repo)).toBe('src changed since the last build');
  at(join(repo, 'dist', 'web', 'taskpane.html'), 4_000);
  at(join(repo, 'dist', 'cli', 'main.js'), 4_000);
  expect(staleReason(repo)).toBeUndefined();
});

describe('the headers a host must and must not send (scripts/check-headers.js), offline', () => {
  test("npm start's server, serving the built page with its own CSP as a header, passes", async () => {
    const built = await startServer({ root: WEB_ROOT, port: 0 });
    try {
      const page = await get(built, '/taskpane.html');
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toContain('https://appsforoffice.microsoft.com');
      expect(hostHeaderProblems(page.headers, { status: page.status })).toEqual([]);
    } finally {
      await built.close();
    }
  });

  const ok = { 'content-type': 'text/html; charset=utf-8' };
  test.each([
    [{ 'X-Frame-Options': 'DENY' }, /X-Frame-Options: DENY/],
    [{ 'x-frame-options': 'SAMEORIGIN' }, /X-Frame-Options: SAMEORIGIN/],
    [
      { 'Content-Security-Policy': "script-src 'self' https://appsforoffice.microsoft.com; frame-ancestors 'self'" },
      /frame-ancestors 'self' leaves Office out/,
    ],
    [{ 'Content-Security-Policy': "frame-ancestors 'none'" }, /leaves Office out/],
    [{ 'Content-Security-Policy': "script-src 'self'" }, /does not allow https:\/\/appsforoffice\.microsoft\.com/],
    [{ 'Cross-Origin-Embedder-Policy': 'require-corp' }, /blocks Office\.js/],
    [{ 'Cross-Origin-Resource-Policy': 'same-origin' }, /keeps Office from embedding/],
  ])('%p is refused', (headers, problem) => {
    const problems = hostHeaderProblems({ ...ok, ...headers });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  test('a frame-ancestors that lets Office in, plain HTTP and a wrong type', () => {
    expect(
      hostHeaderProblems({
        ...ok,
        'Content-Security-Policy':
          "script-src 'self' https://appsforoffice.microsoft.com; frame-ancestors https://*.officeapps.live.com https://*.office.com",
      }),
    ).toEqual([]);
    expect(hostHeaderProblems(ok, { url: 'http://example.no/taskpane.html' })).toEqual([expect.stringMatching(/not HTTPS/)]);
    expect(hostHeaderProblems({ 'content-type': 'text/plain' })).toEqual([expect.stringMatching(/not text\/html/)]);
  });
});
