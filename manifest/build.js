'use strict';
/**
 * Writes the manifest for a deployment: manifest.xml with every https://localhost:3000 (the development
 * server) replaced by the add-in's base URL, then checked like the source (manifest/check.js).
 *
 *   node manifest/build.js [https://host/path]     (or ADDIN_URL=https://host/path node manifest/build.js)
 *
 * webpack runs the same function (`webpack --env ADDIN_URL=…`) and emits dist/web/manifest.xml.
 */
const fs = require('node:fs');
const path = require('node:path');
const { checkManifest } = require('./check');

const DEV_URL = 'https://localhost:3000';
const SOURCE = path.join(__dirname, '..', 'manifest.xml');

/** The base URL as the manifest uses it: https, no query or fragment, no trailing slash. */
function normalizeAddinUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must be https (Office loads add-ins only over https): ${value}`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`ADDIN_URL must be a plain base URL, without query, fragment or credentials: ${value}`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The manifest text for `addinUrl` (default: the development server). */
function buildManifest(xml, addinUrl = DEV_URL) {
  const base = normalizeAddinUrl(addinUrl);
  // The base URL is inserted into attribute values: escape what XML would otherwise read as markup.
  const escaped = base.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  // The shipped manifest carries no comments (they describe the source file, not a deployment).
  const bare = xml.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, '');
  return bare.split(DEV_URL).join(escaped);
}

/** Builds and checks; throws with every problem listed when the result does not pass. */
function buildCheckedManifest({ addinUrl = DEV_URL, source = SOURCE, assetsDir = path.join(__dirname, '..', 'assets') } = {}) {
  const xml = buildManifest(fs.readFileSync(source, 'utf8'), addinUrl);
  const { errors } = checkManifest(xml, { assetsDir });
  if (errors.length > 0) throw new Error(`manifest for ${addinUrl} does not pass its check:\n  ${errors.join('\n  ')}`);
  return xml;
}

function main(argv) {
  const addinUrl = argv[2] ?? process.env.ADDIN_URL ?? DEV_URL;
  const out = path.join(__dirname, '..', 'dist', 'web', 'manifest.xml');
  try {
    const xml = buildCheckedManifest({ addinUrl });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, xml);
    console.log(`wrote ${path.relative(process.cwd(), out)} for ${normalizeAddinUrl(addinUrl)}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv);

module.exports = { buildManifest, buildCheckedManifest, normalizeAddinUrl, DEV_URL };
