/**
 * Seeded fuzz of the anchoring engine and the content script's paint step over random pages built
 * from the real article (page-gen.ts): house-style variants, split and wrapped text nodes, noise
 * with near-duplicate sentences, hidden copies, dropped and edited paragraphs.
 *
 * Every anchored range must cover the quote's words at the quote's place (never noise, hidden
 * content, another paragraph or another occurrence); painting must wrap exactly the anchored text
 * and destroy() must restore the page. Counts: anchored, orphans, wrong (must be 0), crashes
 * (must be 0).
 *
 * Size and seed: GLOSS_FUZZ_PAGES (default 200 here; `npm run fuzz` runs 10 000), GLOSS_FUZZ_SEED.
 * To rebuild one page: GLOSS_FUZZ_SEED=<seed> GLOSS_FUZZ_PAGE=<index> npx vitest run tests/fuzz
 * A failing page's HTML is written to artifacts/fuzz/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AnchorResult, anchor, type QuoteSelector, TextIndex } from '../../src/anchoring';
import { packById } from '../../src/annotations/packs';
import { createPainter } from '../../src/content/paint';
import type { HighlightCategory } from '../../src/highlights/categories';
import { planHighlights, selectorOf } from '../../src/highlights/plan';
import {
  checkPainted,
  contextAgreement,
  contextEditAgreement,
  coveredChars,
  describeResult,
  judge,
  marksUnder,
  sideAgreement,
  TextOffsets,
  testFold,
  textNodesOf,
  truePlace,
  truthOf,
  type Verdict,
} from './check';
import { installDomShims, type Shims } from './dom-shims';
import { type GeneratedPage, generatePage, pageSeed, sourceLengthOf } from './page-gen';

const DEFAULT_SEED = 20251124;
const PAGES = Number(process.env.GLOSS_FUZZ_PAGES ?? 200);
const SEED = Number(process.env.GLOSS_FUZZ_SEED ?? DEFAULT_SEED);
const ONLY = process.env.GLOSS_FUZZ_PAGE === undefined ? null : Number(process.env.GLOSS_FUZZ_PAGE);
const MAX_REPORTED = Number(process.env.GLOSS_FUZZ_MAX_REPORTED ?? 20);
/**
 * Pages of the 10 000-page run with the default seed that failed once (FINDINGS.md: F4, F5, the
 * near-ties and cascades fixed since): run at every size, so the CI-size run keeps them fixed.
 */
const REGRESSION_PAGES = [
  292, 407, 473, 485, 567, 647, 798, 866, 1270, 1281, 1325, 1343, 1744, 1886, 2284, 2475, 2554,
  2817, 3416, 3661, 3747, 3757, 3988, 3992, 4086, 4276, 4640, 4649, 4903, 5064, 5081, 5731, 8280,
  9781,
];
/**
 * With no true place on the page (paragraph dropped, quote edited), a copy of the quote's words
 * counts as a decoy only if this many context characters agree verbatim next to it, or if the
 * quote is long enough to be its own identity (LONG_QUOTE: the engine accepts such a quote
 * verbatim whatever its context, by design).
 */
const DECOY_MIN_AGREEMENT = 4;
/**
 * With the true place on the page, a copy counts as a decoy if its context agreement (verbatim
 * characters next to it, check.ts contextAgreement) is at least the true place's, or at most this
 * much below it and the copy is at least as close by edit distance (the engine's measure): e.g. the
 * opening quotation mark of a pull quote that otherwise repeats the paragraph with its
 * surroundings, or a copy followed by the next paragraph's start minus its dash.
 */
const CONTEXT_TOLERANCE = 4;
/** Verbatim context characters on each side that make a fuzzy copy of a dropped quote a decoy. */
const EDITED_COPY_SIDE = 8;
const LONG_QUOTE = 96;
const ARTIFACTS = join(process.cwd(), 'artifacts', 'fuzz');

const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('the bundled pack is missing');
const planned = planHighlights(pack);
const selectors: QuoteSelector[] = planned.map(selectorOf);
const sourceLength = sourceLengthOf(pack);

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

