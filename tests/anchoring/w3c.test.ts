/**
 * Cases from the W3C Web Annotation Data Model rules for TextQuoteSelector and
 * TextPositionSelector (https://www.w3.org/TR/annotation-model/#text-quote-selector), and where
 * this engine deliberately differs (see README, "W3C selectors").
 */
import { describe, expect, test } from 'vitest';
import {
  anchor,
  anchorInIndex,
  fromCodePointOffset,
  TextIndex,
  toCodePointOffset,
} from '../../src/anchoring';
import { mount } from './helpers';

describe('TextQuoteSelector', () => {
  test('the spec example: "efg" with prefix "abcd" and suffix "hijk"', () => {
    const root = mount('<p>abcdefghijklmnopqrstuvwxyz</p>');
    const [r] = anchor(root, [{ exact: 'efg', prefix: 'abcd', suffix: 'hijk' }]);
    expect(r?.start).toBe(4);
    expect(r?.end).toBe(7);
    expect(r?.range?.toString()).toBe('efg');
  });

  test('exact is required: an empty exact selects nothing', () => {
    const [r] = anchor(mount('<p>abc</p>'), [{ exact: '', prefix: 'a', suffix: 'c' }]);
    expect(r?.reason).toBe('empty-quote');
  });

  test('prefix is the text immediately before and suffix immediately after: they pick the copy', () => {
    const root = mount('<p>the cat sat. the dog sat. the cat ran.</p>');
    const res = anchor(root, [
      { exact: 'the cat', suffix: ' ran' },
      { exact: 'sat', prefix: 'dog ' },
      { exact: 'the cat', suffix: ' sat' },
    ]);
    expect(res.map((r) => r.start)).toEqual([26, 21, 0]);
  });

  test('differs: several equal matches are not an error; the first (or the one at the hint) wins', () => {
    const root = mount('<p>same same same</p>');
    expect(anchor(root, [{ exact: 'same' }])[0]?.start).toBe(0);
    expect(anchor(root, [{ exact: 'same', position: 10 }])[0]?.start).toBe(10);
  });

  test('differs: matching is on normalised text (whitespace, case, quotes), not raw characters', () => {
    const root = mount('<p>He said  “Hello”</p>');
    const [r] = anchor(root, [{ exact: 'he said "hello"' }]);
    expect(r?.method).toBe('normalised');
    expect(r?.range?.toString()).toBe('He said  “Hello”');
  });
});

describe('TextPositionSelector', () => {
  test('start inclusive, end exclusive, counted in code points of the normalised text', () => {
    const root = mount('<p>a 😀 <b>b</b>c</p>');
    const idx = TextIndex.build(root);
    expect(idx.text).toBe('a 😀 bc');
    // "bc" is code points [4, 6) but UTF-16 units [5, 7): our offsets are UTF-16 units.
    const [r] = anchorInIndex(idx, [{ exact: 'bc' }]);
    expect([r?.start, r?.end]).toEqual([5, 7]);
    expect(toCodePointOffset(idx.text, r?.start as number)).toBe(4);
    expect(toCodePointOffset(idx.text, r?.end as number)).toBe(6);
    expect(fromCodePointOffset(idx.text, 4)).toBe(5);
    expect(
      idx.rangeFor(fromCodePointOffset(idx.text, 2), fromCodePointOffset(idx.text, 3)).toString(),
    ).toBe('😀');
  });

  test('a position is a range selector in its own right: offsets -> Range', () => {
    const root = mount('<p>abcdefghijklmnopqrstuvwxyz</p>');
    const idx = TextIndex.build(root);
    expect(idx.rangeFor(4, 7).toString()).toBe('efg');
  });

  test('differs: a QuoteSelector position is only a hint, never trusted over the quote', () => {
    const root = mount('<nav>menu</nav><p>abcdefghijklmnopqrstuvwxyz</p>');
    // The position points at "abc" but the quote says "xyz": the quote wins.
    const [r] = anchor(root, [{ exact: 'xyz', position: 0 }]);
    expect(r?.range?.toString()).toBe('xyz');
  });
});
