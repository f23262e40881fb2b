'use strict';
/**
 * Checks the add-in manifest before it is shipped, without Microsoft's validator (which needs the network):
 * well-formed XML, the elements Office requires in schema order, sane values, every URL https and on the
 * origin of SourceLocation (SupportUrl may be any https address), every resource id defined, and every icon
 * a PNG in assets/ with the pixel size it is declared at.
 *
 *   node manifest/check.js [manifest.xml] [--assets assets]
 *
 * Exit status 0 when the manifest passes, 1 with one line per problem otherwise.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseXml, attrNS } = require('./xml');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};

/** The TaskPaneApp children, in the order the 1.1 schema requires; `true` marks the required ones. */
const TOP_LEVEL = [
  ['Id', true],
  ['AlternateId', false],
  ['Version', true],
  ['ProviderName', true],
  ['DefaultLocale', true],
  ['DisplayName', true],
  ['Description', true],
  ['IconUrl', true],
  ['HighResolutionIconUrl', true],
  ['SupportUrl', true],
  ['AppDomains', false],
  ['Hosts', true],
  ['Requirements', true],
  ['DefaultSettings', true],
  ['Permissions', true],
  ['Dictionary', false],
  ['VersionOverrides', true],
];
const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];
/** The sizes Office asks for: IconUrl 32 × 32, HighResolutionIconUrl 64 × 64. */
const APP_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };
const RIBBON_ICON_SIZES = ['16', '20', '24', '32', '40', '48', '64', '80'];

const children = (el, local, ns) => el.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns));
const child = (el, local, ns) => children(el, local, ns)[0];
const descendants = (el, pred, out = []) => {
  for (const c of el.children) {
    if (pred(c)) out.push(c);
    descendants(c, pred, out);
  }
  return out;
};
const at = (el) => `line ${el.line}`;

/** Width and height from a PNG's IHDR chunk, or an error text. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return { error: 'not a PNG file' };
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return { error: 'PNG without IHDR as its first chunk' };
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Checks manifest text. `assetsDir` is where the files behind the icon URLs live: a URL's path below the
 * directory of SourceLocation, e.g. `assets/icon-32.png`, is looked up as `<assetsDir>/icon-32.png`.
 * Returns the problems found (empty when the manifest is fine) and what was read.
 */
