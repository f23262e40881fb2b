#!/usr/bin/env node
'use strict';
/**
 * `npm start`: serves dist/web on this machine until Ctrl-C, and prints the standalone page's address and
 * how to sideload the add-in into Excel. `npm ci` has built dist/ already (`prepare`), so this serves that
 * build; it runs `npm run build` first only when dist/ is missing or a source is newer than it (an edit
 * since), and says which.
 *
 *   node scripts/serve.js [--build | --no-build] [--port 3000] [--http]      (PORT=3000 works too)
 *
 * A small static server with no dependencies (node:http): only files under dist/web, GET and HEAD, the
 * content types the page needs, the HTML pages' own Content-Security-Policy (their meta tag) repeated as a
 * header, text gzipped when the browser accepts it. Plain HTTP on 127.0.0.1; HTTPS only when an Office dev certificate is already installed
 * (~/.office-addin-dev-certs, made by `npx office-addin-dev-certs install`), never made or trusted here.
 * A busy port: the next free one is taken, and said so.
 *
 * Tests start it in-process: `const { url, close } = await startServer({ root, port: 0 })`.
 */
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const WEB_ROOT = path.join(ROOT, 'dist', 'web');
const DEFAULT_PORT = 3000;
/** How many ports after the asked one `npm start` tries when it is busy. */
const PORT_ATTEMPTS = 20;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The kinds of file sent gzipped when the browser accepts it. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.xml', '.txt', '.svg']);

/** A file's gzipped bytes, made once per version of the file (by path, size and modification time). */
const gzipCache = new Map();
function gzipped(file, raw) {
  const { mtimeMs, size } = fs.statSync(file);
  const key = `${file}|${size}|${mtimeMs}`;
  let zipped = gzipCache.get(key);
  if (zipped === undefined) {
    zipped = zlib.gzipSync(raw, { level: 6 });
    gzipCache.set(key, zipped);
  }
  return zipped;
}

/** The page's own policy, from its `<meta http-equiv="Content-Security-Policy">`, to repeat as a header. */
function metaCsp(html) {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/\bhttp-equiv\s*=\s*["']?Content-Security-Policy\b/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (content)
      return (content[1] ?? content[2] ?? '')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
  }
  return undefined;
}

/** The file under `root` for a request path, or undefined when it is outside, hidden or not a plain path. */
function resolveFile(root, rawPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const parts = decoded.split('/').filter((p) => p !== '');
  // No `..`, and no dot files (nothing hidden is part of the page).
  if (parts.some((p) => p.startsWith('.'))) return undefined;
  const file = path.resolve(root, ...parts);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

function handler(root) {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(302, { Location: `/taskpane.html${url.search}`, 'Content-Length': 0 });
      res.end();
      return;
    }
    const file = resolveFile(root, url.pathname);
    let real;
    try {
      // A link inside dist/web that points out of it is refused too.
      real = file === undefined ? undefined : fs.realpathSync(file);
    } catch {
      real = undefined;
    }
    if (real === undefined || !real.startsWith(root + path.sep) || !fs.statSync(real).isFile()) {
      send(res, 404, 'Not found\n');
      return;
    }
    const ext = path.extname(real).toLowerCase();
    const raw = fs.readFileSync(real);
    // Text goes gzipped to a browser that takes it, as any static host sends it (GitHub Pages does): the
    // page's JavaScript is a quarter of its size on the wire, which is what a slow line feels.
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? gzipped(real, raw) : raw;
    const headers = {
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      ...(COMPRESSIBLE.has(ext) ? { Vary: 'Accept-Encoding' } : {}),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // A development server: always the file as it is now (the bundle's names change with each build anyway).
      'Cache-Control': 'no-cache',
    };
    if (ext === '.html') {
      const csp = metaCsp(raw.toString('utf8'));
      if (csp) headers['Content-Security-Policy'] = csp;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Serves `root` on `host` (127.0.0.1). `port` 0 takes any free port; with `portAttempts` > 1 a busy port is
 * followed by the next ones. `tls` ({ key, cert }) serves HTTPS instead. Resolves when it is listening.
 * @param {{ root?: string, port?: number, host?: string, portAttempts?: number, tls?: { key: Buffer, cert: Buffer } }} [options]
 * @returns {Promise<{ url: string, port: number, protocol: 'http' | 'https', close: () => Promise<void> }>}
 */
async function startServer({ root = WEB_ROOT, port = DEFAULT_PORT, host = '127.0.0.1', portAttempts = 1, tls } = {}) {
  const dir = fs.realpathSync(path.resolve(root));
  const serve = handler(dir);
  const attempts = port === 0 ? 1 : Math.max(1, portAttempts);
  let lastError;
  for (let i = 0; i < attempts; i++) {
    const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, serve) : http.createServer(serve);
    try {
      const bound = await listen(server, port === 0 ? 0 : port + i, host);
      const protocol = tls ? 'https' : 'http';
      const close = () =>
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      return { url: `${protocol}://${host}:${bound}/`, port: bound, protocol, close };
    } catch (error) {
      lastError = error;
      if (error.code !== 'EADDRINUSE') throw error;
    }
  }
  throw lastError;
}

/** The Office dev certificate, when `office-addin-dev-certs install` has already made and trusted one. */
function officeDevCert() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  try {
    return { key: fs.readFileSync(path.join(dir, 'localhost.key')), cert: fs.readFileSync(path.join(dir, 'localhost.crt')) };
  } catch {
    return undefined;
  }
}

