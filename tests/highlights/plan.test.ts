import { describe, expect, test } from 'vitest';
import { packById } from '../../src/annotations/packs';
import { canonicalText } from '../../src/annotations/text';
import {
  HIGHLIGHT_CATEGORIES,
  highlightName,
  highlightStylesheet,
} from '../../src/highlights/categories';
import { planHighlights } from '../../src/highlights/plan';

const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('seed pack missing');

describe('the highlight plan', () => {
  const planned = planHighlights(pack);

  test('has every mention and every claim once, in text order', () => {
    const mentions = pack.entities.flatMap((e) => e.mentions);
    expect(planned.length).toBe(mentions.length + pack.claims.length);
    expect(new Set(planned.map((p) => p.id)).size).toBe(planned.length);
    const starts = planned.map((p) => p.target.position.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  test('files each under its kind and the paragraph its words are in', () => {
    const text = canonicalText(pack.article);
    for (const p of planned) {
      const owner = pack.entities.find((e) => e.id === p.ownerId);
      const claim = pack.claims.find((c) => c.id === p.ownerId);
      expect(p.category).toBe(owner ? `entity-${owner.kind}` : `claim-${claim?.kind}`);
      const paragraph = pack.article.text.paragraphs[p.paragraph];
      expect(paragraph?.text).toContain(p.target.quote.exact);
      expect(text.slice(p.target.position.start, p.target.position.end)).toBe(p.target.quote.exact);
    }
  });
});

describe('highlight categories', () => {
  test('are named gloss-entity-<kind>, gloss-claim-<kind> and gloss-note-<kind>', () => {
    for (const c of HIGHLIGHT_CATEGORIES) {
      expect(highlightName(c)).toMatch(/^gloss-(entity|claim|note)-[a-z]+$/);
    }
  });

  test('style entities with a background and claims with an underline', () => {
    const css = highlightStylesheet();
    for (const c of HIGHLIGHT_CATEGORIES) {
      const rule = css.split('\n').find((l) => l.startsWith(`::highlight(${highlightName(c)})`));
      expect(rule, c).toBeDefined();
      expect(rule).toContain(c.startsWith('entity-') ? 'background-color' : 'text-decoration');
    }
  });

  test('give each claim kind its own line style, so colour is not the only cue', () => {
    const css = highlightStylesheet();
    const styles = HIGHLIGHT_CATEGORIES.filter((c) => c.startsWith('claim-')).map(
      (c) =>
        css.match(new RegExp(`${highlightName(c)}\\) \\{ text-decoration: underline (\\w+)`))?.[1],
    );
    expect(new Set(styles).size).toBe(styles.length);
  });
});
