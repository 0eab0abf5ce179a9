/**
 * The scale benchmark (issue #16) on the recognition pipeline: the gate holds no catalogue, the
 * background holds the catalogue index (src/detection/catalogue-index.ts) and answers the gate's
 * probes (src/background/probe-sessions.ts), and a candidate page gets its one pack
 * (packs/<id>.js). Per catalogue size N (catalogue.ts generates it, the real pack among them):
 *  - gate: the real gate (src/content/gate.ts) built by vite as scripts/build.ts builds it, with
 *    the N-pack catalogue offered as the virtual module the build has (`virtual:gloss-packs`);
 *    gzip -9. The build records whether the gate imported it;
 *  - build: what the extension's build does per pack, in this process: validate every pack
 *    (validatePack), write the index file (as catalogueIndexFile does) and one script per pack
 *    (packScript), to bench/out/scale/<N>/ (never dist/: nothing generated ships). Reading pack
 *    folders (YAML) is not included: generated packs are objects already;
 *  - package: the user build (dist/chrome) zipped without its packs/ and catalogue/, plus the
 *    N-pack index file and the N pack scripts (each entry deflated at level 9, as
 *    scripts/package.ts zips);
 *  - recognition: the gate's read of a syndicated copy (the canonical page at an address the
 *    catalogue does not know, its metadata URLs removed and its headline rewritten, so only the
 *    text can name it; measured in Chromium by the caller) + loading the N-pack index as a woken
 *    background does: its read from the package in the real extension's service worker
 *    (index-read.ts, Chromium) and the views CatalogueIndex makes over the bytes (this process)
 *    + `ProbeSessions.answer` over the gate's probes (this process, V8 as the service worker)
 *    + the engine's detect on the page (Chromium, by the caller; it judges the candidate's pack
 *    only, so it does not depend on N);
 *  - background memory: V8 heap + ArrayBuffer stores (node, --expose-gc, after full GCs), after
 *    minus before loading the index: the file's bytes, which the background keeps, and the views.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import type { Pack } from '../../src/annotations/model';
import { validatePack } from '../../src/annotations/validate';
import { ProbeSessions } from '../../src/background/probe-sessions';
import { catalogueArticle, packScript } from '../../src/detection/catalogue-build';
import { CatalogueIndex } from '../../src/detection/catalogue-index';
import { buildCatalogueIndex } from '../../src/detection/catalogue-index-build';
import { CATALOGUE_INDEX_FILE } from '../../src/detection/catalogue-index-format';
import type { CatalogueArticle } from '../../src/detection/catalogue-keys';
import { PROBE_MAX_CHARS } from '../../src/detection/probe';
import { newProbeShingles } from '../../src/detection/probe-text';
import type { ProbeAnswer, ProbeMessage, ProbeMetadata } from '../../src/messages/protocol';
import { catalogue } from './catalogue';
import { measureIndexRead } from './index-read';
import { median, type ScaleRow } from './report';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Sizes measured by `--scale`; 100 000 only when 10 000 built fast enough (see run.ts). */
export const SCALE_SIZES = [1, 1_000, 10_000, 100_000] as const;

/** One entry of a zip (local header + central directory record + deflated data). */
export const zipEntryBytes = (name: string, data: Buffer | string) =>
  30 + 46 + 2 * Buffer.byteLength(name) + deflateRawSync(data, { level: 9 }).length;

/** The zipped size of a built extension without the files under `without` (a folder prefix). */
export function baseZipBytes(dist: string, without: (name: string) => boolean): number {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  let total = 22; // end of central directory
  for (const file of walk(dist)) {
    const name = relative(dist, file).split('\\').join('/');
    if (!without(name)) total += zipEntryBytes(name, readFileSync(file));
  }
  return total;
}

/**
 * A syndicated copy of the canonical page: the same body at an address no pack names, without
 * the canonical link or og:url, its JSON-LD urls naming the copy's own address, and under
 * another headline (a syndicating site
 * writes its own): only its text can name the article.
 */