let shims: Shims | null = null;
const trackRange = (r: Range) => shims?.track(r);

interface Totals {
  pages: number;
  highlights: number;
  anchored: number;
  orphans: number;
  /** Orphans whose quote is on the page untouched (the engine missed it: allowed, counted). */
  missed: number;
  /** Anchored highlights whose quote an edit touched (fuzzy matches at their place). */
  anchoredEdited: number;
  /**
   * Anchored on another copy of the quote's words (noise, another paragraph) that the engine cannot
   * tell from the right place: with the true place on the page, the copy's context agrees with the
   * selector's at least as well as the true place's does (a verbatim repeat with the same
   * surroundings); with no true place (paragraph dropped, quote edited), the copy's context agrees
   * verbatim over DECOY_MIN_AGREEMENT characters or the quote is >= LONG_QUOTE characters. Counted
   * and reported, not failed (see FINDINGS.md). Anything else is wrong.
   */
  decoys: number;
  /** Decoys by truth and landing place, e.g. 'dropped->paragraph'. */
  decoysBy: Record<string, number>;
  wrong: number;
  crashes: number;
  paintErrors: number;
  /** Marks put inside script/style/noscript/template/hidden elements (range spans them). */
  hiddenMarks: number;
}

/** Time spent per phase (ms), printed with the summary. */
const phaseMs = { generate: 0, anchor: 0, judge: 0, paint: 0, checkPaint: 0, destroy: 0 };
let phaseStart = 0;
const phase = (name: keyof typeof phaseMs) => {
  const now = performance.now();
  phaseMs[name] += now - phaseStart;
  phaseStart = now;
};

interface Failure {
  page: number;
  seed: number;
  what: string;
  html: string;
}

