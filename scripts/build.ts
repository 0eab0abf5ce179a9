/**
 * `npm run build`: dist/chrome and dist/firefox, each with the crxjs-built extension (manifest,
 * background, gate, popup, side panel) and the content engine as one self-contained script
 * (content/engine.js), which the background injects into candidate pages and on-demand checks.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { extensionConfig, glossCatalog, type TargetBrowser } from '../tools/build/extension';

const root = resolve(import.meta.dirname, '..');
const browsers: TargetBrowser[] = ['chrome', 'firefox'];

for (const browser of browsers) {
  const started = performance.now();
  await build({
    root,
    configFile: false,
    mode: browser,
    logLevel: 'warn',
    ...extensionConfig(browser),
  });
  for (const script of ['gate', 'engine']) await buildContentScript(browser, script);
  console.log(`built dist/${browser} in ${Math.round(performance.now() - started)} ms`);
}

/** One self-contained IIFE per content script: no loader, no web_accessible_resources. */
async function buildContentScript(browser: TargetBrowser, name: string) {
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [glossCatalog()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: `dist/${browser}`,
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
