'use strict';
/**
 * The task pane and standalone page: src/taskpane/index.tsx → dist/web/.
 *
 *   webpack --mode production [--env ADDIN_URL=https://host/path]
 *
 * Emits taskpane.html (a static loading shell; Office.js from Microsoft's CDN async, then the bundle deferred), the JS with content hashes,
 * the .xlsx code as a separate lazy chunk (only the standalone page loads it), assets/ (the icons),
 * support.html, and manifest.xml for ADDIN_URL. The build fails when the JS taskpane.html loads at start is
 * over the gzip budget, or when .xlsx code has slipped into it.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { Compilation, WebpackError, sources } = require('webpack');
const { buildCheckedManifest, DEV_URL } = require('./manifest/build');

const ROOT = __dirname;
const OUT = path.join(ROOT, 'dist', 'web');
const ENTRY = 'taskpane';
/** Everything taskpane.html loads at start, gzipped. */
const INITIAL_BUDGET_BYTES = 200 * 1024;
/** Lazy chunks fetched beside the initial script (see PreloadChunksPlugin); never one with .xlsx code. */
const PRELOADED_CHUNKS = ['core'];
/** Code that belongs in the lazy chunk only. */
const XLSX_CODE = /[\\/](node_modules[\\/](exceljs|jszip)|src[\\/]adapters[\\/]xlsx)[\\/]/;

/**
 * Content-Security-Policy of taskpane.html, as a meta tag (a static host may not let us send headers).
 * - default-src 'none': nothing is allowed unless listed below.
 * - script-src: our bundle ('self') and Office.js, which Microsoft requires to be loaded from its CDN and
 *   which loads its host- and language-specific parts from the same place. No inline script, no eval.
 * - style-src 'unsafe-inline': Fluent UI (Griffel) inserts its rules into <style> elements at run time, and
 *   Excel on the web's Office.js script sets inline styles; no stylesheet is loaded from elsewhere.
 * - connect-src / frame-src: Office.js talks to the Office host over these origins (Excel on the web runs on
 *   *.officeapps.live.com and *.office.com; dialogs and sign-in run in frames there). The page itself
 *   fetches one origin: Statistics Norway's open API (Hent fra SSB), https://data.ssb.no, and no other.
 * - img-src 'self' data:: our icons; Fluent draws its icons as inline SVG.
 * - base-uri/form-action/object-src: no <base> tricks, no form posts, no plugins.
 * (frame-ancestors cannot be set from a meta tag; Office hosts the pane in its own frame anyway.)
 */
