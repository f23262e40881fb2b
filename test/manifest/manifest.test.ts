import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { buildCheckedManifest, buildManifest, normalizeAddinUrl } from '../../manifest/build';
import { checkManifest, pngSize } from '../../manifest/check';
import { drawIcon, SIZES } from '../../manifest/icons';
import { parseXml } from '../../manifest/xml';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const ASSETS = join(ROOT, 'assets');

const check = (xml: string, assetsDir = ASSETS) => checkManifest(xml, { assetsDir }).errors;

describe('manifest.xml', () => {
  test('passes the check (the same one `node manifest/check.js` runs)', () => {
    expect(check(MANIFEST)).toEqual([]);
    const cli = spawnSync(process.execPath, [join(ROOT, 'manifest', 'check.js')], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
  });

  test('declares what the brief asks: ExcelApi 1.9 (the oldest Excel supported, see manifest.xml), ReadWriteDocument, nb-NO with en-US, a Home tab button', () => {
    const { root } = parseXml(MANIFEST);
    const child = (name: string) => root.children.find((c) => c.local === name);
    expect(child('DefaultLocale')?.text).toBe('nb-NO');
    expect(child('Permissions')?.text).toBe('ReadWriteDocument');
    expect(child('DisplayName')?.children.map((o) => o.attrs.Locale)).toEqual(['en-US']);
    expect(MANIFEST).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
    expect(MANIFEST).toContain('<OfficeTab id="TabHome">');
    expect(MANIFEST).toContain('<Action xsi:type="ShowTaskpane">');
    expect(child('DefaultSettings')?.children[0]?.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
  });
});

describe('the check finds', () => {
  const broken = (from: string, to: string) => {
    expect(MANIFEST).toContain(from);
    return MANIFEST.replace(from, to);
  };

  test.each([
    ['an unclosed element', '<ProviderName>Handlingsplan</ProviderName>', '<ProviderName>Handlingsplan', /never closed|closes/],
    ["'--' inside a comment", '<!-- The oldest Excel supported', '<!-- The -- oldest Excel supported', /'--' is not allowed/],
    ['an undeclared prefix', '<bt:Images>', '<bx:Images>', /prefix 'bx'/],
    [
      'a duplicate attribute',
      '<Set Name="ExcelApi" MinVersion="1.9"/>',
      '<Set Name="ExcelApi" Name="x" MinVersion="1.9"/>',
      /appears twice/,
    ],
    ['a DOCTYPE', '<OfficeApp ', '<!DOCTYPE x [<!ENTITY a "b">]><OfficeApp ', /DOCTYPE/],
    ['a bare ampersand', '<ProviderName>Handlingsplan</ProviderName>', '<ProviderName>A & B</ProviderName>', /entity reference/],
  ])('malformed XML: %s', (_, from, to, message) => {
    const errors = check(broken(from, to));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^not well-formed XML: /);
    expect(errors[0]).toMatch(message);
  });

  test('a missing required element', () => {
    expect(check(broken('  <SupportUrl DefaultValue="https://localhost:3000/support.html"/>\n', ''))).toEqual(['<SupportUrl> is missing']);
  });

  test('an element out of schema order', () => {
    const moved = broken('  <Permissions>ReadWriteDocument</Permissions>\n', '').replace(
      '  <Hosts>\n    <Host Name="Workbook"/>',
      '  <Permissions>ReadWriteDocument</Permissions>\n  <Hosts>\n    <Host Name="Workbook"/>',
    );
    expect(check(moved).some((e) => /out of order/.test(e))).toBe(true);
  });

  test('an http URL, and a URL on another origin', () => {
    expect(check(broken('https://localhost:3000/assets/icon-16.png', 'http://localhost:3000/assets/icon-16.png'))).toContainEqual(
      expect.stringMatching(/resource Icon\.16: http:\/\/localhost:3000\/assets\/icon-16\.png is not https/),
    );
    expect(
      check(
        broken(
          '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
          '<bt:Url id="Taskpane.Url" DefaultValue="https://evil.example/taskpane.html"/>',
        ),
      ),
    ).toEqual(["resource Taskpane.Url: https://evil.example/taskpane.html is not on the add-in's origin https://localhost:3000"]);
  });

  test('SupportUrl may be any https address', () => {
    expect(
      check(
        broken(
          '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>',
          '<SupportUrl DefaultValue="https://www.example.org/hjelp"/>',
        ),
      ),
    ).toEqual([]);
  });

  test('a resid with no resource', () => {
    expect(check(broken('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'))).toContainEqual(
      expect.stringMatching(/resid "Group\.Lable" of <Label> .* is not defined/),
    );
  });

  test('a missing icon, and an icon of the wrong size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-assets-'));
    try {
      mkdirSync(dir, { recursive: true });
      for (const size of SIZES) copyFileSync(join(ASSETS, `icon-${size}.png`), join(dir, `icon-${size}.png`));
      copyFileSync(join(ASSETS, 'icon-32.png'), join(dir, 'icon-80.png'));
      rmSync(join(dir, 'icon-16.png'));
      const errors = check(MANIFEST, dir);
      expect(errors).toContainEqual(expect.stringMatching(/resource Icon\.16: assets\/icon-16\.png does not exist/));
      expect(errors).toContainEqual('resource Icon.80: assets/icon-80.png is 32×32 px, declared as 80×80');
      writeFileSync(join(dir, 'icon-16.png'), 'not a png');
      expect(check(MANIFEST, dir)).toContainEqual('resource Icon.16: assets/icon-16.png is not a PNG file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('manifest/build.js', () => {
  test('replaces the development URL with ADDIN_URL everywhere, and the result passes the check', () => {
    const xml = buildCheckedManifest({ addinUrl: 'https://addin.example.no/handlingsplan/' });
    expect(xml).not.toContain('localhost');
    expect(xml).not.toContain('<!--');
    expect(xml).toContain('<SourceLocation DefaultValue="https://addin.example.no/handlingsplan/taskpane.html"/>');
    expect(xml).toContain('DefaultValue="https://addin.example.no/handlingsplan/assets/icon-80.png"');
    expect(check(xml)).toEqual([]);
  });

  test('refuses a base URL that is not plain https', () => {
    expect(() => normalizeAddinUrl('http://addin.example.no')).toThrow(/https/);
    expect(() => normalizeAddinUrl('https://addin.example.no/?x=1')).toThrow(/plain base URL/);
    expect(() => normalizeAddinUrl('not a url')).toThrow(/not a URL/);
    expect(normalizeAddinUrl('https://a.example/b//')).toBe('https://a.example/b');
  });

  test('escapes what XML would read as markup', () => {
    expect(buildManifest('<a b="https://localhost:3000/x"/>', 'https://a.example/p&q')).toBe('<a b="https://a.example/p&amp;q/x"/>');
  });
});

describe('icons', () => {
  /** The image data of a PNG: its IDAT chunks inflated (the same whatever zlib compressed them). */
  const pixels = (png: Buffer): Buffer => {
    const parts: Buffer[] = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      if (png.toString('latin1', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    return inflateSync(Buffer.concat(parts));
  };

  test.each(SIZES)('assets/icon-%i.png is the size it is named for and what manifest/icons.js draws', (size) => {
    const file = readFileSync(join(ASSETS, `icon-${size}.png`));
    expect(pngSize(file)).toEqual({ width: size, height: size });
    expect(pixels(file).equals(pixels(drawIcon(size)))).toBe(true);
  });
});
