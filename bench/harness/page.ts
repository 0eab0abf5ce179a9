/**
 * The in-page harness, bundled (vite lib mode, IIFE) into bench/out/harness.js and injected into
 * each benchmark page. It exposes `window.__glossBench`; bench/run.ts drives it over CDP.
 * Every library anchors the same selectors in the same root (document.body) and returns Ranges;
 * ranges are turned into page-text offsets (concatenated Text nodes) outside the timed region.
 */

import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import * as textQuote from 'dom-anchor-text-quote';
import {
  type AnchorResult,
  anchor,
  anchorAsync,
  anchorInIndex,
  reanchor,
  TextIndex,
} from '../../src/anchoring';
import type { ParagraphRole } from '../../src/annotations/model';
import { loadPacks } from '../../src/annotations/packs';
import { recognise } from '../../src/content/article-root';
import { openingScope, PageRead, probeMetadata } from '../../src/content/gate-read';
import { catalogueArticle } from '../../src/detection/catalogue-build';
import { CatalogueIndex } from '../../src/detection/catalogue-index';
import { buildCatalogueIndex } from '../../src/detection/catalogue-index-build';
import { fingerprintArticle } from '../../src/detection/paragraphs';
import type { BenchSelector } from '../lib/generate';
import { matchQuote } from '../lib/hypothesis-match';

export type Library =
  | 'gloss'
  | 'apache-annotator'
  | 'hypothesis-style'
  | 'dom-anchor-text-quote'
  | 'floor-read'
  | 'floor-indexof';

export interface Span {
  start: number;
  end: number;
}

class Timeout extends Error {}

const isFloor = (lib: Library) => lib === 'floor-read' || lib === 'floor-indexof';

/** Shortest timed sample: runs faster than this are repeated and averaged within the sample. */
const MIN_SAMPLE_MS = 5;

let selectors: BenchSelector[] = [];
let sourceLength = 0;
let nodeStart = new Map<Node, number>();
let pageTextLength = 0;
let pageText = '';

const now = () => performance.now();

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
  return out;
}

/** Index the page text (after the page is loaded; libraries do not change the DOM). */
function indexPage(): string {
  nodeStart = new Map();
  const parts: string[] = [];
  let at = 0;
  for (const t of textNodes(document.body)) {
    nodeStart.set(t, at);
    parts.push(t.data);
    at += t.data.length;
  }
  pageTextLength = at;
  pageText = parts.join('');
  return pageText;
}

function boundaryOffset(container: Node, offset: number): number {
  const s = nodeStart.get(container);
  if (s !== undefined) return s + offset;
  const r = document.createRange();
  r.setStart(document.body, 0);
  r.setEnd(container, offset);
  return r.toString().length;
}

function rangeToSpan(r: Range | null): Span | null {
  if (!r) return null;
  return {
    start: boundaryOffset(r.startContainer, r.startOffset),
    end: boundaryOffset(r.endContainer, r.endOffset),
  };
}

