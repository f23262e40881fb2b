#!/usr/bin/env node
'use strict';
/**
 * What a host must and must not send with taskpane.html for Excel to show it in its task pane.
 *
 *   node scripts/check-headers.js https://addins.example.no/handlingsplan/taskpane.html
 *
 * Excel on the web shows the pane in an iframe on an Office origin, and Excel on Windows and Mac in a
 * webview that frames it the same way, so:
 * - HTTPS, status 200, Content-Type text/html;
 * - no X-Frame-Options, whatever its value (DENY and SAMEORIGIN both keep Office from framing the page; there
 *   is no value that allows Office);
 * - no Content-Security-Policy `frame-ancestors` that leaves Office out: either none, or one that allows
 *   Office's origins (FRAME_ANCESTORS below);
 * - no Cross-Origin-Embedder-Policy `require-corp`/`credentialless` (Office.js from Microsoft's CDN would be
 *   blocked) and no Cross-Origin-Resource-Policy `same-origin` (Office could not embed the page);
 * - a Content-Security-Policy header, if sent, no stricter than the page's own meta tag (scripts from
 *   itself and appsforoffice.microsoft.com).
 * GitHub Pages sends none of the forbidden headers (and no CSP header: the page's meta tag applies), which is
 * why the Pages workflow (.github/workflows/pages.yml) needs no configuration. Tests run the same check offline
 * against scripts/serve.js (test/e2e/server.test.ts).
 */

/** Origins Office frames add-in pages from: Excel on the web, and the desktop hosts' own. */
const FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.sharepoint.com',
  'https://*.cloud.microsoft',
];

/** Office.js's CDN, which the page's own policy allows for scripts. */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

function lower(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

/** The directives of a CSP header, by name (lower case), as token lists. */
function directives(policy) {
  const map = new Map();
  for (const part of policy.split(';')) {
    const tokens = part
      .trim()
      .split(/\s+/)
      .filter((t) => t !== '');
    if (tokens.length > 0 && !map.has(tokens[0].toLowerCase())) map.set(tokens[0].toLowerCase(), tokens.slice(1));
  }
  return map;
}

/** Whether a frame-ancestors list lets Office frame the page. */
function allowsOffice(sources) {
  if (sources.includes('*') || sources.includes('https:')) return true;
  return ['https://*.officeapps.live.com', 'https://*.office.com'].every((needed) => sources.includes(needed));
}

/**
 * The problems with the response headers of taskpane.html, as sentences; an empty list when Excel can show it.
 * @param {Record<string, string | string[] | undefined>} raw
 * @param {{ url?: string, status?: number }} [response]
 * @returns {string[]}
 */
function hostHeaderProblems(raw, response = {}) {
  const headers = lower(raw);
  const problems = [];
  if (response.url !== undefined && !response.url.startsWith('https://'))
    problems.push(`${response.url} is not HTTPS: Excel loads add-ins over HTTPS only`);
  if (response.status !== undefined && response.status !== 200) problems.push(`status ${response.status}, not 200`);
  if (!/^text\/html\b/i.test(headers['content-type'] ?? ''))
    problems.push(`Content-Type is "${headers['content-type'] ?? ''}", not text/html`);
  if (headers['x-frame-options'] !== undefined)
    problems.push(`X-Frame-Options: ${headers['x-frame-options']} keeps Office from showing the page in its task pane; do not send it`);
  const csp = headers['content-security-policy'];
  if (csp !== undefined) {
    const d = directives(csp);
    const ancestors = d.get('frame-ancestors');
    if (ancestors !== undefined && !allowsOffice(ancestors))
      problems.push(
        `Content-Security-Policy frame-ancestors ${ancestors.join(' ') || '(empty)'} leaves Office out; drop it, or allow ${FRAME_ANCESTORS.join(' ')}`,
      );
    const scripts = d.get('script-src') ?? d.get('default-src');
    if (
      scripts !== undefined &&
      !scripts.includes('*') &&
      !scripts.some((s) => s === OFFICE_CDN || s === `${OFFICE_CDN}/` || s === 'https:')
    ) {
      problems.push(`Content-Security-Policy script-src does not allow ${OFFICE_CDN}: Office.js could not load`);
    }
  }
  const coep = headers['cross-origin-embedder-policy'];
  if (coep !== undefined && /require-corp|credentialless/i.test(coep))
    problems.push(`Cross-Origin-Embedder-Policy: ${coep} blocks Office.js from Microsoft's CDN`);
  const corp = headers['cross-origin-resource-policy'];
  if (corp !== undefined && /same-origin|same-site/i.test(corp))
    problems.push(`Cross-Origin-Resource-Policy: ${corp} keeps Office from embedding the page`);
  return problems;
}

async function main(argv) {
  const url = argv[0];
  if (url === undefined || url === '-h' || url === '--help') {
    console.log('usage: node scripts/check-headers.js https://your-host/path/taskpane.html');
    return url === undefined ? 2 : 0;
  }
  let response;
  try {
    response = await globalThis.fetch(url, { redirect: 'follow' });
  } catch (error) {
    console.error(`check-headers: cannot fetch ${url}: ${error.message}`);
    return 2;
  }
  const problems = hostHeaderProblems(Object.fromEntries(response.headers.entries()), { url: response.url, status: response.status });
  if (problems.length === 0) {
    console.log(`${response.url}: the headers let Excel show the pane.`);
    return 0;
  }
  for (const problem of problems) console.error(`check-headers: ${problem}`);
  return 1;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

module.exports = { hostHeaderProblems, FRAME_ANCESTORS };
