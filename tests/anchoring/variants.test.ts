import { describe, expect, test } from 'vitest';
import { anchorInIndex, fold, type QuoteSelector, TextIndex } from '../../src/anchoring';
import { ARTICLE_ST, ARTICLE_US, mountArticle, paragraphsOf, selectorFor } from './helpers';

/** The conversions that turn the ST copy into the US copy (see fixtures/article-us.txt). */
function usify(s: string): string {
  let t = s.replace(/\b(Mr|Ms) (?=[A-Z])/g, '');
  for (const [a, b] of [
    ['soya beans', 'soybeans'],
    ['soya bean', 'soybean'],
    ['licences', 'licenses'],
    ['defence', 'defense'],
    ['centred', 'centered'],
  ] as const)
    t = t.split(a).join(b);
  return t.replace(/[“”]/g, '"').replace(/[’‘]/g, "'");
}

const f = (s: string) => fold(s.replace(/\s+/g, ' ')).text;

function expectAtRightPlace(
  idx: TextIndex,
  sel: QuoteSelector,
  start: number | null,
  end: number | null,
) {
  expect(start, `orphan: ${sel.exact}`).not.toBeNull();
  const after = f(idx.text.slice(end as number, (end as number) + 40));
  const before = f(idx.text.slice(Math.max(0, (start as number) - 40), start as number));
  const wantAfter = f(usify(sel.suffix ?? ''))
    .trim()
    .slice(0, 10);
  const wantBefore = f(usify(sel.prefix ?? ''))
    .trim()
    .slice(-10);
  expect(after.trim().startsWith(wantAfter), `suffix of ${sel.exact}`).toBe(true);
  expect(before.trim().endsWith(wantBefore), `prefix of ${sel.exact}`).toBe(true);
}

describe('honorific and spelling variants anchor where context agrees', () => {
  const variants = [
    'Mr Trump',
    'Mr Xi',
    'Ms Takaichi',
    'soya beans',
    'soya bean',
    'licences',
    'defence',
    'centred',
    'Mr Lutnick',
  ];

  test('ST selectors (Mr Trump, soya beans, licences...) on the US copy', () => {
    const idx = TextIndex.build(
      mountArticle(paragraphsOf(ARTICLE_US), { headline: 'Trump, Xi talk' }),
    );
    const sels: QuoteSelector[] = [];
    for (const v of variants) {
      const count = ARTICLE_ST.split(v).length - 1;
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) sels.push(selectorFor(ARTICLE_ST, v, i));
    }
    const res = anchorInIndex(idx, sels, { sourceLength: ARTICLE_ST.length });
    // The US copy has no standfirst: a mention there has no counterpart and must be an orphan,
    // even though the same words (with other context) occur in the body.
    const standfirstEnd = ARTICLE_ST.indexOf('\n');
    res.forEach((r, i) => {
      const sel = sels[i] as QuoteSelector;
      if ((sel.position as number) < standfirstEnd) {
        expect(r.range, `standfirst mention of ${sel.exact}`).toBeNull();
        return;
      }
      expectAtRightPlace(idx, sel, r.start, r.end);
      expect(r.range?.toString()).toBe(usify(sel.exact));
      expect(r.method).toBe('normalised');
    });
  });

  test('US selectors (Trump, soybeans, licenses...) on the ST copy land on the same words', () => {
    const idx = TextIndex.build(mountArticle(paragraphsOf(ARTICLE_ST)));
    const quotes: Array<[string, string]> = [
      ['Trump said the telephone call', 'Trump said the telephone call'],
      ['soybeans and other farm products', 'soya beans and other farm products'],
      ['"general licenses"', '“general licences”'],
      ['the defense of Taiwan', 'the defence of Taiwan'],
      ['China centered on Taiwan', 'China centred on Taiwan'],
      ["denounced Takaichi's remarks", 'denounced Ms Takaichi’s remarks'],
      ['a lot of soybean purchase', 'a lot of soya bean purchase'],
    ];
    const sels = quotes.map(([q]) => selectorFor(ARTICLE_US, q));
    const res = anchorInIndex(idx, sels, { sourceLength: ARTICLE_US.length });
    res.forEach((r, i) => {
      const want = (quotes[i] as [string, string])[1];
      expect(r.range?.toString()).toBe(want);
    });
  });

  test('a bare surname in the quote highlights only the surname on a page with "Mr"', () => {
    const idx = TextIndex.build(mountArticle(paragraphsOf(ARTICLE_ST)));
    const sel = selectorFor(ARTICLE_US, 'Xi', 3); // "...and Xi expressed hope"
    const [r] = anchorInIndex(idx, [sel], { sourceLength: ARTICLE_US.length });
    expect(r?.range?.toString()).toBe('Xi');
    expect(r?.method).toBe('exact');
    expect(idx.text.slice(r?.end as number).startsWith(' expressed hope')).toBe(true);
  });

  test('folding is symmetric: both sides fold the same way', () => {
    expect(fold('Mr Trump').text).toBe(fold('Trump').text);
    expect(fold('soya beans').text).toBe(fold('soybeans').text);
    expect(fold('Ms Takaichi’s').text).toBe(fold("Takaichi's").text);
    expect(fold('General Licences').text).toBe(fold('general licenses').text);
    expect(fold('centred').text).toBe(fold('centered').text);
    // An honorific is only dropped before a capitalised word.
    expect(fold('the mr smith').text).toBe('the mr smith');
    expect(fold('MS treatment').text).toBe('ms treatment');
  });
});
