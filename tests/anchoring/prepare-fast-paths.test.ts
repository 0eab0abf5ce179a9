import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contextSimilarity } from '../../src/anchoring';
import { breakAfter, breakBefore, lowerEquals } from '../../src/anchoring/anchor';
import { compileContext, contextDistance } from '../../src/anchoring/context';
import { fold } from '../../src/anchoring/normalise';

// prepare() decides whether a quote opens / closes its paragraph by hand instead of with the
// regexes it used before (a performance change): the answers must be the regexes'.
const regexBefore = (prefix: string, exact: string) =>
  /[\n\r\u2028\u2029]\s*$/.test(prefix + (exact.match(/^\s*/)?.[0] ?? ''));
const regexAfter = (exact: string, suffix: string) =>
  /^\s*[\n\r\u2028\u2029]/.test((exact.match(/\s*$/)?.[0] ?? '') + suffix);

const unit = fc.constantFrom(
  'a',
  'B',
  ' ',
  '\n',
  '\r',
  '\t',
  '\u000b',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\u0085',
  '’',
);
const str = fc.string({ unit, maxLength: 12 });

describe('block edges of a selector', () => {
  test('breakBefore / breakAfter agree with the regexes', () => {
    fc.assert(
      fc.property(str, str, str, (prefix, exact, suffix) => {
        expect(breakBefore(prefix, exact)).toBe(regexBefore(prefix, exact));
        expect(breakAfter(exact, suffix)).toBe(regexAfter(exact, suffix));
      }),
      { numRuns: 5000 },
    );
  });

  test('every BMP code unit is whitespace to them exactly when it is regex \\s', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      expect(breakAfter(s, '\n')).toBe(regexAfter(s, '\n'));
      expect(breakBefore('\n', s)).toBe(regexBefore('\n', s));
    }
  });
});

describe('pooled arrays', () => {
  test('many short folds with maps keep their own maps', () => {
    // The maps of short folded texts are views into shared buffers: each must stay intact.
    const texts = Array.from({ length: 400 }, (_, i) => `Mr Xi ${'x'.repeat(i % 300)} soya beans`);
    const folded = texts.map((t) => fold(t));
    folded.forEach((f, i) => {
      expect(f).toEqual(fold(texts[i] as string));
      expect(f.t2f?.length).toBe((texts[i] as string).length + 1);
    });
  });

  test('compiled contexts used in any order give the DP distance', () => {
    // Their ASCII bits are loaded into a shared table per side on use (context.ts).
    const unit = fc.constantFrom('a', 'b', ' ', 'é', '’', 'A');
    const ctx = fc.string({ unit, minLength: 1, maxLength: 32 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(ctx, fc.boolean()), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), fc.string({ unit, maxLength: 40 })), { maxLength: 20 }),
        (defs, uses) => {
          const compiled = defs.map(([e, before]) =>
            compileContext(e, before ? 'before' : 'after'),
          );
          for (const [k, page] of uses) {
            const i = k % defs.length;
            const [e, before] = defs[i] as [string, boolean];
            const d = contextDistance(
              compiled[i] as ReturnType<typeof compileContext>,
              page,
              before ? page.length : 0,
              page.length,
            );
            const sim = contextSimilarity(e, page, before ? 'before' : 'after');
            expect(1 - d / e.length).toBeCloseTo(sim, 12);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('lowerEquals', () => {
  test('agrees with slice + toLowerCase', () => {
    const u = fc.constantFrom('m', 'M', 'r', 'R', ' ', '.', 'İ', 'i', '\u0307', 'Σ', 'σ', 'é', 'É');
    fc.assert(
      fc.property(
        fc.string({ unit: u, maxLength: 10 }),
        fc.string({ unit: u, maxLength: 4 }),
        fc.nat(10),
        fc.nat(5),
        (text, lower, from, len) => {
          const a = Math.min(from, text.length);
          const b = a + len;
          for (const l of [lower, lower.toLowerCase(), text.slice(a, b).toLowerCase()]) {
            expect(lowerEquals(text, a, b, l)).toBe(text.slice(a, b).toLowerCase() === l);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});