export function syndicatedCopyHtml(canonicalHtml: string, copyUrl: string): string {
  const headline = 'Beijing and Washington talk trade and Taiwan in leaders’ call';
  return canonicalHtml
    .replace(/<link rel="canonical"[^>]*>/g, '')
    .replace(/<meta property="og:url"[^>]*>/g, '')
    .replace(/"url"\s*:\s*"[^"]*"/g, `"url":"${copyUrl}"`)
    .replace(
      /<meta property="og:title" content="[^"]*">/,
      `<meta property="og:title" content="${headline}">`,
    )
    .replace(/"headline"\s*:\s*"[^"]*"/g, `"headline":"${headline}"`)
    .replace(/<h1([^>]*)>[^<]*<\/h1>/, `<h1$1>${headline}</h1>`)
    .replace(/<title>[^<]*<\/title>/, `<title>${headline} | The Wire Desk</title>`);
}

/** What the gate's read of the copy gave (measured in Chromium by the caller). */
export interface GateReadFigures {
  /** The gate's whole read of the page (metadata + its text gathered for the probes), ms. */
  ms: number;
  url: string;
  meta: ProbeMetadata;
  /** The text the probes carry, in pieces (the background makes the shingles). */
  text: string[];
}

/**
 * The gate's probes for one read: the first with the metadata, whole pieces of text, at most
 * PROBE_MAX_CHARS each (the gate cuts a longer piece; the benchmark's pieces are shorter).
 */
export function probesOf(read: GateReadFigures, doc = 'bench-copy'): ProbeMessage[] {
  const out: ProbeMessage[] = [];
  let at = 0;
  for (let seq = 0; seq === 0 || at < read.text.length; seq++) {
    const text: string[] = [];
    let chars = 0;
    while (at < read.text.length) {
      const piece = read.text[at] as string;
      if (text.length > 0 && chars + piece.length > PROBE_MAX_CHARS) break;
      text.push(piece);
      chars += piece.length;
      at++;
    }
    out.push({
      type: 'gloss/probe',
      doc,
      seq,
      url: read.url,
      ...(seq === 0 ? { meta: read.meta } : {}),
      text,
      requested: false,
      done: at >= read.text.length,
    });
  }
  return out;
}

/** The background's answer to a page's probes, in order, until one names a candidate. */
export function answerAll(sessions: ProbeSessions, probes: readonly ProbeMessage[]): ProbeAnswer {
  let answer: ProbeAnswer = { verdict: 'none' };
  for (const probe of probes) {
    answer = sessions.answer('bench-tab', probe);
    if (answer.verdict !== 'none') break;
  }
  return answer;
}

export interface ScaleDetail extends ScaleRow {
  design: 'background index (pipeline)';
  gateRawBytes: number;
  /** Whether the gate's build imported the catalogue's virtual modules (it must not). */
  gateImportsCatalogue: boolean;
  validateMs: number;
  indexBuildMs: number;
  packScriptsMs: number;
  writeMs: number;
  indexFileBytes: number;
  packScriptBytes: number;
  /** Recognition's parts (ms). */
  gateReadMs: number;
  /** The woken background's read of the index file plus the views over it (the index load). */
  indexLoadMs: number;
  /** Of the load: the read in the real extension's service worker, woken and awake; the views. */
  indexReadWokenMs: number;
  indexReadAwakeMs: number;
  indexViewsMs: number;
  /** How long the woken worker took to start before its first read began. */
  wokenWorkerStartMs: number;
  /** The gate's first read of the non-article page, warm, in a plain page (harness). */
  gateFirstReadWarmMs: number;
  lookupMs: number;
  /** Of the look-up: the headline match alone, and the lead shingles' look-up alone. */
  lookupHeadlineMs: number;
  lookupLeadMs: number;
  engineDetectMs: number | null;
  probes: number;
  probeShingles: number;
  /** What the answer named ('text' expected: the copy is known by its text only). */
  candidate: string | null;
  recognisedBy: string | null;
}

/**
 * The build's virtual module with the N-pack catalogue. Made only if imported (the packs are
 * generated again then: at 100 000 they do not fit in memory together).
 */
function catalogueModules(packs: () => Pack[], seen: Set<string>): Plugin {
  const modules: Record<string, () => string> = {
    'virtual:gloss-packs': () =>
      `export const bundledPacks = ${JSON.stringify(packs().map((p) => ({ file: p.article.id, json: p })))};`,
  };
  return {
    name: 'bench-scale-catalogue',
    resolveId: (s) => (s in modules ? `\0${s}` : null),
    load(id) {
      const name = id.startsWith('\0') ? id.slice(1) : '';
      const make = modules[name];
      if (!make) return null;
      seen.add(name);
      return make();
    },
  };
}

