/**
 * The scale benchmark for the previous design (legacy-gate.ts; recog replaced it with the
 * background's catalogue index, whose scale figures are still to be added here): the gate bundled the whole catalogue (each
 * article's id, headline, URLs and lead shingles, `virtual:gloss-catalog`) and the engine bundles
 * every pack. Per catalogue size (catalogue.ts generates it, the real pack first):
 *  - gate: the real gate (src/content/gate.ts) built by vite with that catalogue, gzip -9;
 *  - build: computing the catalogue (lead shingles of every article) + that gate build;
 *  - non-article page / recognition: the gate's steps against that catalogue in Chromium (the
 *    caller's page); recognition = the gate's text probe on the canonical page under an address
 *    the catalogue does not know, + the engine's detection (measured by the caller, the same at
 *    every size since only the candidate's pack is judged);
 *  - memory: what each page's gate holds (the catalogue, parsed) in this process's V8; the
 *    background holds no catalogue in this design (backgroundMemoryBytes: null);
 *  - package: the real build zipped + each generated pack as the engine would carry it (its
 *    JSON, deflated) + the gate's catalogue. The engine itself is not built with 10 000 packs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import type { Pack } from '../../src/annotations/model';
import { catalogue } from './catalogue';
import { type ArticleSignature, leadShingles } from './legacy-gate';
import type { ScaleRow } from './report';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export const SCALE_SIZES = [1, 1_000, 10_000] as const;

const zipEntry = (name: string, data: Buffer | string) =>
  30 + 46 + 2 * Buffer.byteLength(name) + deflateRawSync(data, { level: 9 }).length;

function catalogPlugin(source: string): Plugin {
  const id = 'virtual:gloss-catalog';
  return {
    name: 'bench-scale-catalog',
    resolveId: (s) => (s === id ? `\0${id}` : null),
    load: (l) => (l === `\0${id}` ? source : null),
  };
}

/** The real gate, built as scripts/build.ts builds it, with `catalog` as its catalogue. */
async function buildGate(root: string, size: number, source: string): Promise<Buffer> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  const outDir = resolve(root, `bench/out/scale-gate-${size}`);
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [catalogPlugin(source)],
    define: { 'process.env.NODE_ENV': '"production"', __GLOSS_TIMING__: 'false' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      lib: {
        entry: resolve(root, 'src/content/gate.ts'),
        formats: ['iife'],
        name: 'gloss_gate',
        fileName: () => 'gate.js',
      },
    },
  });
  return readFileSync(resolve(outDir, 'gate.js'));
}

export interface CurrentScaleDetail extends ScaleRow {
  design: 'catalogue in the gate (main today)';
  gateRawBytes: number;
  gateHeapBytes: number;
  catalogueMs: number;
  gateBuildMs: number;
  gateNonArticleMs: number | null;
  gateTextProbeMs: number | null;
  /** What the text probe found on the canonical page (the real article's id, or null). */
  textProbeFound: string | null;
}

export interface InPage {
  /** Loads the catalogue into the benchmark pages; returns the gate's figures there. */
  measure(catalog: ArticleSignature[]): Promise<{
    nonArticleMs: number;
    textProbeMs: number;
    textProbeFound: string | null;
  }>;
}

export async function measureCurrentDesign(
  root: string,
  size: number,
  real: Pack,
  inPage: InPage,
  engineDetectMs: number | null,
  baseZipBytes: number,
  log: (s: string) => void,
): Promise<CurrentScaleDetail> {
  const t0 = performance.now();
  let catalogueMs = 0;
  let packBytes = 0;
  const catalog: ArticleSignature[] = [];
  for (const pack of catalogue(size, real)) {
    packBytes += zipEntry(`${pack.article.id}.json`, JSON.stringify(pack));
    const t = performance.now();
    const { article } = pack;
    catalog.push({
      id: article.id,
      headline: article.headline,
      canonicalUrl: article.canonicalUrl,
      urls: article.sites.flatMap((s) => s.urls),
      lead: leadShingles(article.text.paragraphs),
    });
    catalogueMs += performance.now() - t;
  }
  const t1 = performance.now();
  const source = `export const catalog = ${JSON.stringify(catalog)};`;
  catalogueMs += performance.now() - t1;
  const tb = performance.now();
  const gateJs = await buildGate(root, size, source);
  const gateBuildMs = performance.now() - tb;
  gc();
  const before = process.memoryUsage().heapUsed;
  let held: unknown = JSON.parse(JSON.stringify(catalog));
  gc();
  const gateHeapBytes = process.memoryUsage().heapUsed - before;
  held = null;
  void held;
  const page = await inPage.measure(catalog);
  const row: CurrentScaleDetail = {
    design: 'catalogue in the gate (main today)',
    packs: size,
    gateGzipBytes: gzipSync(gateJs, { level: 9 }).length,
    detectNonArticleMs: page.nonArticleMs,
    recognitionMs: engineDetectMs === null ? null : page.textProbeMs + engineDetectMs,
    backgroundMemoryBytes: null,
    packageBytes: baseZipBytes + packBytes + zipEntry('content/gate.js', gateJs),
    buildMs: catalogueMs + gateBuildMs,
    gateRawBytes: gateJs.length,
    gateHeapBytes,
    catalogueMs,
    gateBuildMs,
    gateNonArticleMs: page.nonArticleMs,
    gateTextProbeMs: page.textProbeMs,
    textProbeFound: page.textProbeFound,
  };
  log(
    `scale ${size} (catalogue in the gate): gate ${((row.gateGzipBytes ?? 0) / 1024) | 0} KB gzip, non-article ${page.nonArticleMs.toFixed(3)} ms, text probe ${page.textProbeMs.toFixed(3)} ms (${page.textProbeFound}), gate heap ${(gateHeapBytes / 2 ** 20).toFixed(1)} MB, build ${row.buildMs?.toFixed(0)} ms, in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return row;
}

/** The zipped size of a built extension, without the files a catalogue size replaces. */
export function baseZipBytes(dist: string, without: readonly string[]): number {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  let total = 22; // end of central directory
  for (const file of walk(dist)) {
    const name = relative(dist, file);
    if (!without.includes(name)) total += zipEntry(name, readFileSync(file));
  }
  return total;
}
