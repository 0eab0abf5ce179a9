import { readFileSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import type { Plugin, UserConfig } from 'vite';
import baseManifest from '../../manifest.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import { loadPackFolders } from '../../src/annotations/authoring/load';
import { checkAllPacks } from '../../src/annotations/check';
import { formatPackError } from '../../src/annotations/validate';
import { catalogueIndexFile, matchPatterns, packScript } from '../../src/detection/catalogue-build';
import { FIREFOX_MIN_VERSION, GECKO_ID } from './firefox';

/**
 * How the extension is built, as a library: scripts/build.ts builds with `extensionConfig` and the
 * content scripts with `glossPacks`; `glossCatalogue` adds the catalogue's files to the package;
 * the bench and the build tests import the plugins.
 *
 * One manifest.json, two browsers; `extensionConfig(browser)` writes dist/<browser>/.
 * The per-browser differences live here and nowhere else:
 *  - Chrome: background service worker, side_panel.
 *  - Firefox: background scripts (event page), sidebar_action, browser_specific_settings.gecko.
 * The sites Gloss runs on are read from the annotation packs (one source of truth).
 */
export type TargetBrowser = 'chrome' | 'firefox';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Packs left out of this build: `GLOSS_EXCLUDE_PACKS=<article id>,<article id>` (a pack still
 * under review, for instance). Every plugin below leaves them out alike.
 */
export function excludedPacks(env: Record<string, string | undefined> = process.env): string[] {
  return (env.GLOSS_EXCLUDE_PACKS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

/**
 * A pack that still holds drafts (`draft:` lines, from `npm run pack:new` or `pack:draft`) does
 * not ship: the build fails naming each such pack and how many drafts it holds, rather than
 * leaving it out silently, so that an article nobody reviewed is never bundled and an article
 * someone expects is never missing without a word. Leaving it out is explicit:
 * GLOSS_EXCLUDE_PACKS.
 */
export function draftRefusal(
  packs: ReadonlyArray<{ path: string; drafts: readonly unknown[] }>,
): string | undefined {
  const drafted = packs.filter((p) => p.drafts.length > 0);
  if (drafted.length === 0) return undefined;
  return [
    'Drafted pack(s) cannot ship:',
    ...drafted.map((p) => `  ${basename(p.path)} (${p.path}): ${p.drafts.length} draft item(s)`),
    'Review each draft (npm run annotations:check lists them) and delete its draft: line, or leave',
    `the pack out of this build: GLOSS_EXCLUDE_PACKS=${drafted.map((p) => basename(p.path)).join(',')}`,
  ].join('\n');
}

/** Match patterns of every supported site, read from the packs. */
export function packMatchPatterns(packsDir?: string) {
  const patterns = matchPatterns(loadPackFolders(packsDir, { exclude: excludedPacks() }).packs);
  if (patterns.length === 0)
    throw new Error(`No supported sites found in the packs in ${packsDir}`);
  return patterns;
}

/**
 * `virtual:gloss-packs`: the packs compiled from their folders (src/annotations/packs/<id>/), for
 * src/annotations/packs.ts. An invalid pack fails the build here, naming its file and line.
 */
export function glossPacks(packsDir?: string): Plugin {
  const id = 'virtual:gloss-packs';
  return {
    name: 'gloss-packs',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      const { folders, errors } = loadPackFolders(packsDir, { exclude: excludedPacks() });
      if (errors.length > 0) {
        this.error(`Invalid annotation pack(s):\n${errors.map(formatPackError).join('\n')}`);
      }
      const refusal = draftRefusal(folders);
      if (refusal) this.error(refusal);
      const bundled = folders.map((f) => ({
        file: relative(ROOT, f.dir),
        json: f.pack,
      }));
      return `export const bundledPacks = ${JSON.stringify(bundled)};`;
    },
  };
}

/**
 * The catalogue for recognition, built from the packs at build time (src/detection/
 * catalogue-build.ts): the index as catalogue/index.bin, which only the background reads, and
 * packs/<id>.js, one script per article, run in a page for its candidate only. Nothing of it is
 * bundled into a script.
 */
export function glossCatalogue(packsDir?: string): Plugin {
  return {
    name: 'gloss-catalogue',
    generateBundle() {
      const packs = loadPackFolders(packsDir, { exclude: excludedPacks() }).packs;
      for (const file of [catalogueIndexFile(packs), ...packs.map(packScript)])
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
    },
  };
}

export function manifestFor(browser: TargetBrowser): ManifestV3Export {
  const matches = packMatchPatterns();
  // biome-ignore lint/suspicious/noExplicitAny: the manifest is reshaped per browser below
  const manifest: any = structuredClone(baseManifest);
  manifest.version = pkg.version;
  manifest.content_scripts[0].matches = matches;
  manifest.host_permissions = matches;

  if (browser === 'firefox') {
    const { service_worker, type } = manifest.background;
    manifest.background = { scripts: [service_worker], type };
    manifest.sidebar_action = {
      default_panel: manifest.side_panel.default_path,
      default_title: '__MSG_actionTitle__',
      default_icon: manifest.action.default_icon,
      open_at_install: false,
    };
    delete manifest.side_panel;
    delete manifest.minimum_chrome_version;
    manifest.permissions = manifest.permissions.filter((p: string) => p !== 'sidePanel');
    // Firefox calls it `menus`; `contextMenus` is an alias it accepts.
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return manifest as ManifestV3Export;
}

/**
 * Preact's support for `dangerouslySetInnerHTML` is the one place markup could be parsed from a
 * string in our pages. Gloss never uses it (and Biome forbids it); this turns it into plain text
 * at build time, so that no code path can set innerHTML (and web-ext lint has nothing to flag).
 */
function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'gloss-preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/.test(id))
        return null;
      const pattern = /(\w+)\.innerHTML=(\w+)\.__html/g;
      if (!pattern.test(code))
        this.error(`Preact changed: no innerHTML assignment to neutralise in ${id}`);
      return { code: code.replace(pattern, '$1.textContent=$2.__html'), map: null };
    },
  };
}

