import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileContext, contextDistance } from '../../src/anchoring/context';
import { contextSimilarity } from './context-reference';

/** Reference: the anchored DP of contextSimilarity, read away from the quote. */
function reference(expected: string, actual: string, side: 'before' | 'after'): number {
  const m = expected.length;
  const n = actual.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    const ec = side === 'before' ? expected[m - i] : expected[i - 1];
    for (let j = 1; j <= n; j++) {
      const ac = side === 'before' ? actual[n - j] : actual[j - 1];
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ec === ac ? 0 : 1),
      );
    }
    prev = cur;
  }
  return Math.min(...prev);
}

const unit = fc.constantFrom('a', 'b', 'c', ' ', 'é', '’');
const ctx = fc.string({ unit, maxLength: 32 });
const page = fc.string({ unit, maxLength: 60 });

describe('bit-parallel context distance agrees with the DP', () => {
  test('before and after, any page length, contexts up to 32 chars', () => {
    fc.assert(
      fc.property(ctx, page, page, fc.boolean(), (e, left, right, before) => {
        const side = before ? 'before' : 'after';
        const text = `${left}${right}`;
        const at = left.length;
        const cp = compileContext(e, side);
        const n = before ? at : text.length - at;
        const actual = before ? left : right;
        const d = contextDistance(cp, text, at, n);
        expect(d).toBe(e.length === 0 ? 0 : reference(e, actual, side));
        if (e.length > 0 && actual.length > 0) {
          expect(1 - d / e.length).toBeCloseTo(contextSimilarity(e, actual, side), 12);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('a window shorter than the text reads only n characters', () => {
    const cp = compileContext('the cat', 'after');
    expect(contextDistance(cp, 'xthe cat sat', 1, 7)).toBe(0);
    expect(contextDistance(cp, 'xthe cat sat', 1, 3)).toBe(4);
    const bp = compileContext('the cat', 'before');
    expect(contextDistance(bp, 'the catX', 7, 7)).toBe(0);
    expect(contextDistance(bp, 'the catX', 7, 0)).toBe(7);
  });
});