const OFFICE = 'https://appsforoffice.microsoft.com';
const OFFICE_HOSTS = 'https://*.office.com https://*.officeapps.live.com';
/** SSB's PxWebApi 2 (src/adapters/ssb/client.ts): the one origin the page itself fetches from. */
const SSB = 'https://data.ssb.no';
const CSP = [
  "default-src 'none'",
  `script-src 'self' ${OFFICE}`,
  "style-src 'self' 'unsafe-inline'",
  `connect-src 'self' ${OFFICE} ${OFFICE_HOSTS} ${SSB}`,
  `frame-src ${OFFICE_HOSTS}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Copies assets/*.png to dist/web/assets/ and adds support.html and manifest.xml (no copy plugin needed). */
class StaticFilesPlugin {
  constructor({ addinUrl }) {
    this.addinUrl = addinUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('StaticFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'StaticFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const assetsDir = path.join(ROOT, 'assets');
        compilation.contextDependencies.add(assetsDir);
        for (const name of fs
          .readdirSync(assetsDir)
          .filter((f) => f.endsWith('.png'))
          .sort()) {
          const file = path.join(assetsDir, name);
          compilation.fileDependencies.add(file);
          compilation.emitAsset(`assets/${name}`, new sources.RawSource(fs.readFileSync(file)));
        }
        for (const name of ['support.html', 'legacy-check.js']) {
          const file = path.join(ROOT, 'src', 'taskpane', name);
          compilation.fileDependencies.add(file);
          compilation.emitAsset(name, new sources.RawSource(fs.readFileSync(file)));
        }

        const manifest = path.join(ROOT, 'manifest.xml');
        compilation.fileDependencies.add(manifest);
        try {
          compilation.emitAsset(
            'manifest.xml',
            new sources.RawSource(buildCheckedManifest({ addinUrl: this.addinUrl, source: manifest, assetsDir })),
          );
        } catch (error) {
          compilation.errors.push(new WebpackError(error instanceof Error ? error.message : String(error)));
        }
      });
    });
  }
}

/**
 * Adds `<link rel="preload" as="script">` for lazy chunks the page always needs (the core: no workbook is read
 * without it), so the browser fetches them beside the initial script instead of after it has run: on a slow
 * connection that is the initial script's whole parse and start-up time saved. Office.js-only or
 * standalone-only chunks (the .xlsx code) are not preloaded: the pane in Excel must never download those.
 */
class PreloadChunksPlugin {
  constructor({ chunks }) {
    this.chunks = chunks;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PreloadChunksPlugin', (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).alterAssetTags.tapAsync('PreloadChunksPlugin', (data, done) => {
        const links = [];
        for (const name of this.chunks) {
          const chunk = compilation.namedChunks.get(name);
          if (!chunk) {
            compilation.errors.push(new WebpackError(`PreloadChunksPlugin: no chunk named ${name}`));
            continue;
          }
          for (const file of chunk.files) {
            if (!file.endsWith('.js')) continue;
            links.push({
              tagName: 'link',
              voidTag: true,
              meta: { plugin: 'PreloadChunksPlugin' },
              attributes: { rel: 'preload', as: 'script', href: `${data.publicPath}${file}` },
            });
          }
        }
        data.assetTags.meta.push(...links);
        done(null, data);
      });
    });
  }
}

/** Gzipped sizes of the initial JS and of the lazy chunks; fails the build over budget or with .xlsx code at start. */
class BundleBudgetPlugin {
  constructor({ entry, budget }) {
    this.entry = entry;
    this.budget = budget;
    this.report = [];
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BundleBudgetPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'BundleBudgetPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const entrypoint = compilation.entrypoints.get(this.entry);
        if (!entrypoint) return;
        const gz = (file) => {
          const asset = compilation.getAsset(file);
          return asset ? zlib.gzipSync(asset.source.buffer(), { level: 9 }).length : 0;
        };
        const initialFiles = entrypoint.getFiles().filter((f) => f.endsWith('.js'));
        const initial = initialFiles.reduce((sum, f) => sum + gz(f), 0);
        const initialChunks = new Set(entrypoint.chunks);
        const lazy = [];
        for (const chunk of compilation.chunks) {
          if (initialChunks.has(chunk)) continue;
          for (const file of chunk.files)
            if (file.endsWith('.js')) lazy.push({ file, name: chunk.name ?? String(chunk.id), size: gz(file) });
        }
        const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
        this.report = [
          `initial JS (${initialFiles.join(', ')}): ${kb(initial)} gzipped (budget ${kb(this.budget)})`,
          ...lazy.map((l) => `lazy chunk ${l.name} (${l.file}): ${kb(l.size)} gzipped`),
        ];
        if (initial > this.budget) {
          compilation.errors.push(
            new WebpackError(`Bundle budget: the initial JS is ${kb(initial)} gzipped, over the ${kb(this.budget)} budget.`),
          );
        }
        // The in-Excel pane must never download the .xlsx code: none of it may be in an initial chunk.
        const leaked = new Set();
        const visit = (module) => {
          if (module.modules) for (const inner of module.modules) visit(inner);
          const resource = module.resource ?? '';
          if (XLSX_CODE.test(resource)) leaked.add(path.relative(ROOT, resource));
        };
        for (const chunk of initialChunks) for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(module);
        if (leaked.size > 0) {
          compilation.errors.push(
            new WebpackError(
              `The .xlsx code must stay in the lazy chunk, but the initial JS contains: ${[...leaked].slice(0, 5).join(', ')}`,
            ),
          );
        }
      });
    });
    compiler.hooks.done.tap('BundleBudgetPlugin', () => {
      for (const line of this.report) console.log(`[bundle] ${line}`);
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  // Checked when the manifest is built (StaticFilesPlugin): a bad URL is a build error, not a crash.
  const addinUrl = env.ADDIN_URL ?? process.env.ADDIN_URL ?? DEV_URL;
  return {
    mode: production ? 'production' : 'development',
    context: ROOT,
    entry: { [ENTRY]: './src/taskpane/index.tsx' },
    output: {
      path: OUT,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // Chunks load relative to the bundle's own URL, so the page works under any base path.
      publicPath: 'auto',
      clean: true,
    },
    // No eval-based source maps: the CSP forbids eval, in development too.
    devtool: production ? false : 'source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: path.join(ROOT, 'tsconfig.web.json'), onlyCompileBundledFiles: true } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.join(ROOT, 'src', 'taskpane', 'taskpane.html'),
        templateParameters: { csp: CSP, officeJs: `${OFFICE}/lib/1/hosted/office.js` },
        // The bundle goes last in the head, deferred; Office.js loads async (see taskpane.html), so neither
        // blocks the static shell from being painted.
        inject: 'head',
        scriptLoading: 'defer',
        minify: production ? { collapseWhitespace: true, removeComments: true } : false,
      }),
      new PreloadChunksPlugin({ chunks: PRELOADED_CHUNKS }),
      new StaticFilesPlugin({ addinUrl }),
      new BundleBudgetPlugin({ entry: ENTRY, budget: INITIAL_BUDGET_BYTES }),
    ],
    optimization: {
      // One lazy chunk for the .xlsx code (exceljs, jszip and the adapter), not a separate vendors chunk.
      splitChunks: { chunks: 'async', cacheGroups: { default: false, defaultVendors: false } },
    },
    // Our own budget (BundleBudgetPlugin) replaces webpack's size hints, which would flag the lazy chunk.
    performance: false,
    stats: 'errors-warnings',
  };
};