/** Text node offsets -> Range, as Hypothesis' TextRange.fromOffsets does (binary search here). */
function rangeFromOffsets(nodes: Text[], starts: number[], start: number, end: number): Range {
  const find = (off: number, isEnd: boolean) => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      const s = starts[mid] as number;
      if (s < off || (!isEnd && s === off)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const a = find(start, false);
  const b = find(end, true);
  const r = document.createRange();
  r.setStart(nodes[a] as Text, start - (starts[a] as number));
  r.setEnd(nodes[b] as Text, end - (starts[b] as number));
  return r;
}

const glossSelectors = () =>
  selectors.map((s) => ({ exact: s.exact, prefix: s.prefix, suffix: s.suffix, position: s.start }));

async function runOnce(lib: Library, deadline: number): Promise<Array<Range | null>> {
  const root = document.body;
  switch (lib) {
    case 'gloss': {
      return anchor(root, glossSelectors(), { sourceLength }).map((r) => r.range);
    }
    case 'apache-annotator': {
      const scope = document.createRange();
      scope.selectNodeContents(root);
      const out: Array<Range | null> = [];
      for (const s of selectors) {
        const matcher = createTextQuoteSelectorMatcher({
          type: 'TextQuoteSelector',
          exact: s.exact,
          ...(s.prefix ? { prefix: s.prefix } : {}),
          ...(s.suffix ? { suffix: s.suffix } : {}),
        });
        const it = matcher(scope);
        const first = await it.next();
        out.push(first.done ? null : first.value);
        await it.return?.(undefined);
        if (now() > deadline) throw new Timeout();
      }
      return out;
    }
    case 'hypothesis-style': {
      const nodes = textNodes(root);
      const starts: number[] = [];
      let at = 0;
      const parts: string[] = [];
      for (const n of nodes) {
        starts.push(at);
        parts.push(n.data);
        at += n.data.length;
      }
      const text = parts.join('');
      const out: Array<Range | null> = [];
      for (const s of selectors) {
        // Like the client: a position selector that still holds the quote is used as is.
        if (text.slice(s.start, s.end) === s.exact) {
          out.push(rangeFromOffsets(nodes, starts, s.start, s.end));
          continue;
        }
        const m = matchQuote(text, s.exact, { prefix: s.prefix, suffix: s.suffix, hint: s.start });
        out.push(m ? rangeFromOffsets(nodes, starts, m.start, m.end) : null);
        if (now() > deadline) throw new Timeout();
      }
      return out;
    }
    case 'dom-anchor-text-quote': {
      const out: Array<Range | null> = [];
      for (const s of selectors) {
        out.push(
          textQuote.toRange(
            root,
            { exact: s.exact, prefix: s.prefix, suffix: s.suffix },
            { hint: s.start },
          ),
        );
        if (now() > deadline) throw new Timeout();
      }
      return out;
    }
    case 'floor-read': {
      // The honest lower bound of any anchoring: every character of every text node read once.
      let sum = 0;
      const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        const data = (n as Text).data;
        for (let i = 0; i < data.length; i++) sum += data.charCodeAt(i);
      }
      (globalThis as { __sink?: unknown }).__sink = sum;
      return [];
    }
    case 'floor-indexof': {
      // The same pass, then each selector's exact text found once with indexOf in the page text
      // (no context, no normalisation, no ranges): what finding the quotes costs at the least.
      let sum = 0;
      const parts: string[] = [];
      const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        const data = (n as Text).data;
        for (let i = 0; i < data.length; i++) sum += data.charCodeAt(i);
        parts.push(data);
      }
      const text = parts.join('');
      for (const s of selectors) sum += text.indexOf(s.exact);
      (globalThis as { __sink?: unknown }).__sink = sum;
      return [];
    }
  }
}

export interface MeasureResult {
  times: number[];
  timeout: boolean;
  /** Only with collect: one span (or null) per selector, from the last iteration. */
  spans?: Array<Span | null>;
}

async function measure(
  lib: Library,
  iterations: number,
  deadlineMs: number,
  collect: boolean,
): Promise<MeasureResult> {
  const times: number[] = [];
  let last: Array<Range | null> = [];
  for (let i = 0; i < iterations; i++) {
    // performance.now() is coarse here (0.1 ms): repeat fast runs within one sample.
    const t0 = now();
    let reps = 0;
    try {
      do {
        last = await runOnce(lib, t0 + deadlineMs);
        reps++;
      } while (now() - t0 < MIN_SAMPLE_MS);
    } catch (e) {
      if (e instanceof Timeout) return { times: [now() - t0], timeout: true };
      throw e;
    }
    times.push((now() - t0) / reps);
  }
  const out: MeasureResult = { times, timeout: false };
  if (collect) out.spans = isFloor(lib) ? [] : last.map(rangeToSpan);
  return out;
}

/**
 * One call, timed alone (no repetition): on a fresh page this is the cold call, JIT warm-up
 * included. performance.now() is coarsened to 0.1 ms here, which is fine at this size.
 */
async function once(lib: Library): Promise<number> {
  const t0 = now();
  await runOnce(lib, t0 + 60_000);
  return now() - t0;
}

/**
 * The same warm-up for every library: at least `calls` calls and `minMs` of work, stopped after
 * `maxMs` (a slow peer gets fewer calls). Returns each call's time, for the warm-up curve.
 */
