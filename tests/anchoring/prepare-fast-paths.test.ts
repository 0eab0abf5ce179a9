import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normaliseText } from '../../src/anchoring';
import { lowerEquals } from '../../src/anchoring/candidates';
import { compileContext, contextDistance } from '../../src/anchoring/context';
import { fold } from '../../src/anchoring/fold';
import { breakAfter, breakBefore } from '../../src/anchoring/prepare';
import { contextSimilarity } from './context-reference';

// prepare() decides whether a quote opens / closes its paragraph: is there a line break among
// the characters that render blank (as a space or as nothing) where the context meets the quote?
// The reference asks the normaliser itself which characters render blank.
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const rendersBlank = (ch: string) => normaliseText(ch) === '';
function blankEnd(s: string): string {
  let i = s.length;
  while (i > 0 && rendersBlank(s[i - 1] as string)) i--;
  return s.slice(i);
}
function blankStart(s: string): string {
  let i = 0;
  while (i < s.length && rendersBlank(s[i] as string)) i++;
  return s.slice(0, i);
}
const referenceBefore = (prefix: string, exact: string) =>
  LINE_BREAK.test(blankEnd(prefix) + blankStart(exact));
const referenceAfter = (exact: string, suffix: string) =>
  LINE_BREAK.test(blankEnd(exact) + blankStart(suffix));

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
  '\u00ad',
  '\u0001',
  '’',
);
const str = fc.string({ unit, maxLength: 12 });

describe('block edges of a selector', () => {
  test('breakBefore / breakAfter agree with the reference', () => {
    fc.assert(
      fc.property(str, str, str, (prefix, exact, suffix) => {
        expect(breakBefore(prefix, exact)).toBe(referenceBefore(prefix, exact));
        expect(breakAfter(exact, suffix)).toBe(referenceAfter(exact, suffix));
      }),
      { numRuns: 5000 },
    );
  });

  test('a BMP code unit stands between a line break and the quote exactly when it renders as something', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      const blank = normaliseText(s) === '';
      if (breakAfter('quote', `${s}\n`) !== blank || breakBefore(`\n${s}`, 'quote') !== blank) {
        wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('NEL, VT and BOM next to a line break leave it next to the quote', () => {
    for (const blank of ['\u0085', '\u000b', '\ufeff']) {
      expect(breakBefore(`end of paragraph.\n${blank}`, 'Next one')).toBe(true);
      expect(breakAfter('a quote', `${blank}\nNext paragraph`)).toBe(true);
    }
    expect(breakBefore('no break here ', 'quote')).toBe(false);
  });
});

describe('pooled arrays', () => {
  test('many short folds with maps keep their own maps', () => {
    // The maps of short folded texts are views into shared buffers: each must stay intact.
    const texts = Array.from({ length: 400 }, (_, i) => `Mr Xi ${'x'.repeat(i % 300)} soya beans`);
    const folded = texts.map((t) => fold(t));
    folded.forEach((f, i) => {
      expect(f).toEqual(fold(texts[i] as string));
      expect(f.foldedOffsets?.length).toBe((texts[i] as string).length + 1);
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