function fuzzPage(pageIndex: number, totals: Totals, failures: Failure[], notes: string[]): void {
  const seed = pageSeed(SEED, pageIndex);
  phaseStart = performance.now();
  let page: GeneratedPage;
  try {
    page = generatePage(document, pack as NonNullable<typeof pack>, seed);
  } catch (e) {
    // The generator itself: not a finding, but it must not hide pages.
    throw new Error(`page ${pageIndex} (seed ${seed}) could not be generated: ${String(e)}`);
  }
  totals.pages++;
  phase('generate');
  const htmlBefore = document.body.innerHTML;
  const fail = (what: string) => {
    if (failures.length < MAX_REPORTED)
      failures.push({ page: pageIndex, seed, what, html: htmlBefore });
  };

  let results: AnchorResult[];
  try {
    results = anchor(page.root, selectors, { sourceLength });
    phase('anchor');
  } catch (e) {
    totals.crashes++;
    fail(`anchor() threw: ${(e as Error)?.stack ?? String(e)}`);
    return;
  }

  let textIndex: TextIndex | undefined;
  const nodes = textNodesOf(page.root);
  const order = new Map(nodes.map((n, i) => [n, i] as const));
  const offsets = new TextOffsets(document.body);
  const coverage = new Map<HighlightCategory, Uint8Array>();
  const groups = new Map<HighlightCategory, Range[]>();
  planned.forEach((h, i) => {
    totals.highlights++;
    const r = results[i];
    const truth = truthOf(page, h);
    if (!r?.range) {
      totals.orphans++;
      if (truth === 'present') totals.missed++;
      return;
    }
    totals.anchored++;
    const verdict = judge(h, truth, coveredChars(page, order, nodes, r.range));
    let kind: Verdict['kind'] = verdict.kind;
    let why = verdict.why;
    if (
      kind === 'wrong' &&
      truth === 'dropped' &&
      r.method === 'fuzzy' &&
      !why?.startsWith('spans')
    ) {
      // An edited copy of a dropped paragraph that keeps both neighbours of the quote (a full
      // near-copy in the paragraph's place) is text-wise an edit of the paragraph: a decoy.
      textIndex ??= TextIndex.build(page.root);
      const sel = selectors[i] as QuoteSelector;
      const [b, a] = sideAgreement(textIndex, r.start as number, r.end as number, sel);
      if (b >= EDITED_COPY_SIDE && a >= EDITED_COPY_SIDE) {
        kind = 'decoy';
        why = `${why} (an edited copy with both neighbours: ${b} and ${a} characters)`;
      }
    }
    if (kind === 'decoy') {
      // The quote's words on another copy of them: a decoy only when the engine cannot know better.
      textIndex ??= TextIndex.build(page.root);
      const sel = selectors[i] as QuoteSelector;
      const theirs = contextAgreement(textIndex, r.start as number, r.end as number, sel);
      if (truth === 'present') {
        const place = truePlace(page, textIndex, h);
        const mine = place ? contextAgreement(textIndex, place[0], place[1], sel) : -1;
        why = `${why} (context agreement ${theirs} there, ${mine} at the true place)`;
        if (theirs < mine) {
          // Shorter verbatim agreement: still a decoy if the copy is at least as close by edit
          // distance (the engine's measure) and at most CONTEXT_TOLERANCE characters shorter.
          const e = contextEditAgreement(textIndex, r.start as number, r.end as number, sel);
          const eMine = place ? contextEditAgreement(textIndex, place[0], place[1], sel) : -1;
          why = `${why}, by edit distance ${e} there, ${eMine} at the true place`;
          if (theirs < mine - CONTEXT_TOLERANCE || e < eMine) kind = 'wrong';
        }
      } else {
        why = `${why} (context agreement ${theirs} there)`;
        if (theirs < DECOY_MIN_AGREEMENT && testFold(sel.exact).length < LONG_QUOTE) kind = 'wrong';
      }
    }
    const line =
      `${h.id} ${JSON.stringify(h.target.quote.exact)} (${truth}, paragraph ${h.paragraph}) -> ` +
      `${JSON.stringify(verdict.text)}: ${why} [${describeResult(r)}]`;
    if (kind === 'wrong') {
      totals.wrong++;
      fail(`wrong: ${line}`);
    } else if (kind === 'decoy') {
      totals.decoys++;
      const where = verdict.why?.includes('noise') ? 'noise' : 'paragraph';
      const key = `${truth}->${where}`;
      totals.decoysBy[key] = (totals.decoysBy[key] ?? 0) + 1;
      if (totals.decoys <= 5) notes.push(`decoy: page ${pageIndex}: ${line}`);
    } else if (truth === 'edited') totals.anchoredEdited++;
    trackRange(r.range);
    const a = offsets.at(r.range.startContainer, r.range.startOffset);
    const b = offsets.at(r.range.endContainer, r.range.endOffset);
    if (a === null || b === null) return; // already reported as wrong
    let cov = coverage.get(h.category);
    if (!cov) {
      cov = new Uint8Array(offsets.length);
      coverage.set(h.category, cov);
    }
    cov.fill(1, a, b);
    const list = groups.get(h.category) ?? [];
    list.push(r.range);
    groups.set(h.category, list);
  });

  phase('judge');
  // Paint, check, destroy, check.
  const textBefore = document.body.textContent ?? '';
  try {
    const painter = createPainter(document);
    painter.paint(groups);
    phase('paint');
    const errors = checkPainted(document.body, textBefore, coverage);
    for (const mark of marksUnder(document.body)) {
      for (let p = mark.parentElement; p && p !== document.body; p = p.parentElement) {
        if (SKIPPED.has(p.localName) || p.hasAttribute('hidden')) {
          totals.hiddenMarks++;
          break;
        }
      }
    }
    phase('checkPaint');
    painter.destroy();
    if (marksUnder(document.body).length > 0) errors.push('destroy() left a gloss-mark');
    if (document.body.textContent !== textBefore) errors.push('destroy() changed the page text');
    if (document.body.innerHTML !== htmlBefore) errors.push('destroy() changed the page markup');
    phase('destroy');
    if (errors.length > 0) {
      totals.paintErrors++;
      totals.wrong++;
      fail(`paint: ${errors.slice(0, 3).join('; ')}`);
    }
  } catch (e) {
    totals.crashes++;
    fail(`paint threw: ${(e as Error)?.stack ?? String(e)}`);
  }
}