async function warmup(lib: Library, calls: number, minMs: number, maxMs: number, capMs: number) {
  const times: number[] = [];
  const t0 = now();
  while ((times.length < calls || now() - t0 < minMs) && now() - t0 < maxMs) {
    const t = now();
    try {
      await runOnce(lib, t + capMs);
    } catch (e) {
      if (e instanceof Timeout) break;
      throw e;
    }
    times.push(now() - t);
  }
  return times;
}

/** Start of each paragraph text in the page text, searched in order from `container`'s start. */
function locate(texts: Array<string | null>, container: string): Array<number | null> {
  const text = indexPage();
  const el = document.querySelector(container) ?? document.body;
  const first = textNodes(el)[0];
  let from = first ? (nodeStart.get(first) ?? 0) : 0;
  return texts.map((t) => {
    if (t === null) return null;
    const i = text.indexOf(t, from);
    if (i < 0) return null;
    from = i + t.length;
    return i;
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Time `fn` in batches of `batch` calls; median per-call time over `rounds` batches. */
function batched(fn: () => unknown, batch: number, rounds: number): number {
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    for (let i = 0; i < batch; i++) fn();
    per.push((now() - t0) / batch);
  }
  return median(per);
}

/** Where Gloss's time goes: index build, folding, anchoring tiers (no ranges), range creation. */
function glossProfile(iterations: number) {
  const build: number[] = [];
  const fold: number[] = [];
  const match: number[] = [];
  const exactOnly: number[] = [];
  const ranges: number[] = [];
  let results: AnchorResult[] = [];
  const sels = glossSelectors();
  for (let i = 0; i < iterations; i++) {
    const t0 = now();
    const index = TextIndex.build(document.body);
    const t1 = now();
    void index.folded;
    const t2 = now();
    results = anchorInIndex(index, sels, { sourceLength, createRanges: false });
    const t3 = now();
    for (const r of results) if (r.start !== null && r.end !== null) index.rangeFor(r.start, r.end);
    const t4 = now();
    anchorInIndex(index, sels, { sourceLength, createRanges: false, fuzzy: false });
    exactOnly.push(now() - t4);
    build.push(t1 - t0);
    fold.push(t2 - t1);
    match.push(t3 - t2);
    ranges.push(t4 - t3);
  }
  const methods: Record<string, number> = {};
  for (const r of results) {
    const k = r.method ?? `orphan:${r.reason ?? '?'}`;
    methods[k] = (methods[k] ?? 0) + 1;
  }
  return {
    buildMs: median(build),
    foldMs: median(fold),
    matchMs: median(match),
    /** anchorInIndex with fuzzy: false (exact/normalised tiers and scoring only). */
    exactTierMs: median(exactOnly),
    rangesMs: median(ranges),
    methods,
  };
}

/** anchorAsync with its default 30 ms slices: the longest synchronous slice, and long tasks. */
async function glossSlices() {
  const slices: number[] = [];
  const longtasks: number[] = [];
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longtasks.push(e.duration);
  });
  try {
    po.observe({ type: 'longtask', buffered: false });
  } catch {
    // not supported
  }
  let resumed = now();
  const t0 = resumed;
  const { results } = await anchorAsync(document.body, glossSelectors(), {
    sourceLength,
    yieldToMain: () => {
      slices.push(now() - resumed);
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          resumed = now();
          resolve();
        }, 0),
      );
    },
  });
  slices.push(now() - resumed);
  const total = now() - t0;
  await new Promise((r) => setTimeout(r, 50));
  po.disconnect();
  return {
    longestSliceMs: Math.max(...slices),
    slices: slices.length,
    totalMs: total,
    anchored: results.filter((r) => r.range !== null).length,
    longtasksMs: longtasks,
    syncAnchorMs: 0,
  };
}

/**
 * Incremental re-anchoring after a paragraph is replaced by new nodes: index.update() +
 * reanchor(). `edit` alternates the paragraph's text between two versions (a real text change);
 * otherwise the new nodes hold the same text (a re-render).
 */