function parseArgs(argv) {
  /** 'auto': build only when dist/ is stale; true: always; false: never. */
  const options = { build: 'auto', port: undefined, https: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--build') options.build = true;
    else if (arg === '--http') options.https = false;
    else if (arg === '--port') options.port = argv[++i];
    else if (arg.startsWith('--port=')) options.port = arg.slice('--port='.length);
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown option: ${arg} (use --build, --no-build, --port N, --http)`);
  }
  const raw = options.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`not a port number: ${raw}`);
  return { ...options, port };
}

/** What the build reads: a change to any of these makes dist/ stale. */
const BUILD_INPUTS = [
  'src',
  'assets',
  'manifest',
  'manifest.xml',
  'webpack.config.js',
  'tsconfig.json',
  'tsconfig.build.json',
  'tsconfig.web.json',
  'package.json',
  'package-lock.json',
];
/** What the build writes, one file per part: the page and the CLI. */
const BUILD_OUTPUTS = [path.join('dist', 'web', 'taskpane.html'), path.join('dist', 'cli', 'main.js')];

/** The newest modification time of the files under `file` (a file or a folder), 0 when there are none. */
function newestMtime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  // Files only: a folder's own time changes when anything in it is written, sources or not.
  let newest = 0;
  for (const name of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, name)));
  return newest;
}

/**
 * Why dist/ must be built before it is served, or undefined when it is up to date: a part is missing, or a
 * source was changed after the oldest part was built.
 * @param {string} [root]
 * @returns {string | undefined}
 */
function staleReason(root = ROOT) {
  let oldest = Infinity;
  for (const output of BUILD_OUTPUTS) {
    const built = newestMtime(path.join(root, output));
    if (built === 0) return `${output} is missing`;
    oldest = Math.min(oldest, built);
  }
  for (const input of BUILD_INPUTS) {
    if (newestMtime(path.join(root, input)) > oldest) return `${input} changed since the last build`;
  }
  return undefined;
}

function build() {
  // Through the npm that runs us (`npm start`), else the one on the path.
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

async function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(`serve: ${error.message}`);
    return 2;
  }
  if (options.help) {
    console.log('usage: npm start [-- --build | --no-build] [-- --port 3000] [-- --http]   (PORT=3000 works too)');
    console.log('  dist/ is rebuilt only when a source is newer than it; --build always rebuilds, --no-build never.');
    return 0;
  }
  const reason = options.build === true ? 'asked for with --build' : options.build === 'auto' ? staleReason() : undefined;
  if (reason !== undefined) {
    console.log(`Building dist/ first (${reason}) …`);
    if (!build()) {
      console.error('serve: the build failed; nothing is served.');
      return 1;
    }
  } else if (options.build === 'auto') {
    console.log('dist/ is up to date with the sources (built by npm ci or the last npm start); serving it without building.');
  }
  if (!fs.existsSync(path.join(WEB_ROOT, 'taskpane.html'))) {
    console.error('serve: dist/web/taskpane.html is missing; run `npm run build` (or `npm start` without --no-build).');
    return 1;
  }
  const tls = options.https ? officeDevCert() : undefined;
  let server;
  try {
    server = await startServer({ root: WEB_ROOT, port: options.port, portAttempts: PORT_ATTEMPTS, tls });
  } catch (error) {
    console.error(
      `serve: cannot listen on 127.0.0.1:${options.port}${PORT_ATTEMPTS > 1 ? ` or the next ${PORT_ATTEMPTS - 1} ports` : ''}: ${error.message}`,
    );
    return 1;
  }
  const base = `${server.protocol}://localhost:${server.port}`;
  if (server.port !== options.port) console.log(`Port ${options.port} is busy; using ${server.port} instead.`);
  console.log('');
  console.log(`Handlingsplan is served from dist/web at ${base}/`);
  console.log(`  Standalone page with the sample: ${base}/taskpane.html?sample=1`);
  console.log(`  Standalone page:                 ${base}/taskpane.html`);
  console.log('');
  console.log('In Excel (sideload dist/web/manifest.xml):');
  if (server.protocol === 'https' && server.port === 3000) {
    console.log('  The manifest points to https://localhost:3000, which this server is (Office dev certificate found).');
  } else {
    console.log(
      `  Excel loads add-ins only over HTTPS; the manifest points to https://localhost:3000, ${server.protocol === 'https' ? 'not this port' : 'this server is plain HTTP'}.`,
    );
    console.log(
      '  Host dist/web over HTTPS, built for that address: npm run build -- --env ADDIN_URL=https://your-host/path (README, "The Excel add-in").',
    );
  }
  console.log('  Excel on the web: Home > Add-ins > More add-ins > My add-ins > Upload My Add-in > dist/web/manifest.xml.');
  console.log(
    '  Excel desktop: Windows, a shared-folder catalog (Trust Center); Mac, copy it to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/.',
  );
  console.log('');
  console.log('Press Ctrl-C to stop.');

  await new Promise((resolve) => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const stop = () => {
      for (const signal of signals) process.off(signal, stop);
      void server.close().then(resolve);
    };
    for (const signal of signals) process.on(signal, stop);
  });
  console.log('Stopped.');
  return 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

module.exports = { startServer, metaCsp, resolveFile, staleReason, BUILD_INPUTS, CONTENT_TYPES, DEFAULT_PORT };
