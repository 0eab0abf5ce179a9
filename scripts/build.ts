/**
 * `npm run build`: dist/chrome and dist/firefox, each with the crxjs-built extension (manifest,
 * background, gate, popup, side panel) and the content engine as one self-contained script
 * (content/engine.js), which the background injects into candidate pages and on-demand checks.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { extensionConfig, glossPacks, type TargetBrowser } from '../tools/build/extension';

const root = resolve(import.meta.dirname, '..');
const browsers: TargetBrowser[] = ['chrome', 'firefox'];
/**
 * The benchmark's build (GLOSS_TIMING=1): the same extension with the first-highlight marks
 * compiled in (src/content/timing.ts), written to GLOSS_DIST (never dist/, which ships).
 */
const timing = process.env.GLOSS_TIMING === '1';
const distDir = process.env.GLOSS_DIST ?? 'dist';
if (timing && resolve(root, distDir) === resolve(root, 'dist'))
  throw new Error('GLOSS_TIMING=1 needs GLOSS_DIST: the timing build must not overwrite dist/');

for (const browser of browsers) {
  const started = performance.now();
  await build({
    root,
    configFile: false,
    mode: browser,
    logLevel: 'warn',
    ...extensionConfig(browser, resolve(root, distDir, browser)),
  });
  for (const script of ['gate', 'engine']) await buildContentScript(browser, script);
  console.log(`built ${distDir}/${browser} in ${Math.round(performance.now() - started)} ms`);
}

/** One self-contained IIFE per content script: no loader, no web_accessible_resources. */
async function buildContentScript(browser: TargetBrowser, name: string) {
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [glossPacks()],
    define: { 'process.env.NODE_ENV': '"production"', __GLOSS_TIMING__: String(timing) },
    build: {
      outDir: resolve(root, distDir, browser),
      emptyOutDir: false,
      target: 'es2022',
      lib: {
        entry: resolve(root, `src/content/${name}.ts`),
        formats: ['iife'],
        name: `gloss_${name}`,
        fileName: () => `content/${name}.js`,
      },
    },
  });
}
