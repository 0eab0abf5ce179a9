/**
 * The verbatim tier (src/anchoring/verbatim.ts) is a shortcut, not a second opinion: wherever it
 * places a selector, the search tiers alone place it at the same characters. Checked on the
 * fixture pages of the site and on seeded fuzz pages built from the real article (split text
 * nodes, house styles, noise with near-duplicate sentences, hidden copies, dropped and edited
 * paragraphs), none of them written for this tier.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AnchorResult,
  anchorInIndex,
  type QuoteSelector,
  runToEnd,
  TextIndex,
} from '../../src/anchoring';
import { searchSteps } from '../../src/anchoring/pipeline';
import { neverYield } from '../../src/anchoring/slices';
import { verbatimSteps } from '../../src/anchoring/verbatim';
import { packById } from '../../src/annotations/packs';
import { canonicalText } from '../../src/annotations/text';
import { planHighlights, selectorOf } from '../../src/highlights/plan';
import { truePlace, truthOf } from '../fuzz/check';
import { installDomShims, type Shims } from '../fuzz/dom-shims';
import { generatePage, pageSeed } from '../fuzz/page-gen';
import { LOOKALIKE_PAGES, lookalikeHtml } from './lookalike-pages';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');
const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('the bundled pack is missing');
const planned = planHighlights(pack);
const selectors: QuoteSelector[] = planned.map(selectorOf);
const options = { sourceLength: canonicalText(pack.article).length, createRanges: false };
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Every saved page under tests/fixtures/pages. */
function fixturePages(dir = PAGES_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixturePages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

interface Comparison {
  /** Selectors the verbatim tier placed. */
  verbatim: number;
  /**
   * Selectors the tier placed where the search alone does not place them (elsewhere or not at
   * all), unless the page's ground truth is known and the tier's place is the true one. On the
   * fixture pages (no ground truth), also those the whole engine places otherwise than the search
   * alone. (On generated pages the rest of the engine's choices are judged by the fuzz test.)
   */
  disagreements: string[];
  /** Of those, the tier's place is the true place (the search missed it or chose a copy). */
  tierRight: number;
}

const place = (r: AnchorResult | null | undefined) =>
  r && r.start !== null ? `${r.start}-${r.end}` : 'none';

/** `truth(i, index)`: the true place of selector i ("start-end"), where the page knows it. */
function compare(root: Node, truth?: (i: number, index: TextIndex) => string | null): Comparison {
  const index = TextIndex.build(root);
  const tier = runToEnd(verbatimSteps(index, selectors, options, [], neverYield));
  const search = runToEnd(searchSteps(index, selectors, options));
  const whole = anchorInIndex(index, selectors, options);
  const disagreements: string[] = [];
  let verbatim = 0;
  let tierRight = 0;
  selectors.forEach((selector, i) => {
    const byTier = tier[i];
    if (byTier) verbatim++;
    const wholePlace = place(whole[i]);
    const searchPlace = place(search[i]);
    const tierPlace = place(byTier);
    if (truth === undefined) {
      if ((!byTier || tierPlace === searchPlace) && wholePlace === searchPlace) return;
    } else {
      if (!byTier || tierPlace === searchPlace) return;
      if (tierPlace === truth(i, index)) {
        tierRight++;
        return;
      }
    }
    disagreements.push(
      `${selector.exact}: tier ${tierPlace}, engine ${wholePlace}, search ${searchPlace}, truth ${truth?.(i, index) ?? 'unknown'}`,
    );
  });
  return { verbatim, disagreements, tierRight };
}

describe('the verbatim tier places only where the search would', () => {
  test('the canonical page: the tier alone places every selector, each where the search does', () => {
    const canonical = fixturePages().find((p) =>
      p.endsWith(
        'asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports.html',
      ),
    ) as string;
    const c = compare(parse(readFileSync(canonical, 'utf8')).body);
    expect(c.disagreements).toEqual([]);
    expect(c.verbatim).toBe(selectors.length);
  });

  test('every saved page of the site, article or not', () => {
    const pages = fixturePages();
    expect(pages.length).toBeGreaterThan(5);
    for (const path of pages) {
      const c = compare(parse(readFileSync(path, 'utf8')).body);
      expect(c.disagreements, path).toEqual([]);
    }
  });

  test('pages of the same site that only look like the article: the tier places nothing', () => {
    for (const page of LOOKALIKE_PAGES) {
      const c = compare(parse(lookalikeHtml(page)).body);
      expect(c.verbatim, page.name).toBe(0);
      expect(c.disagreements, page.name).toEqual([]);
    }
  });

  describe('seeded fuzz pages of the real article', () => {
    let shims: Shims | null = null;
    beforeAll(() => {
      shims = installDomShims();
    });
    afterAll(() => {
      shims?.restore();
    });
    test('120 pages: where the tier and the search differ, the tier is at the true place', () => {
      let placedByTier = 0;
      let tierRight = 0;
      const disagreements: string[] = [];
      for (let k = 0; k < 120; k++) {
        const page = generatePage(document, pack, pageSeed(20261208, k));
        const c = compare(page.root, (i, index) => {
          const h = planned[i] as (typeof planned)[number];
          const at = truthOf(page, h) === 'present' ? truePlace(page, index, h) : null;
          return at ? `${at[0]}-${at[1]}` : null;
        });
        placedByTier += c.verbatim;
        tierRight += c.tierRight;
        disagreements.push(...c.disagreements.map((d) => `page ${k}: ${d}`));
      }
      expect(disagreements).toEqual([]);
      // Measured when written: 2 (the search chose a copy, or turned the true place down).
      expect(tierRight).toBeLessThan(10);
      // The pages carry much of the article verbatim: the tier must be doing the work.
      expect(placedByTier).toBeGreaterThan(120 * selectors.length * 0.15);
    });
  });
});