/**
 * Fails the build on an invalid pack, naming the file and the JSON path of each problem, and on a
 * pack that still holds drafts (see `draftRefusal`).
 */
export function packsMustBeValid(packsDir?: string): Plugin {
  return {
    name: 'gloss-packs-must-be-valid',
    buildStart() {
      const exclude = excludedPacks();
      const report = checkAllPacks(packsDir ? { packsDir, cwd: packsDir, exclude } : { exclude });
      const refusal = draftRefusal(report.packs.map((p) => ({ path: p.file, drafts: p.drafts })));
      if (refusal) this.error(refusal);
      if (!report.ok) this.error(`Invalid annotation pack(s):\n${report.text}`);
    },
  };
}

/**
 * The content scripts (content/gate.js, content/engine.js) are self-contained IIFEs built by
 * scripts/build.ts with the catalog plugin, not by crxjs (its IIFE sub-build drops our plugins, and
 * its loaders need web_accessible_resources). crxjs gets the manifest without them; this plugin
 * puts them back as they are in manifest.json, with the generated match patterns.
 */
function contentScriptsOutsideCrx(contentScripts: unknown): Plugin {
  let outDir = '';
  return {
    name: 'gloss-content-scripts',
    apply: 'build',
    configResolved: (config) => {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const file = resolve(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      manifest.content_scripts = contentScripts;
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

/**
 * The Vite configuration of the extension for one browser (its content scripts aside), written to
 * `outDir` (dist/<browser> unless the benchmark's timing build asks for another place).
 */
export function extensionConfig(browser: TargetBrowser, outDir = `dist/${browser}`): UserConfig {
  // biome-ignore lint/suspicious/noExplicitAny: reshaped for crxjs
  const { content_scripts, ...manifest }: any = manifestFor(browser);
  return {
    publicDir: 'assets',
    plugins: [
      packsMustBeValid(),
      glossPacks(),
      glossCatalogue(),
      preactWithoutInnerHtml(),
      crx({ manifest, browser }),
      contentScriptsOutsideCrx(content_scripts),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Both browsers support modulepreload; the polyfill would fetch() pages' modules, and
      // Gloss fetches only its own catalogue index from its package (src/platform/package-files.ts).
      modulePreload: { polyfill: false },
      sourcemap: false,
      rollupOptions: {
        input: {
          sidepanel: 'src/sidepanel/index.html',
          grant: 'src/grant/index.html',
        },
      },
    },
  };
}
