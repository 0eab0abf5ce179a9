import { describe, expect, test } from 'vitest';
import { anchorInIndex, combineScore, DEFAULT_THRESHOLD, TextIndex } from '../../src/anchoring';
import { ARTICLE_ST, mountArticle, paragraphsOf, selectorFor } from './helpers';

const paras = paragraphsOf(ARTICLE_ST);
const claim =
  'Shortfalls in rare earth supplies have left global industries - including autos, consumer goods and robotics – at risk of disruptions.';

function pageWith(edit: (p: string[]) => string[]): TextIndex {
  return TextIndex.build(mountArticle(edit([...paras])));
}

describe('fuzzy tier (Myers) recovers lightly edited quotes at the right place', () => {
  test('a claim with a changed word anchors by fuzzy match, in the right paragraph', () => {
    const idx = pageWith((p) =>
      p.map((x) => x.replace('have left global industries', 'have left many global industries')),
    );
    const sel = selectorFor(ARTICLE_ST, claim);
    const [r] = anchorInIndex(idx, [sel], { sourceLength: ARTICLE_ST.length });
    expect(r?.method).toBe('fuzzy');
    expect(r?.range?.toString()).toBe(
      'Shortfalls in rare earth supplies have left many global industries - including autos, consumer goods and robotics – at risk of disruptions.',
    );
    expect(r?.detail?.errors).toBe(5);
  });

  test('a typo inside a short quote anchors when the context agrees', () => {
    const idx = pageWith((p) => p.map((x) => x.replace('Sanae Takaichi', 'Sanae Takiachi')));
    const [r] = anchorInIndex(idx, [selectorFor(ARTICLE_ST, 'Sanae Takaichi')]);
    expect(r?.method).toBe('fuzzy');
    expect(r?.range?.toString()).toBe('Sanae Takiachi');
  });

  test('an exact duplicate with the wrong context loses to a fuzzy match with the right one', () => {
    const quote = 'the two leaders ultimately did not discuss the issue';
    const idx = pageWith((p) => [
      `Analysts noted that ${quote}, which surprised markets.`,
      ...p.map((x) => x.replace(quote, 'the two leaders ultimately did not discuss that issue')),
    ]);
    const [r] = anchorInIndex(idx, [selectorFor(ARTICLE_ST, quote)], {
      sourceLength: ARTICLE_ST.length,
    });
    expect(r?.method).toBe('fuzzy');
    expect(r?.range?.toString()).toBe('the two leaders ultimately did not discuss that issue');
  });
});

describe('acceptance threshold: weak matches are orphans, never wrong highlights', () => {
  test('an entity whose paragraph was cut is an orphan even though the name occurs elsewhere', () => {
    const cut = paras.findIndex((x) => x.startsWith('They also spoke about Russia'));
    const idx = pageWith((p) => p.filter((_, i) => i !== cut));
    const sel = selectorFor(ARTICLE_ST, 'Mr Xi expressed', 0);
    const xi = { ...sel, exact: 'Mr Xi', suffix: ' expressed hope for the two sides' };
    const [r] = anchorInIndex(idx, [xi], { sourceLength: ARTICLE_ST.length });
    expect(r?.range).toBeNull();
    expect(r?.reason).toBe('below-threshold');
  });

  test('a heavily rewritten claim is an orphan', () => {
    const idx = pageWith((p) =>
      p.map((x) =>
        x.replace(
          claim,
          'Manufacturers warned that supply gaps could hurt carmakers and electronics firms.',
        ),
      ),
    );
    const [r] = anchorInIndex(idx, [selectorFor(ARTICLE_ST, claim)], {
      sourceLength: ARTICLE_ST.length,
    });
    expect(r?.range).toBeNull();
  });

  test('a long quote that still exists verbatim anchors even if its surroundings changed', () => {
    // >= 96 chars: the quote itself identifies the passage (context weight is at its minimum).
    const moved =
      'That deal saw Washington lower fentanyl-related tariffs on Chinese goods and Beijing agree to remove certain restrictions on the export of rare earths.';
    const idx = TextIndex.build(
      mountArticle([`Background: ${moved}, in a move welcomed by exporters.`, 'Other news.']),
    );
    const [r] = anchorInIndex(idx, [selectorFor(ARTICLE_ST, moved)]);
    expect(r?.method).toBe('exact');
    expect(r?.range?.toString()).toBe(moved);
  });

  test('a short quote with both contexts wrong is rejected; with one side right it is accepted', () => {
    const idx = TextIndex.build(mountArticle(['Officials said Mr Xi was travelling on Monday.']));
    const both = { exact: 'Mr Xi', prefix: 'had invited ', suffix: ' for a state visit' };
    const one = { exact: 'Mr Xi', prefix: 'Officials said ', suffix: ' for a state visit' };
    const [a, b] = anchorInIndex(idx, [both, one]);
    expect(a?.range).toBeNull();
    expect(a?.reason).toBe('below-threshold');
    expect(b?.range?.toString()).toBe('Mr Xi');
  });

  test('the documented score arithmetic behind the threshold', () => {
    const t = DEFAULT_THRESHOLD;
    // short exact quote, no context given: nothing contradicts it
    expect(combineScore(1, null, null, 5, 0)).toBe(1);
    // short exact quote, both contexts disagree (c ~ 0): 0.5 -> orphan
    expect(combineScore(1, 0, null, 5, 64)).toBeLessThan(t);
    // short exact quote, one side agrees (c = 0.5): 0.75 -> accepted, even with a bad hint
    expect(combineScore(1, 0.5, 0, 5, 64)).toBeGreaterThanOrEqual(t);
    // long exact quote (>= 96 chars), contexts disagree: 0.8 -> accepted
    expect(combineScore(1, 0, null, 120, 64)).toBeGreaterThanOrEqual(t);
    // long fuzzy quote at 20% errors, contexts disagree: 0.64 -> orphan
    expect(combineScore(0.8, 0, null, 120, 64)).toBeLessThan(t);
    // fuzzy short quote (1 error in 5) with full context: 0.9 -> accepted
    expect(combineScore(0.8, 1, 1, 5, 64)).toBeGreaterThanOrEqual(t);
  });
});
