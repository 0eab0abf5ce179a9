import { describe, expect, test } from 'vitest';
import { anchor, fold } from '../../src/anchoring';
import { SPELLING_VARIANTS } from '../../src/language/english';

describe('folding never lengthens the text (its offset maps are sized to it)', () => {
  test('no variant is longer than what it replaces', () => {
    for (const [from, to] of SPELLING_VARIANTS)
      expect(to.length, `${from} -> ${to}`).toBeLessThanOrEqual(from.length);
  });

  test('both spellings of centred/centring still fold alike', () => {
    expect(fold('centred').text).toBe(fold('centered').text);
    expect(fold('centring').text).toBe(fold('centering').text);
    expect(fold('centre').text).toBe(fold('center').text);
  });

  test('fuzz finding F5: two "centred" before a quote near the end no longer crash', () => {
    document.body.innerHTML = '<article><p>centred centred BLOOMBERG</p></article>';
    const [result] = anchor(document.querySelector('article') as Element, [{ exact: 'BLOOMBERG' }]);
    expect(result?.range?.toString()).toBe('BLOOMBERG');
  });
});
