import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { approxSearch, editDistance, findAll } from '../../src/anchoring';

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Minimum edit distance of `p` to any substring of `t` (semi-global DP). */
function bestSubstringDistance(p: string, t: string): number {
  let prev = new Array(t.length + 1).fill(0);
  for (let i = 1; i <= p.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(
        prev[j] + 1,
        (cur[j - 1] as number) + 1,
        prev[j - 1] + (p[i - 1] === t[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return Math.min(...prev);
}

const small = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), maxLength: 90 });

describe('Myers bit-parallel matcher agrees with the textbook DP', () => {
  test('editDistance equals Levenshtein, including patterns longer than one 32-bit word', () => {
    fc.assert(
      fc.property(small, small, (a, b) => {
        expect(editDistance(a, b)).toBe(levenshtein(a, b));
      }),
      { numRuns: 400 },
    );
  });

  test('approxSearch finds the best substring distance and reports a span that realises it', () => {
    fc.assert(
      fc.property(
        small.filter((s) => s.length > 0),
        small,
        (p, t) => {
          const best = bestSubstringDistance(p, t);
          const res = approxSearch(t, p, 0, t.length, { maxErrors: p.length });
          const got = res.length > 0 ? (res[0]?.errors as number) : p.length;
          expect(got).toBe(best);
          for (const m of res) {
            expect(levenshtein(p, t.slice(m.start, m.end))).toBe(m.errors);
            expect(m.errors).toBeLessThanOrEqual(p.length);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  test('respects the error budget and the search window', () => {
    const t = 'xxxx soybeans xxxx soya beans xxxx';
    expect(approxSearch(t, 'soybeans', 0, t.length, { maxErrors: 0 })).toEqual([
      { start: 5, end: 13, errors: 0 },
    ]);
    const two = approxSearch(t, 'soybeans', 14, t.length, { maxErrors: 2 });
    expect(two[0]?.start).toBeGreaterThanOrEqual(14);
    expect(two[0]?.errors).toBe(2);
  });
});

describe('multi-pattern exact search (one pass for all patterns)', () => {
  test('finds every occurrence of every pattern, like indexOf', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 300 }),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 }), {
          maxLength: 30,
        }),
        (text, patterns) => {
          const got = findAll(text, patterns, 1e9, () => false);
          let r = got.next();
          while (!r.done) r = got.next();
          patterns.forEach((p, i) => {
            const want: number[] = [];
            if (p.length > 0)
              for (let k = text.indexOf(p); k >= 0; k = text.indexOf(p, k + 1)) want.push(k);
            expect(r.value[i]).toEqual(want);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
