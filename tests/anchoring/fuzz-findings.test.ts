/**
 * Regression tests for the fuzz findings F1-F4 (tests/fuzz/FINDINGS.md), reduced to a few
 * paragraphs of the real article, and for the bench text-2m case (F6).
 */
import { describe, expect, test } from 'vitest';
import { anchor } from '../../src/anchoring';
import { ARTICLE_ST, mount, paragraphsOf, selectorAt, selectorFor } from './helpers';

const paras = paragraphsOf(ARTICLE_ST);
const P0 = paras[0] as string;
const P1 = paras[1] as string;
const P2 = paras[2] as string;
const P3 = paras[3] as string;

describe('fuzz findings (F1-F3): a doubtful match is an orphan, never a highlight elsewhere', () => {
  test('F1: a fuzzy match does not start in the previous block', () => {
    const root = mount(
      `<article><h1>China’s Xi tells Trump Taiwan’s return key to post-war order, Xinhua reports</h1><p>${P0.replace(/^US /, '')}</p></article>`,
    );
    const sel = selectorFor(ARTICLE_ST, 'US President Donald Trump');
    const [r] = anchor(root, [sel], { sourceLength: ARTICLE_ST.length });
    expect(r?.method).toBe('fuzzy');
    expect(r?.range?.toString()).toBe('President Donald Trump');
  });

  test('F2: a teaser repeating the previous paragraph does not take the next one’s mention', () => {
    const teaser =
      'US President Donald Trump described his phone call with Chinese President Xi Jinping as “very good”';
    const root = mount(
      `<article><p>${P0}</p><aside><p>${teaser}</p></aside><p>${P1}</p><p>${P2}</p></article>`,
    );
    const sel = selectorFor(ARTICLE_ST, 'US', 1); // "– US President … and Chinese" in P1
    expect(sel.suffix?.startsWith(' President Donald Trump and')).toBe(true);
    const [r] = anchor(root, [sel], { sourceLength: ARTICLE_ST.length });
    expect(r?.range?.startContainer.parentElement?.parentElement?.localName).toBe('article');
    expect(r?.range?.startContainer.textContent).toBe(P1);
  });

  test('F3: a dropped paragraph’s claim does not anchor on an edited copy in a comment', () => {
    // The comment keeps the claim's prefix, not its suffix. (A copy that keeps both, in the
    // paragraph's own place, is indistinguishable from an edit of the paragraph and anchors.)
    const claim =
      'the leaders spoke about purchases of soya beans and other farm products as well as curbing shipments of illegal fentanyl';
    expect(P2.includes(claim)).toBe(true);
    const comment = `Quote: ${P2.replace('spoke about', 'spoke China')}`;
    const root = mount(
      `<article><p>${P0}</p><p>${P1}</p><p>${P3}</p><section><p>${comment}</p><p>Great article.</p></section></article>`,
    );
    const [r] = anchor(root, [selectorFor(ARTICLE_ST, claim)], { sourceLength: ARTICLE_ST.length });
    expect(r?.range).toBeNull();
    expect(r?.reason).toBe('below-threshold');
  });

  test('F3: the edited claim in its own paragraph still anchors (both neighbours agree)', () => {
    const claim =
      'the leaders spoke about purchases of soya beans and other farm products as well as curbing shipments of illegal fentanyl';
    const edited = P2.replace('spoke about', 'talked about');
    const root = mount(`<article><p>${P0}</p><p>${P1}</p><p>${edited}</p><p>${P3}</p></article>`);
    const [r] = anchor(root, [selectorFor(ARTICLE_ST, claim)], { sourceLength: ARTICLE_ST.length });
    expect(r?.method).toBe('fuzzy');
    expect(r?.range?.startContainer.textContent).toBe(edited);
  });

  test('a short quote with agreement only away from it is not accepted ("us" in "discussion")', () => {
    const root = mount('<p>Trade terms</p><p>The discussion also comes as talks go on.</p>');
    const [r] = anchor(root, [
      {
        exact: 'US',
        prefix: 'g in October.\n\nTrade terms\n\nThe ',
        suffix: ' and China are still negotiating',
      },
    ]);
    expect(r?.range).toBeNull();
  });

  test('F4: "Mr " is not re-attached from the previous block', () => {
    const root = mount(
      '<p>Read more: talks with Mr</p><p>Trump said in a Nov 2 interview with CBS News.</p>',
    );
    const [r] = anchor(root, [
      { exact: 'Mr Trump', prefix: 'near Taiwan.\n\n', suffix: ' said in a Nov 2 interview with ' },
    ]);
    expect(r?.range?.toString()).toBe('Trump');
  });

  test('a near-copy of a dropped paragraph out of order (related stories) is not an edit of it', () => {
    const quote = 'his phone call with Chinese President Xi Jinping as “very good”';
    const copy = P0.replace('phone call', 'phone Monday');
    const root = mount(
      `<article><p>${P1}</p><p>${P2}</p><p>${P3}</p><aside><ul><li>${copy}</li></ul></aside></article>`,
    );
    const sels = [
      selectorFor(ARTICLE_ST, quote),
      selectorFor(ARTICLE_ST, 'held their first talks'),
      selectorFor(ARTICLE_ST, 'the telephone call'),
      selectorFor(ARTICLE_ST, 'he agreed to visit Beijing in April'),
    ];
    const rs = anchor(root, sels, { sourceLength: ARTICLE_ST.length });
    expect(rs.slice(1).map((r) => r.method)).toEqual(['exact', 'exact', 'exact']);
    expect(rs[0]?.range).toBeNull();
  });
});