/** The real gate, built as scripts/build.ts builds it, with the N-pack catalogue available. */
async function buildGate(
  root: string,
  size: number,
  packs: () => Pack[],
): Promise<{ js: Buffer; importsCatalogue: boolean }> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  const outDir = resolve(root, `bench/out/scale-gate-${size}`);
  const seen = new Set<string>();
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [catalogueModules(packs, seen)],
    define: { 'process.env.NODE_ENV': '"production"', __GLOSS_TIMING__: 'false' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      lib: {
        entry: resolve(root, 'src/content/gate.ts'),
        formats: ['iife'],
        name: 'gloss_gate',
        fileName: () => 'content/gate.js',
      },
    },
  });
  return { js: readFileSync(resolve(outDir, 'content/gate.js')), importsCatalogue: seen.size > 0 };
}

/** Times `fn` `runs` times; the median (ms) and the last value. */
function timed<T>(runs: number, fn: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value = undefined as T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), value };
}

/** V8's heap plus ArrayBuffer backing stores (the index's typed arrays live there). */
function heldBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Heap growth (bytes) while `make`'s result is held, after full GCs. */
function heapOf<T>(make: () => T): { bytes: number; value: T } {
  gc();
  gc();
  const before = heldBytes();
  const value = make();
  gc();
  gc();
  return { bytes: heldBytes() - before, value };
}

export interface InChromium {
  /** The gate's read of the syndicated copy (same at every size: the gate holds nothing). */
  gateRead: GateReadFigures;
  /** The engine's detect on the copy, ms (null when not measured). */
  engineDetectMs: number | null;
  /** The gate's main-thread time on a non-article page of a supported site, in the extension. */
  nonArticleMs: number | null;
  /** Its first read alone, warm, in a plain page (the harness), ms: measured at each size. */
  gateFirstReadWarmMs(): Promise<number>;
}

