import { describe, expect, test } from 'vitest';
import { planHighlights } from '../../src/highlights/plan';
import { cutSummary } from '../../src/ui/cut-summary';
import type { FoundState } from '../../src/ui/derive';
import { pack, pageState } from './helpers-pure';

/** The paywall fixture's state: everything after the third body paragraph is cut. */
function cutAfter(paragraph: number): FoundState {
  const orphans = Object.fromEntries(
    planHighlights(pack)
      .filter((p) => p.paragraph > paragraph)
      .map((p) => [p.id, 'paywall'] as const),
  );
  return pageState(orphans, 'partial') as FoundState;
}

describe('what a cut copy leaves out', () => {
  const state = cutAfter(3);
  const summary = cutSummary(pack, state);

  test('nothing to summarise when nothing was cut', () => {
    expect(cutSummary(pack, pageState({ c01: 'edited' }) as FoundState)).toBeNull();
  });

  test('every cut annotation is counted once: as a claim or as a mention', () => {
    const claims = summary?.claimsBySpeaker.reduce((n, g) => n + g.claims.length, 0) ?? 0;
    const mentions = summary?.entities.reduce((n, e) => n + e.count, 0) ?? 0;
    expect(claims + mentions).toBe(state.orphans.length);
    expect(summary?.total).toBe(state.orphans.length);
  });

  test('claims by speaker, the speaker with most claims first', () => {
    const sizes = summary?.claimsBySpeaker.map((g) => g.claims.length) ?? [];
    expect(sizes.length).toBeGreaterThan(1);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    const trump = summary?.claimsBySpeaker.find((g) => g.key === 'entity:e-trump');
    for (const claim of trump?.claims ?? [])
      expect(claim.speaker).toEqual({ type: 'entity', entity: 'e-trump' });
  });

  test('entities with counts, most mentioned first', () => {
    const counts = summary?.entities.map((e) => e.count) ?? [];
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const china = pack.entities.find((e) => e.name === 'China');
    const expected = planHighlights(pack).filter(
      (p) => p.paragraph > 3 && p.ownerId === china?.id && p.id.startsWith('m-'),
    ).length;
    expect(summary?.entities.find((e) => e.entity.id === china?.id)?.count).toBe(expected);
  });

  test('how much text is missing: the body paragraphs after the cut, and their words', () => {
    const rest = pack.article.text.paragraphs.slice(4).filter((p) => p.role === 'body');
    expect(summary?.missing.paragraphs).toBe(rest.length);
    const words = rest.reduce((n, p) => n + p.text.split(/\s+/).length, 0);
    expect(summary?.missing.words).toBeGreaterThan(words * 0.95);
    expect(summary?.missing.words).toBeLessThanOrEqual(words);
  });
});