describe('F6: neighbour order settles contested exact places before a one-character adjacency lead', () => {
  // bench text-2m: the article inside ~2 MB of filler; a story further down copies the article's
  // "– US President Donald Trump and Chinese President Xi Jinping on Nov 24 …" after "month. ",
  // which agrees one character more with the selector's prefix (". – ") than the true place
  // after the photo caption ("BLOOMBERG – "). The article's other selectors anchor around the
  // true place, so the copy, outside their order, must not win.
  const filler = (n: number, tag: string): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      out.push(
        `<p>${tag} story ${i}: the council said on Tuesday that the budget vote would be delayed while committees review the figures.</p>`,
      );
    }
    return out.join('');
  };
  const copy =
    '<p>Officials said the matter would be discussed again next month. – US President Donald Trump and Chinese President Xi Jinping on Nov 24 held talks, a summary said.</p>';
  const page = (): HTMLElement =>
    mount(
      `<section>${filler(60, 'Trending')}</section><article><p>${P0}</p><figure><figcaption>PHOTO: BLOOMBERG</figcaption></figure>${paras
        .slice(1)
        .map((p) => `<p>${p}</p>`)
        .join(
          '',
        )}</article><section>${filler(400, 'More')}${copy}${filler(1200, 'Feed')}</section>`,
    );
  // The article's other selectors: a few words from the middle of each paragraph.
  const neighbours = paras.flatMap((p, k) => {
    if (p.length < 60) return [];
    const at = ARTICLE_ST.indexOf(p) + Math.floor(p.length / 2);
    const start = ARTICLE_ST.indexOf(' ', at) + 1;
    const end = ARTICLE_ST.indexOf(' ', start + 20);
    return end > start && k !== 1 ? [selectorAt(ARTICLE_ST, start, end)] : [];
  });

  for (const quote of ['US President Donald Trump', 'US']) {
    test(`"${quote}" after the photo caption, not in the copy further down`, () => {
      const root = page();
      const sel = selectorFor(ARTICLE_ST, quote, 1);
      expect(sel.prefix?.endsWith('fentanyl.\n\n– ')).toBe(true);
      const results = anchor(root, [...neighbours, sel], { sourceLength: ARTICLE_ST.length });
      const r = results[results.length - 1];
      expect(r?.range?.startContainer.textContent).toBe(P1);
    });
  }
});

