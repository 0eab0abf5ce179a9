import { describe, expect, test } from 'vitest';
import { normaliseText, TextIndex } from '../../src/anchoring';
import { mount } from './helpers';

function textOf(html: string, opts = {}): string {
  return TextIndex.build(mount(html), opts).text;
}

describe('TextIndex: rendered text', () => {
  test('joins inline elements and split text nodes without adding spaces', () => {
    const root = mount('<p>Mr <b>Tr</b><i>ump</i> said</p>');
    const p = root.querySelector('p') as HTMLElement;
    (p.lastChild as Text).splitText(3);
    expect(TextIndex.build(root).text).toBe('Mr Trump said');
  });

  test('block boundaries and <br> become a single space', () => {
    expect(
      textOf('<div>one</div><div>two</div><p>three<br>four</p><ul><li>a</li><li>b</li></ul>'),
    ).toBe('one two three four a b');
  });

  test('collapses whitespace runs, NBSP and Unicode spaces to one space, trimmed at the ends', () => {
    expect(textOf('<p>  a \n\t b\u00a0\u00a0c\u2009d\u3000e  </p>')).toBe('a b c d e');
  });

  test('removes soft hyphens and zero-width characters', () => {
    expect(textOf('<p>fen\u00adta\u200bnyl\u200c \u200dtar\u2060iff\ufeff</p>')).toBe(
      'fentanyl tariff',
    );
  });

  test('applies NFKC per character, including expansions and combining marks', () => {
    // U+FB01 LATIN SMALL LIGATURE FI, U+2026 ELLIPSIS, e + U+0301 COMBINING ACUTE, full-width A
    expect(textOf('<p>\ufb01nal\u2026 cafe\u0301 \uff21</p>')).toBe('final... caf\u00e9 A');
  });

  test('keeps case, curly quotes and dashes in the rendered text (they are folded only for search)', () => {
    expect(textOf('<p>“Very good” – Russia’s</p>')).toBe('“Very good” – Russia’s');
  });

  test('skips script, style, noscript, template and hidden content', () => {
    const html =
      '<p>a<script>var x = "b";</script><style>.c{}</style><noscript>d</noscript>' +
      '<template>e</template><span hidden>f</span><span style="display: none">g</span>' +
      '<span style="visibility:hidden">h</span>i</p>';
    expect(textOf(html)).toBe('ai');
  });

  test('keeps aria-hidden content by default (it is visible) and skips it on request', () => {
    const html = '<p>a <span aria-hidden="true">b</span> c</p>';
    expect(textOf(html)).toBe('a b c');
    expect(textOf(html, { skipAriaHidden: true })).toBe('a c');
  });

  test('honours a caller skip filter (e.g. the extension UI)', () => {
    const html = '<p>a <gloss-ui>ui</gloss-ui> b</p>';
    expect(textOf(html, { skip: (el: Element) => el.localName === 'gloss-ui' })).toBe('a b');
  });

  test('normaliseText applies the same rules to strings', () => {
    expect(normaliseText('  Mr\u00a0Trump\u00ad \n said ')).toBe('Mr Trump said');
  });
});

describe('TextIndex: offsets map back to exact DOM positions', () => {
  test('rangeFor covers exactly the characters, across nodes', () => {
    const root = mount('<p>The <b>US   leader</b> added</p><p>that he</p>');
    const idx = TextIndex.build(root);
    expect(idx.text).toBe('The US leader added that he');
    const s = idx.text.indexOf('leader added that');
    const r = idx.rangeFor(s, s + 'leader added that'.length);
    expect(r.startContainer.textContent).toBe('US   leader');
    expect(r.startOffset).toBe(5);
    expect(r.endContainer.textContent).toBe('that he');
    expect(r.endOffset).toBe(4);
  });

  test('ranges are exact where normalisation removed or collapsed characters', () => {
    const root = mount('<p>fen\u00adtanyl  \u00a0 ship\ufb01ne</p>');
    const idx = TextIndex.build(root);
    expect(idx.text).toBe('fentanyl shipfine');
    const r = idx.rangeFor(0, 8);
    expect(r.toString()).toBe('fen\u00adtanyl');
    const f = idx.text.indexOf('fi');
    const r2 = idx.rangeFor(f, f + 2); // both chars come from one ligature
    expect(r2.toString()).toBe('\ufb01');
    const r3 = idx.rangeFor(f + 1, f + 3); // "in": starts inside the ligature
    expect(r3.toString()).toBe('\ufb01n');
  });

  test('offsetAt maps a DOM point to a text offset', () => {
    const root = mount('<p>a  <b>bc</b></p><p>d</p>');
    const idx = TextIndex.build(root);
    expect(idx.text).toBe('a bc d');
    const b = root.querySelector('b')?.firstChild as Text;
    expect(idx.offsetAt(b, 1)).toBe(3);
    expect(idx.offsetAt(document.createTextNode('x'), 0)).toBeNull();
  });

  test('surrogate pairs map to both code units', () => {
    const root = mount('<p>a 😀 b</p>');
    const idx = TextIndex.build(root);
    expect(idx.text).toBe('a 😀 b');
    expect(idx.rangeFor(2, 4).toString()).toBe('😀');
  });
});
