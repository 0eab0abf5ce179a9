import { describe, expect, test } from 'vitest';
import { anchor, anchorInIndex, TextIndex } from '../../src/anchoring';
import { ARTICLE_ST, collapse, mount, mountArticle, paragraphsOf, selectorFor } from './helpers';

describe('anchor: exact and normalised matches', () => {
  test('matches across elements and split text nodes, range text is exact', () => {
    const root = mount('<p>Mr <b>Tr</b><i>ump</i> said the <a href="#">tele</a>phone call</p>');
    ((root.querySelector('p') as HTMLElement).lastChild as Text).splitText(4);
    const [r] = anchor(root, [{ exact: 'Trump said the telephone' }]);
    expect(r?.method).toBe('exact');
    expect(r?.range?.toString()).toBe('Trump said the telephone');
    expect(r?.score).toBe(1);
  });

  test('one result per selector, in order, with offsets into index.text', () => {
    const root = mountArticle(paragraphsOf(ARTICLE_ST));
    const idx = TextIndex.build(root);
    const quotes = ['Sanae Takaichi', 'rare earths', 'Xi Jinping', 'Howard Lutnick'];
    const res = anchorInIndex(
      idx,
      quotes.map((q) => selectorFor(ARTICLE_ST, q)),
    );
    expect(res).toHaveLength(4);
    res.forEach((r, i) => {
      expect(r.start).not.toBeNull();
      expect(idx.text.slice(r.start as number, r.end as number)).toBe(quotes[i]);
      expect(r.range?.toString()).toBe(quotes[i]);
    });
  });

  test('quotes at the very start and the very end of the text', () => {
    const root = mount('<p>Alpha beta gamma.</p><p>Delta epsilon zeta</p>');
    const [a, b] = anchor(root, [
      { exact: 'Alpha', suffix: ' beta' },
      { exact: 'zeta', prefix: 'epsilon ' },
    ]);
    expect(a?.range?.toString()).toBe('Alpha');
    expect(a?.start).toBe(0);
    expect(b?.range?.toString()).toBe('zeta');
    expect(b?.end).toBe('Alpha beta gamma. Delta epsilon zeta'.length);
  });

  test('whitespace differences (newlines, runs, NBSP) still match exactly', () => {
    const root = mount('<p>curbing\n   shipments of&nbsp;illegal   fentanyl</p>');
    const [r] = anchor(root, [{ exact: 'curbing shipments\u00a0of illegal\nfentanyl' }]);
    expect(r?.method).toBe('exact');
    expect(r?.range?.toString()).toBe('curbing\n   shipments of\u00a0illegal   fentanyl');
  });

  test('straight vs curly quotes and apostrophes, and dash variants match as normalised', () => {
    const root = mount('<p>Russia’s invasion – said “very good” in the Trump‐Xi talks ‘now’</p>');
    const res = anchor(root, [
      { exact: 'Russia\'s invasion - said "very good"' },
      { exact: 'Trump-Xi talks' },
      { exact: "'now'" },
    ]);
    expect(res[0]?.method).toBe('normalised');
    expect(res[0]?.range?.toString()).toBe('Russia’s invasion – said “very good”');
    expect(res[1]?.range?.toString()).toBe('Trump‐Xi talks');
    expect(res[2]?.range?.toString()).toBe('‘now’');
  });

  test('em dash, minus sign and figure dash fold to "-"', () => {
    const root = mount('<p>autos — robotics − 5 ‒ 6</p>');
    const [r] = anchor(root, [{ exact: 'autos - robotics - 5 - 6' }]);
    expect(r?.range?.toString()).toBe('autos — robotics − 5 ‒ 6');
  });

  test('soft hyphens and zero-width characters in the page or in the quote are ignored', () => {
    const root = mount('<p>illegal fen\u00adta\u00adnyl and tar\u200biffs</p>');
    const res = anchor(root, [{ exact: 'illegal fentanyl' }, { exact: 'and ta\u200criffs' }]);
    expect(res[0]?.method).toBe('exact');
    expect(res[0]?.range?.toString()).toBe('illegal fen\u00adta\u00adnyl');
    expect(res[1]?.range?.toString()).toBe('and tar\u200biffs');
  });

  test('case differences match as normalised', () => {
    const root = mount('<h2>TRADE TERMS</h2><p>text</p>');
    const [r] = anchor(root, [{ exact: 'Trade terms' }]);
    expect(r?.method).toBe('normalised');
    expect(r?.range?.toString()).toBe('TRADE TERMS');
  });

  test('<br> and block boundaries match a space (or a newline) in the quote', () => {
    const root = mount('<p>first line<br>second line</p><p>next para</p>');
    const res = anchor(root, [{ exact: 'line second' }, { exact: 'line\n\nnext' }]);
    expect(res[0]?.range?.toString()).toBe('linesecond');
    expect(res[1]?.range?.toString()).toBe('linenext');
    expect(res[1]?.method).toBe('exact');
  });

  test('empty and whitespace-only quotes are orphans with reason empty-quote', () => {
    const root = mount('<p>text</p>');
    const res = anchor(root, [{ exact: '' }, { exact: ' \n\u00a0\u200b' }]);
    for (const r of res) {
      expect(r.range).toBeNull();
      expect(r.start).toBeNull();
      expect(r.method).toBeNull();
      expect(r.reason).toBe('empty-quote');
    }
  });

  test('a very long quote (the whole article body) anchors exactly', () => {
    const paras = paragraphsOf(ARTICLE_ST);
    const root = mountArticle(paras);
    const body = paras.slice(1).join('\n\n');
    const [r] = anchor(root, [{ exact: body }]);
    expect(r?.method).toBe('exact');
    expect(collapse(r?.range?.toString() ?? '')).toBe(collapse(paras.slice(1).join('\n')));
    expect((r?.end as number) - (r?.start as number)).toBe(collapse(body).length);
  });

  test('a quote that is not on the page is an orphan (not-found)', () => {
    const root = mountArticle(paragraphsOf(ARTICLE_ST));
    const [r] = anchor(root, [
      { exact: 'The Federal Reserve raised interest rates by half a point' },
    ]);
    expect(r?.range).toBeNull();
    expect(r?.reason).toBe('not-found');
  });
});