describe('after the 10 000-page run: edited copies that the text cannot tell apart are orphans', () => {
  const P5 = paras[5] as string;
  const P6 = paras[6] as string;
  const P7 = paras[7] as string;
  const claim =
    'the two countries should maintain the positive momentum generated during their October meeting in South Korea and expand cooperation';

  test('a quote that opens the article does not anchor fuzzily inside a comment quoting it (page 4640)', () => {
    // The first paragraph is gone; a comment quotes it with "US" replaced by "Mr Trump". As text,
    // "mp President Donald Trump" is two edits from the quote and its suffix agrees, but the
    // quote opens its paragraph and this copy sits inside another block.
    const comment = `So “${P0.replace(/^US /, 'Mr Trump ')}” — really?`;
    const root = mount(
      `<article><h1>China’s Xi tells Trump Taiwan’s return key to post-war order, Xinhua reports</h1><section><p>Great article, thanks.</p><p>${comment}</p></section><p>${P1}</p><p>${P2}</p></article>`,
    );
    const sel = selectorFor(ARTICLE_ST, 'US President Donald Trump');
    expect(sel.position).toBe(0);
    const [r] = anchor(root, [sel], { sourceLength: ARTICLE_ST.length });
    expect(r?.range ?? null).toBeNull();
  });

  test('the same quote edited in its own paragraph, which it opens, still anchors there', () => {
    const edited = P0.replace(/^US President Donald Trump/, 'US President Donald J. Trump');
    const root = mount(`<article><h1>Headline</h1><p>${edited}</p><p>${P1}</p></article>`);
    const [r] = anchor(root, [selectorFor(ARTICLE_ST, 'US President Donald Trump')], {
      sourceLength: ARTICLE_ST.length,
    });
    expect(r?.method).toBe('fuzzy');
    expect(r?.range?.toString()).toBe('US President Donald J. Trump');
  });

  test('two edits of one claim side by side: ambiguous, not a guess (page 9781)', () => {
    // The paragraph itself is edited ("on Monday" inserted); a comment right after it repeats
    // it with another edit. Both read as edits of the claim, in its place between the neighbours.
    const edited = P6.replace('October meeting in', 'October meeting on Monday in');
    const copy = P6.replace('South Korea and expand', 'South Korea Mr Trump expand');
    const root = mount(
      `<article><p>${P5}</p><p>${edited}</p><aside><p>${copy}</p></aside><p>${P7}</p></article>`,
    );
    const [r] = anchor(root, [selectorFor(ARTICLE_ST, claim)], { sourceLength: ARTICLE_ST.length });
    expect(r?.range ?? null).toBeNull();
    expect(r?.reason).toBe('ambiguous');
  });

  test('a word inserted after the quote’s first word: the match keeps whole words (page 4649)', () => {
    // Fewest edits would start the match inside "however" ("ver return of Taiwan …"); the
    // highlight must start at a word, and the selector's prefix picks "the however return …".
    const quote =
      'the return of Taiwan to China is a key part of the post-World War II international order';
    const edited = P5.replace('that the return', 'that the however return');
    const root = mount(`<article><p>${paras[4]}</p><p>${edited}</p><p>${P6}</p></article>`);
    const [r] = anchor(root, [selectorFor(ARTICLE_ST, quote)], { sourceLength: ARTICLE_ST.length });
    expect(r?.method).toBe('fuzzy');
    expect(r?.range?.toString()).toBe(quote.replace('the return', 'the however return'));
  });

  test('one edit of the claim in its place anchors (no rival)', () => {
    const edited = P6.replace('October meeting in', 'October meeting on Monday in');
    const root = mount(`<article><p>${P5}</p><p>${edited}</p><p>${P7}</p></article>`);
    const [r] = anchor(root, [selectorFor(ARTICLE_ST, claim)], { sourceLength: ARTICLE_ST.length });
    expect(r?.method).toBe('fuzzy');
    expect(r?.range?.startContainer.textContent).toBe(edited);
  });
});