describe('fuzz: anchoring and painting on random pages of the real article', () => {
  // Spec-conformant live ranges on splitText and a fast intersectsNode (dom-shims.ts).
  beforeAll(() => {
    shims = installDomShims();
  });
  afterAll(() => {
    shims?.restore();
    shims = null;
  });

  test(
    `${ONLY === null ? PAGES : 1} pages${ONLY === null && SEED === DEFAULT_SEED ? ' and the pages that once failed' : ''}, seed ${SEED}`,
    () => {
      const totals: Totals = {
        pages: 0,
        highlights: 0,
        anchored: 0,
        orphans: 0,
        missed: 0,
        anchoredEdited: 0,
        decoys: 0,
        decoysBy: {},
        wrong: 0,
        crashes: 0,
        paintErrors: 0,
        hiddenMarks: 0,
      };
      const failures: Failure[] = [];
      const notes: string[] = [];
      const t0 = performance.now();
      const indices =
        ONLY === null
          ? [
              ...Array.from({ length: PAGES }, (_, i) => i),
              ...(SEED === DEFAULT_SEED ? REGRESSION_PAGES.filter((i) => i >= PAGES) : []),
            ]
          : [ONLY];
      for (const i of indices) {
        shims?.reset();
        fuzzPage(i, totals, failures, notes);
        if (i % 100 === 99 && process.env.GLOSS_FUZZ_MEM) {
          (globalThis as { gc?: () => void }).gc?.();
          console.log('MEM', i, Math.round(process.memoryUsage().heapUsed / 1e6));
        }
      }
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(
        `fuzz: pages=${totals.pages} highlights=${totals.highlights} anchored=${totals.anchored} ` +
          `orphans=${totals.orphans} (missed=${totals.missed}) anchoredEdited=${totals.anchoredEdited} ` +
          `decoys=${totals.decoys} ${JSON.stringify(totals.decoysBy)} wrong=${totals.wrong} (paint=${totals.paintErrors}) crashes=${totals.crashes} ` +
          `hiddenMarks=${totals.hiddenMarks} seed=${SEED} time=${secs}s ` +
          `(${Object.entries(phaseMs)
            .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`)
            .join(', ')})`,
      );
      for (const n of notes) console.log(n);
      if (failures.length > 0) {
        mkdirSync(ARTIFACTS, { recursive: true });
        const seen = new Set<number>();
        for (const f of failures) {
          console.error(
            `fuzz failure: seed=${SEED} page=${f.page} (page seed ${f.seed}): ${f.what}\n` +
              `  reproduce: GLOSS_FUZZ_SEED=${SEED} GLOSS_FUZZ_PAGE=${f.page} npx vitest run tests/fuzz`,
          );
          if (!seen.has(f.page)) {
            seen.add(f.page);
            writeFileSync(
              join(ARTIFACTS, `seed-${SEED}-page-${f.page}.html`),
              `<!-- gloss fuzz: seed ${SEED}, page ${f.page}, page seed ${f.seed}\n` +
                `${failures
                  .filter((x) => x.page === f.page)
                  .map((x) => x.what.replace(/--/g, '- -'))
                  .join('\n')}\n-->\n<!doctype html><html><body>${f.html}</body></html>\n`,
            );
          }
        }
      }
      expect(totals.crashes, `crashes (seed ${SEED}, see artifacts/fuzz/)`).toBe(0);
      expect(totals.wrong, `wrong highlights (seed ${SEED}, see artifacts/fuzz/)`).toBe(0);
      // The fuzz is only meaningful if most present quotes do anchor.
      expect(totals.anchored).toBeGreaterThan(0.5 * totals.highlights);
    }, // A guard against a hang, not a speed check: a shared machine under load (six agents on
    // two cores) took 1.4 s a page, several times a quiet run's 0.2 s.
    Math.max(300_000, PAGES * 3000),
  );
});