describe('anchor: hidden and non-rendered text is never matched', () => {
  test('text only present in script, style, hidden or display:none is an orphan', () => {
    const root = mount(
      '<p>Visible text.</p><script>var quote = "secret plan alpha";</script>' +
        '<style>/* secret plan beta */</style><div hidden>secret plan gamma</div>' +
        '<div style="display:none">secret plan delta</div><template>secret plan epsilon</template>',
    );
    const res = anchor(root, [
      { exact: 'secret plan alpha' },
      { exact: 'secret plan beta' },
      { exact: 'secret plan gamma' },
      { exact: 'secret plan delta' },
      { exact: 'secret plan epsilon' },
    ]);
    for (const r of res) expect(r.range).toBeNull();
  });

  test('a hidden duplicate never wins over the visible occurrence', () => {
    const root = mount('<div hidden>Mr Xi said yes</div><p>Then Mr Xi said no.</p>');
    const [r] = anchor(root, [{ exact: 'Mr Xi', suffix: ' said yes' }]);
    expect(r?.range?.startContainer.parentElement?.localName).toBe('p');
  });
});

describe('anchor: duplicates are resolved by context', () => {
  test('the occurrence whose prefix/suffix agree wins over earlier duplicates', () => {
    const paras = paragraphsOf(ARTICLE_ST);
    const root = mountArticle(paras);
    const idx = TextIndex.build(root);
    // "Mr Trump said" occurs several times; ask for the one in the Nov 2 interview paragraph.
    const nth = ARTICLE_ST.split('Mr Trump said in a Nov 2')[0]?.split('Mr Trump said').length ?? 0;
    const sel = selectorFor(ARTICLE_ST, 'Mr Trump said', nth - 1);
    expect(sel.suffix?.startsWith(' in a Nov 2 interview')).toBe(true);
    const [r] = anchorInIndex(idx, [{ ...sel, position: undefined }]);
    expect(idx.text.slice(r?.end as number, (r?.end as number) + 21)).toBe(' in a Nov 2 interview');
    expect(r?.method).toBe('exact');
  });

  test('every occurrence of a repeated entity anchors to its own place', () => {
    const root = mountArticle(paragraphsOf(ARTICLE_ST));
    const idx = TextIndex.build(root);
    const count = ARTICLE_ST.split('Mr Xi').length - 1;
    expect(count).toBeGreaterThan(3);
    const sels = Array.from({ length: count }, (_, i) => selectorFor(ARTICLE_ST, 'Mr Xi', i));
    const res = anchorInIndex(idx, sels, { sourceLength: ARTICLE_ST.length });
    const starts = res.map((r) => r.start);
    expect(new Set(starts).size).toBe(count);
    res.forEach((r, i) => {
      const after = idx.text.slice(r.end as number, (r.end as number) + 12);
      expect(collapse(sels[i]?.suffix ?? '').startsWith(after.trim().slice(0, 8))).toBe(true);
    });
  });

  test('a duplicate paragraph elsewhere with different context does not win', () => {
    const root = mount(
      '<aside><p>Related: Mr Xi expressed hope for peace, officials said on Monday.</p></aside>' +
        '<p>They also spoke about Ukraine, and Mr Xi expressed hope for the two sides to reach a deal.</p>',
    );
    const [r] = anchor(root, [
      {
        exact: 'Mr Xi expressed hope',
        prefix: 'spoke about Ukraine, and ',
        suffix: ' for the two sides',
      },
    ]);
    expect(r?.range?.startContainer.parentElement?.closest('aside')).toBeNull();
  });

  test('identical contexts: the hint decides; without a hint the first occurrence wins', () => {
    const para = 'The ministry said it would respond. ';
    const root = mount(`<p>${para}</p><p>Filler ${'x '.repeat(400)}</p><p>${para}</p>`);
    const idx = TextIndex.build(root);
    const sel = { exact: 'it would respond', prefix: 'The ministry said ', suffix: '.' };
    const first = idx.text.indexOf('it would respond');
    const second = idx.text.lastIndexOf('it would respond');
    expect(anchorInIndex(idx, [sel])[0]?.start).toBe(first);
    expect(anchorInIndex(idx, [{ ...sel, position: second }])[0]?.start).toBe(second);
    expect(anchorInIndex(idx, [{ ...sel, position: first + 3 }])[0]?.start).toBe(first);
  });

  test('identical contexts and a hint far from both is ambiguous', () => {
    const para = 'The ministry said it would respond. ';
    const root = mount(`<p>${para}</p><p>${para}</p><p>${'Filler words here. '.repeat(300)}</p>`);
    const idx = TextIndex.build(root);
    const sel = {
      exact: 'it would respond',
      prefix: 'The ministry said ',
      suffix: '.',
      position: idx.length,
    };
    const [r] = anchorInIndex(idx, [sel]);
    expect(r?.range).toBeNull();
    expect(r?.reason).toBe('ambiguous');
  });
});