function glossReanchor(paragraphText: string, iterations: number, edit: boolean) {
  const sels = glossSelectors();
  const opts = { sourceLength };
  const index = TextIndex.build(document.body);
  let prev = anchorInIndex(index, sels, opts);
  const before = prev.filter((r) => r.range).length;
  const candidates = [...document.body.querySelectorAll('p, div, h2, h3')];
  let el = candidates.find((e) => e.textContent === paragraphText) as Element | undefined;
  if (!el) throw new Error('paragraph not found');
  const update: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const fresh = el.cloneNode(true) as Element;
    if (edit && i % 2 === 0) fresh.textContent = paragraphText.replace(/\bthe\b/, 'this');
    else if (edit) fresh.textContent = paragraphText;
    el.replaceWith(fresh);
    el = fresh;
    const t0 = now();
    const change = index.update();
    const t1 = now();
    prev = reanchor(index, prev, sels, change, opts);
    const t2 = now();
    update.push(t1 - t0);
    total.push(t2 - t0);
  }
  return {
    medianMs: median(total),
    updateMs: median(update),
    reanchorMs: median(total.map((t, i) => t - (update[i] as number))),
    anchoredBefore: before,
    anchoredAfter: prev.filter((r) => r.range).length,
  };
}

/** The real catalogue's index, as the background holds it. */
const catalogueIndex = new CatalogueIndex(
  buildCatalogueIndex(loadPacks().packs.map(catalogueArticle)),
);

/**
 * The gate's first task on a page (content/gate.ts): its metadata, then its opening text read
 * gathered for the probes, unsliced. On a non-article page of a supported site, all the gate does
 * before it asks the background.
 */
function gateFirstRead(url: string) {
  const read = new PageRead(probeMetadata(document, url), false);
  const scope = openingScope(document, read);
  if (scope) read.queue.push(scope);
  read.readSlice(Number.POSITIVE_INFINITY);
  read.collect();
  return read;
}

function detectNonArticle(url: string) {
  const first = gateFirstRead(url);
  return {
    ms: batched(() => gateFirstRead(url), 200, 15),
    metadataMs: batched(() => probeMetadata(document, url), 200, 15),
    chars: first.chars,
    probeText: first.pending.length,
  };
}

/** The engine's detect() for the candidate: its paragraph fingerprints against the page. */
function detectArticle(
  url: string,
  paragraphs: Array<{ id: string; text: string; role: ParagraphRole }>,
) {
  const run = () => {
    const trusted = catalogueIndex.byAddress(url) !== null;
    const fingerprint = fingerprintArticle(paragraphs);
    const found = recognise(document.body, fingerprint, { named: trusted, requested: false });
    if (found) return { trusted, verdict: found.judgement.verdict, root: found.region.localName };
    return { trusted, verdict: 'none', root: null };
  };
  const result = run();
  return { ms: batched(run, 5, 15), result };
}

/**
 * The gate's whole read of a page that declares itself an article (content/gate.ts reads it in
 * slices of a few ms; here unsliced, batched): its metadata and every text node gathered for
 * the probes. Returns what the probes carry, for the background's side (bench/lib/scale.ts).
 */
function gateRead(url: string) {
  const first = gateFirstRead(url);
  return {
    ms: batched(() => gateFirstRead(url), 5, 15),
    url,
    meta: first.meta,
    text: first.pending,
    chars: first.chars,
  };
}

/** The page text around [start, end), the span in brackets. */
function excerpt(start: number, end: number, pad = 40): string {
  return `${pageText.slice(Math.max(0, start - pad), start)}[${pageText.slice(start, end)}]${pageText.slice(end, end + pad)}`;
}

const api = {
  excerpt,
  load(sels: BenchSelector[], srcLength: number) {
    selectors = sels;
    sourceLength = srcLength;
    indexPage();
    return { selectors: selectors.length, pageTextLength };
  },
  locate,
  measure,
  once,
  warmup,
  glossProfile,
  glossSlices,
  glossReanchor,
  detectNonArticle,
  gateRead,
  detectArticle,
};

export type BenchApi = typeof api;
(globalThis as unknown as { __glossBench: BenchApi }).__glossBench = api;
