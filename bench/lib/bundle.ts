/**
 * Bundles the in-page harness (Gloss's src/anchoring and src/detection as they are at run time,
 * the peers, our Hypothesis-style matcher) into one IIFE with vite's build API (lib mode).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { glossPacks } from '../../tools/build/extension';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT = resolve(ROOT, 'bench/out');

const DEPS = resolve(OUT, 'deps');
const SELECTOR = resolve(DEPS, 'node_modules/@apache-annotator/selector/lib/index.js');

/**
 * @apache-annotator/dom 0.2.0 imports @apache-annotator/selector but lists it only as a
 * devDependency, so npm does not install it. The benchmark installs it (no-save) into
 * bench/out/deps, outside the project's package.json, and aliases it for the bundle.
 */
export function ensurePeerDeps(): void {
  if (existsSync(SELECTOR)) return;
  mkdirSync(DEPS, { recursive: true });
  writeFileSync(resolve(DEPS, 'package.json'), '{"name":"bench-deps","private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '@apache-annotator/selector@0.2.0'], {
    cwd: DEPS,
    stdio: 'inherit',
  });
}

export async function bundleHarness(): Promise<string> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  ensurePeerDeps();
  await build({
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [glossPacks()],
    resolve: { alias: { '@apache-annotator/selector': SELECTOR } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: OUT,
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      lib: {
        entry: resolve(ROOT, 'bench/harness/page.ts'),
        formats: ['iife'],
        name: 'glossBenchHarness',
        fileName: () => 'harness.js',
      },
    },
  });
  return resolve(OUT, 'harness.js');
}
