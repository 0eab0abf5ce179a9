import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fold } from '../../src/anchoring';
import { foldSteps } from '../../src/anchoring/fold';
import { HONORIFICS, SPELLING_VARIANTS } from '../../src/language/english';
import { referenceFold } from './fold-reference';

const same = (s: string) => {
  const a = fold(s);
  const b = referenceFold(s);
  expect(a.text).toBe(b.text);
  expect(a.renderedStarts === null ? null : [...a.renderedStarts]).toEqual(
    b.renderedStarts === null ? null : [...b.renderedStarts],
  );
  expect(a.renderedEnds === null ? null : [...a.renderedEnds]).toEqual(
    b.renderedEnds === null ? null : [...b.renderedEnds],
  );
  expect(a.foldedOffsets === null ? null : [...a.foldedOffsets]).toEqual(
    b.foldedOffsets === null ? null : [...b.foldedOffsets],
  );
};

// Words that exercise every branch: honorifics in both cases, with and without '.', variant
// keys and their neighbours, letters and numbers before them, non-ASCII letters, surrogates.
const words = [
  ...HONORIFICS,
  ...HONORIFICS.map((h) => h[0]?.toUpperCase() + h.slice(1)),
  'Mr.',
  'MR',
  'Dr.',
  ...SPELLING_VARIANTS.map(([a]) => a),
  ...SPELLING_VARIANTS.map(([a]) => a.toUpperCase()),
  'Soya',
  'beans',
  'Trump',
  'x',
  '9',
  'é',
  'É',
  'İstanbul',
  '𝐀',
  '😀',
  '“',
  '’',
  '—',
  '.',
  ',',
  'smr',
  'amr',
];
const text = fc
  .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', '', '', '.', ' ', '-', 'é')), {
    maxLength: 40,
  })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

describe('fold (hand-written scanner) reproduces the former regex fold exactly', () => {
  test('random sequences of honorifics, variants and neighbours', () => {
    fc.assert(fc.property(text, same), { numRuns: 3000 });
  });

  test('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), same), { numRuns: 2000 });
  });

  test('known cases', () => {
    for (const s of [
      'Mr Trump met Mrs. May and Dr Who; the mr smith; MS treatment',
      'Mr. Xi said soya bean and soya beans, centred centre; 9grey agrey grey',
      'Prof Émile and Mr Élan; x𝐀grey 😀grey',
      'İstanbul Mr Trump soya bean',
      'mr',
      'Mr ',
      'Mr  X',
    ])
      same(s);
  });

  test('long texts (lower-cased in chunks cut at spaces): Greek final sigma, İ', () => {
    same('ΟΔΟΣ ΣΑΣ Mr Trump '.repeat(9000));
    same(`${'ΟΔΟΣ ΣΑΣ Mr Trump '.repeat(9000)}İstanbul`);
  });

  test('a long text folds in slices with the same result', () => {
    const unit = 'Mr Trump spoke of soya beans and the licence. Dr. Who; colour. ';
    const long = unit.repeat(5000);
    const g = foldSteps(long, () => true);
    let r = g.next();
    let slices = 1;
    while (!r.done) {
      slices++;
      r = g.next();
    }
    // 320 K chars: a check every 64 K in the scan, plus the native passes.
    expect(slices).toBeGreaterThan(4);
    expect(r.value.text).toBe(referenceFold(long).text);
    expect([...(r.value.foldedOffsets as Int32Array)]).toEqual([
      ...(referenceFold(long).foldedOffsets as Int32Array),
    ]);
  });
});