function checkManifest(xml, { assetsDir = path.join(__dirname, '..', 'assets') } = {}) {
  const errors = [];
  const problem = (message) => errors.push(message);
  let doc;
  try {
    doc = parseXml(xml);
  } catch (error) {
    return { errors: [`not well-formed XML: ${error.message}`], info: null };
  }
  const root = doc.root;
  if (root.local !== 'OfficeApp' || root.ns !== NS.app) {
    problem(`the root element must be OfficeApp in ${NS.app}, not <${root.name}> in ${root.ns ?? 'no namespace'}`);
    return { errors, info: null };
  }
  if (attrNS(root, NS.xsi, 'type') !== 'TaskPaneApp') problem('OfficeApp must have xsi:type="TaskPaneApp"');

  // Required children, each once, in schema order.
  const order = TOP_LEVEL.map(([name]) => name);
  let last = -1;
  for (const el of root.children) {
    const index = order.indexOf(el.local);
    if (el.ns !== NS.app && el.local !== 'VersionOverrides') {
      problem(`unexpected element <${el.name}> (${at(el)})`);
      continue;
    }
    if (index < 0) {
      problem(`unknown element <${el.name}> in OfficeApp (${at(el)})`);
      continue;
    }
    if (index < last) problem(`<${el.local}> is out of order: it must come before <${order[last]}> (${at(el)})`);
    last = Math.max(last, index);
  }
  for (const [name, required] of TOP_LEVEL) {
    const found = children(root, name);
    if (required && found.length === 0) problem(`<${name}> is missing`);
    if (found.length > 1) problem(`<${name}> appears ${found.length} times`);
  }

  const text = (name) => child(root, name)?.text.trim() ?? '';
  if (child(root, 'Id') && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text('Id')))
    problem(`<Id> must be a GUID, not "${text('Id')}"`);
  if (child(root, 'Version') && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text('Version')))
    problem(`<Version> must be n.n.n.n, not "${text('Version')}"`);
  if (child(root, 'ProviderName') && !text('ProviderName')) problem('<ProviderName> is empty');
  if (child(root, 'DefaultLocale') && !/^[a-z]{2,3}-[A-Z]{2}$/.test(text('DefaultLocale')))
    problem(`<DefaultLocale> must be a culture name such as nb-NO, not "${text('DefaultLocale')}"`);
  for (const [name, max] of [
    ['DisplayName', 125],
    ['Description', 250],
  ]) {
    const el = child(root, name);
    if (!el) continue;
    const strings = [el.attrs.DefaultValue, ...children(el, 'Override').map((o) => o.attrs.Value)];
    if (!el.attrs.DefaultValue) problem(`<${name}> has no DefaultValue`);
    for (const s of strings)
      if (s !== undefined && s.length > max) problem(`<${name}> text is longer than ${max} characters: "${s.slice(0, 40)}…"`);
    for (const o of children(el, 'Override'))
      if (!o.attrs.Locale || !o.attrs.Value) problem(`<${name}><Override> needs Locale and Value (${at(o)})`);
  }

  const hosts = child(root, 'Hosts');
  if (hosts && !children(hosts, 'Host').some((h) => h.attrs.Name === 'Workbook')) problem('<Hosts> has no <Host Name="Workbook"/>');

  const requirements = child(root, 'Requirements');
  const sets = requirements ? descendants(requirements, (e) => e.local === 'Set') : [];
  const excelApi = sets.find((s) => s.attrs.Name === 'ExcelApi');
  if (requirements && !excelApi) problem('<Requirements> does not name the ExcelApi set');
  if (excelApi && !/^1\.\d+$/.test(excelApi.attrs.MinVersion ?? '')) problem('the ExcelApi requirement needs a MinVersion such as 1.4');

  const permissions = text('Permissions');
  if (child(root, 'Permissions') && !PERMISSIONS.includes(permissions))
    problem(`<Permissions> must be one of ${PERMISSIONS.join(', ')}, not "${permissions}"`);

  const sourceEl = child(root, 'DefaultSettings') && child(child(root, 'DefaultSettings'), 'SourceLocation');
  const source = sourceEl?.attrs.DefaultValue ?? '';
  if (child(root, 'DefaultSettings') && !source) problem('<DefaultSettings><SourceLocation DefaultValue> is missing');

  // VersionOverrides: the ribbon button and its resources.
  const overrides = child(root, 'VersionOverrides');
  const resources = new Map();
  const resourceSizes = new Map();
  if (overrides) {
    if (overrides.ns !== NS.ov) problem(`<VersionOverrides> must be in ${NS.ov}`);
    if (attrNS(overrides, NS.xsi, 'type') !== 'VersionOverridesV1_0')
      problem('<VersionOverrides> must have xsi:type="VersionOverridesV1_0"');
    const resEl = child(overrides, 'Resources');
    if (!resEl) problem('<VersionOverrides> has no <Resources>');
    const groups = { Images: 'Image', Urls: 'Url', ShortStrings: 'String', LongStrings: 'String' };
    for (const [group, item] of Object.entries(groups)) {
      const groupEl = resEl && child(resEl, group, NS.bt);
      for (const el of groupEl ? children(groupEl, item, NS.bt) : []) {
        const id = el.attrs.id ?? '';
        if (!id) {
          problem(`a <bt:${item}> in <bt:${group}> has no id (${at(el)})`);
          continue;
        }
        if (id.length > 32) problem(`resource id "${id}" is longer than 32 characters`);
        if (resources.has(id)) problem(`resource id "${id}" is defined twice`);
        resources.set(id, { group, el });
        if (!el.attrs.DefaultValue) problem(`resource "${id}" has no DefaultValue`);
        const max = group === 'ShortStrings' ? 125 : group === 'LongStrings' ? 250 : Infinity;
        const texts = [el.attrs.DefaultValue ?? '', ...children(el, 'Override', NS.bt).map((o) => o.attrs.Value ?? '')];
        if (texts.some((s) => s.length > max)) problem(`resource "${id}" is longer than ${max} characters`);
        for (const o of children(el, 'Override', NS.bt))
          if (!o.attrs.Locale || !o.attrs.Value) problem(`resource "${id}" has an Override without Locale or Value`);
      }
    }
    // Every resid points at a resource of the right kind.
    const kindOf = (el) =>
      el.local === 'Image'
        ? 'Images'
        : ['SourceLocation', 'LearnMoreUrl', 'FunctionFile'].includes(el.local)
          ? 'Urls'
          : el.local === 'Description'
            ? 'LongStrings'
            : 'ShortStrings';
    for (const el of descendants(overrides, (e) => e.attrs.resid !== undefined)) {
      const res = resources.get(el.attrs.resid);
      if (!res) {
        problem(`resid "${el.attrs.resid}" of <${el.local}> (${at(el)}) is not defined in <Resources>`);
        continue;
      }
      if (res.group !== kindOf(el))
        problem(`resid "${el.attrs.resid}" of <${el.local}> (${at(el)}) must name a ${kindOf(el)} resource, not ${res.group}`);
      if (el.local === 'Image') {
        const size = el.attrs.size ?? '';
        if (!RIBBON_ICON_SIZES.includes(size)) problem(`<bt:Image size="${size}"> (${at(el)}) is not a ribbon icon size`);
        const sizes = resourceSizes.get(el.attrs.resid) ?? new Set();
        sizes.add(Number(size));
        resourceSizes.set(el.attrs.resid, sizes);
      }
    }
    const workbookHost = descendants(overrides, (e) => e.local === 'Host' && attrNS(e, NS.xsi, 'type') === 'Workbook')[0];
    if (!workbookHost) problem('<VersionOverrides> has no <Host xsi:type="Workbook">');
    const surface =
      workbookHost &&
      descendants(workbookHost, (e) => e.local === 'ExtensionPoint' && attrNS(e, NS.xsi, 'type') === 'PrimaryCommandSurface')[0];
    if (workbookHost && !surface) problem('the Workbook host has no PrimaryCommandSurface extension point');
    const buttons = surface ? descendants(surface, (e) => e.local === 'Control' && attrNS(e, NS.xsi, 'type') === 'Button') : [];
    const paneButton = buttons.find(
      (b) => descendants(b, (e) => e.local === 'Action' && attrNS(e, NS.xsi, 'type') === 'ShowTaskpane').length > 0,
    );
    if (surface && !paneButton) problem('no ribbon button with a ShowTaskpane action');
    if (paneButton) {
      const tab = surface.children.find((t) => t.local === 'OfficeTab' || t.local === 'CustomTab');
      if (!tab) problem('the button is on no tab');
      for (const need of ['Label', 'Supertip', 'Icon']) if (!child(paneButton, need)) problem(`the ribbon button has no <${need}>`);
      const action = descendants(paneButton, (e) => e.local === 'Action')[0];
      if (action && !child(action, 'SourceLocation')) problem('the ShowTaskpane action has no <SourceLocation>');
    }
    const ids = descendants(overrides, (e) => (e.local === 'Group' || e.local === 'Control') && e.attrs.id !== undefined).map(
      (e) => e.attrs.id,
    );
    for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problem(`control id "${id}" is used twice`);
  }

  // URLs: https everywhere; one origin, that of SourceLocation, except SupportUrl.
  let origin = null;
  let basePath = '/';
  try {
    const url = new URL(source);
    origin = url.origin;
    basePath = url.pathname.replace(/[^/]*$/, '');
    if (url.protocol !== 'https:') problem(`SourceLocation must be https: ${source}`);
  } catch {
    if (source) problem(`SourceLocation is not a URL: ${source}`);
  }
  const urls = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = child(root, name);
    if (!el) continue;
    if (!el.attrs.DefaultValue) problem(`<${name}> has no DefaultValue`);
    urls.push({ where: name, url: el.attrs.DefaultValue ?? '', anyOrigin: name === 'SupportUrl' });
    for (const o of children(el, 'Override'))
      urls.push({ where: `${name} (${o.attrs.Locale})`, url: o.attrs.Value ?? '', anyOrigin: name === 'SupportUrl' });
  }
  if (sourceEl)
    for (const o of children(sourceEl, 'Override')) urls.push({ where: `SourceLocation (${o.attrs.Locale})`, url: o.attrs.Value ?? '' });
  for (const [id, { group, el }] of resources) {
    if (group !== 'Images' && group !== 'Urls') continue;
    urls.push({ where: `resource ${id}`, url: el.attrs.DefaultValue ?? '' });
    for (const o of children(el, 'Override', NS.bt)) urls.push({ where: `resource ${id} (${o.attrs.Locale})`, url: o.attrs.Value ?? '' });
  }
  const appDomains = child(root, 'AppDomains');
  for (const d of appDomains ? children(appDomains, 'AppDomain') : [])
    urls.push({ where: 'AppDomain', url: d.text.trim(), anyOrigin: true });
  for (const { where, url, anyOrigin } of urls) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      problem(`${where}: "${url}" is not an absolute URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') problem(`${where}: ${url} is not https`);
    else if (!anyOrigin && origin !== null && parsed.origin !== origin) problem(`${where}: ${url} is not on the add-in's origin ${origin}`);
  }
  // Nothing else in the file may point at plain http (namespace names are identifiers, not links).
  const walk = (el) => {
    for (const [name, v] of Object.entries(el.attrs))
      if (!name.startsWith('xmlns') && /^http:\/\//i.test(v.trim())) problem(`<${el.name} ${name}> (${at(el)}) is an http URL: ${v}`);
    if (/^http:\/\//i.test(el.text.trim())) problem(`<${el.name}> (${at(el)}) holds an http URL`);
    el.children.forEach(walk);
  };
  walk(root);

  // Icons: a PNG of the declared size behind every icon URL.
  const icons = [];
  for (const [name, size] of Object.entries(APP_ICON_SIZES)) {
    const el = child(root, name);
    if (el?.attrs.DefaultValue) icons.push({ where: name, url: el.attrs.DefaultValue, sizes: new Set([size]) });
  }
  for (const [id, { group, el }] of resources) {
    if (group !== 'Images') continue;
    const sizes = resourceSizes.get(id);
    if (!sizes) {
      problem(`image resource "${id}" is never used`);
      continue;
    }
    if (sizes.size > 1) problem(`image resource "${id}" is used at several sizes (${[...sizes].join(', ')}); each size needs its own file`);
    icons.push({ where: `resource ${id}`, url: el.attrs.DefaultValue ?? '', sizes });
  }
  for (const icon of icons) {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(icon.url).pathname);
    } catch {
      continue;
    }
    if (!pathname.startsWith(basePath)) {
      problem(`${icon.where}: ${icon.url} is outside the add-in's folder ${basePath}`);
      continue;
    }
    const relative = pathname.slice(basePath.length);
    if (!relative.startsWith('assets/') || relative.includes('..')) {
      problem(`${icon.where}: ${icon.url} is not in assets/`);
      continue;
    }
    if (!relative.toLowerCase().endsWith('.png')) problem(`${icon.where}: ${relative} is not a .png`);
    const file = path.join(assetsDir, relative.slice('assets/'.length));
    if (!fs.existsSync(file)) {
      problem(`${icon.where}: ${relative} does not exist (looked for ${path.relative(process.cwd(), file)})`);
      continue;
    }
    const size = pngSize(fs.readFileSync(file));
    if (size.error) {
      problem(`${icon.where}: ${relative} is ${size.error}`);
      continue;
    }
    for (const want of icon.sizes) {
      if (size.width !== want || size.height !== want)
        problem(`${icon.where}: ${relative} is ${size.width}×${size.height} px, declared as ${want}×${want}`);
    }
  }

  return {
    errors,
    info: { id: text('Id'), version: text('Version'), source, origin, icons: icons.map((i) => i.url) },
  };
}

function main(argv) {
  const args = argv.slice(2);
  const assetsAt = args.indexOf('--assets');
  const assetsDir = assetsAt >= 0 ? path.resolve(args[assetsAt + 1] ?? '') : path.join(__dirname, '..', 'assets');
  const file = path.resolve(
    args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--assets') ?? path.join(__dirname, '..', 'manifest.xml'),
  );
  const { errors } = checkManifest(fs.readFileSync(file, 'utf8'), { assetsDir });
  const name = path.relative(process.cwd(), file) || file;
  if (errors.length > 0) {
    for (const e of errors) console.error(`${name}: ${e}`);
    return 1;
  }
  console.log(`${name}: ok`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv);

module.exports = { checkManifest, pngSize };