export async function measureScale(
  root: string,
  size: number,
  real: Pack,
  chromium: InChromium,
  log: (s: string) => void,
): Promise<ScaleDetail> {
  const t0 = performance.now();
  // The build's work per pack, as tools/build/extension.ts does it, one pack at a time (at
  // 100 000 the packs do not fit in memory together): validate, its index entry, its script,
  // written to bench/out/scale/<N>/. Generating the pack is not timed (it is not the build's).
  const outDir = resolve(root, `bench/out/scale/${size}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(resolve(outDir, 'packs'), { recursive: true });
  let validateMs = 0;
  let articlesMs = 0;
  let packScriptsMs = 0;
  let writeMs = 0;
  let packZipBytes = 0;
  let packScriptBytes = 0;
  const articles: CatalogueArticle[] = [];
  for (const pack of catalogue(size, real)) {
    let t = performance.now();
    const valid = validatePack(pack, pack.article.id).ok;
    validateMs += performance.now() - t;
    if (!valid) throw new Error(`generated pack ${pack.article.id} does not validate`);
    t = performance.now();
    articles.push(catalogueArticle(pack));
    articlesMs += performance.now() - t;
    t = performance.now();
    const file = packScript(pack);
    packScriptsMs += performance.now() - t;
    t = performance.now();
    writeFileSync(resolve(outDir, file.fileName), file.source);
    writeMs += performance.now() - t;
    packScriptBytes += Buffer.byteLength(file.source);
    packZipBytes += zipEntryBytes(file.fileName, file.source);
  }
  let t = performance.now();
  const indexBytes = new Uint8Array(buildCatalogueIndex(articles));
  const indexBuildMs = articlesMs + performance.now() - t;
  const indexFile = resolve(outDir, CATALOGUE_INDEX_FILE);
  t = performance.now();
  mkdirSync(dirname(indexFile), { recursive: true });
  writeFileSync(indexFile, indexBytes);
  writeMs += performance.now() - t;
  articles.length = 0;
  const buildMs = validateMs + indexBuildMs + packScriptsMs + writeMs;

  const gate = await buildGate(root, size, () => [...catalogue(size, real)]);
  const base = baseZipBytes(
    resolve(root, 'dist/chrome'),
    (name) => name.startsWith('packs/') || name.startsWith('catalogue/'),
  );
  const indexZipBytes = zipEntryBytes(CATALOGUE_INDEX_FILE, Buffer.from(indexBytes));
  const packageBytes = base + indexZipBytes + packZipBytes;

  // The index as the background loads it: the file's bytes read from the package (in the real
  // extension), then the views over them (here). What it keeps: the bytes (a copy here, as each
  // read is a new ArrayBuffer) and the views.
  const read = await measureIndexRead(root, indexFile);
  const held = heapOf(() => new CatalogueIndex(indexBytes.slice().buffer));
  const views = timed(size >= 10_000 ? 9 : 21, () => new CatalogueIndex(indexBytes.buffer));
  const indexLoadMs = read.wokenMs + views.ms;
  const index = held.value;
  const probes = probesOf(chromium.gateRead);
  const first = answerAll(new ProbeSessions(index), probes);
  const lookup = timed(size >= 10_000 ? 9 : 21, () => answerAll(new ProbeSessions(index), probes));
  // Where the look-up's time goes: the first probe's headline match (every article's headline
  // against the page's titles), and the lead shingles' look-up, each alone.
  const titles = chromium.gateRead.meta.titles;
  const byHeadline = timed(size >= 10_000 ? 9 : 21, () => index.byHeadline(titles));
  const leadHits = timed(size >= 10_000 ? 9 : 21, () => {
    const hits = new Map<number, number>();
    const counted = new Set<number>();
    for (const probe of probes) index.addLeadHits(newProbeShingles(probe.text, counted), hits);
    return index.bestByText(hits, false);
  });
  const gateFirstReadWarmMs = await chromium.gateFirstReadWarmMs();
  const detectNonArticleMs = chromium.nonArticleMs;
  const recognitionMs =
    chromium.engineDetectMs === null
      ? null
      : chromium.gateRead.ms + indexLoadMs + lookup.ms + chromium.engineDetectMs;
  const row: ScaleDetail = {
    design: 'background index (pipeline)',
    packs: size,
    gateGzipBytes: gzipSync(gate.js, { level: 9 }).length,
    detectNonArticleMs,
    recognitionMs,
    backgroundMemoryBytes: held.bytes,
    packageBytes,
    buildMs,
    gateRawBytes: gate.js.length,
    gateImportsCatalogue: gate.importsCatalogue,
    validateMs,
    indexBuildMs,
    packScriptsMs,
    writeMs,
    indexFileBytes: indexBytes.byteLength,
    packScriptBytes,
    gateReadMs: chromium.gateRead.ms,
    indexLoadMs,
    indexReadWokenMs: read.wokenMs,
    indexReadAwakeMs: read.awakeMs,
    indexViewsMs: views.ms,
    wokenWorkerStartMs: read.wokenStartMs,
    gateFirstReadWarmMs,
    lookupMs: lookup.ms,
    lookupHeadlineMs: byHeadline.ms,
    lookupLeadMs: leadHits.ms,
    engineDetectMs: chromium.engineDetectMs,
    probes: probes.length,
    probeShingles: newProbeShingles(chromium.gateRead.text, new Set()).length,
    candidate: first.verdict === 'candidate' ? first.articleId : null,
    recognisedBy: first.verdict === 'candidate' ? first.by : null,
  };
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
  log(
    `scale ${size}: gate ${(row.gateGzipBytes as number) / 1024} KB gzip (imports catalogue: ${gate.importsCatalogue}), non-article ${detectNonArticleMs?.toFixed(2)} ms (first read warm ${gateFirstReadWarmMs.toFixed(2)}), recognition ${recognitionMs?.toFixed(1)} ms (read ${row.gateReadMs.toFixed(1)}, index load ${indexLoadMs.toFixed(1)} [read woken ${read.wokenMs.toFixed(1)}, awake ${read.awakeMs.toFixed(1)}, views ${views.ms.toFixed(3)}; worker start ${read.wokenStartMs.toFixed(1)}], look-up ${lookup.ms.toFixed(2)} [headline ${byHeadline.ms.toFixed(2)}, lead ${leadHits.ms.toFixed(2)}], detect ${chromium.engineDetectMs?.toFixed(1)}; ${row.candidate} by ${row.recognisedBy}), background ${mb(row.backgroundMemoryBytes as number)} (index file ${mb(indexBytes.byteLength)}, zipped ${mb(indexZipBytes)}), package ${mb(packageBytes)}, build ${buildMs.toFixed(0)} ms (validate ${validateMs.toFixed(0)}, index ${indexBuildMs.toFixed(0)}, packs ${packScriptsMs.toFixed(0)}, write ${writeMs.toFixed(0)}), in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return row;
}
