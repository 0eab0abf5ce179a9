import { describe, expect, test } from 'vitest';
import { conflictingResults } from '../../src/highlights/conflicts';
import type { PlannedHighlight } from '../../src/highlights/plan';

const planned = (id: string, category: PlannedHighlight['category'], allowOverlap: string[] = []) =>
  ({ id, ownerId: id, category, paragraph: 0, allowOverlap }) as unknown as PlannedHighlight;

describe('one place, one annotation', () => {
  test('two mentions anchored on the same words: the weaker one is dropped', () => {
    const plan = [planned('m-us-1', 'entity-place'), planned('m-us-2', 'entity-place')];
    const results = [
      { start: 10, end: 12, score: 0.8 },
      { start: 10, end: 12, score: 0.95 },
    ];
    expect(conflictingResults(plan, results)).toEqual(new Set([0]));
  });

  test("a mention from a paragraph this page lacks yields to the paragraph's own", () => {
    const plan = [
      { ...planned('m-us-1', 'entity-place'), paragraph: 0 },
      { ...planned('m-us-2', 'entity-place'), paragraph: 1 },
    ] as PlannedHighlight[];
    const results = [
      { start: 10, end: 12, score: 0.9 },
      { start: 10, end: 12, score: 0.8 },
    ];
    expect(conflictingResults(plan, results, (p) => p !== 0)).toEqual(new Set([0]));
  });

  test('equal scores: the better position agreement wins', () => {
    const plan = [planned('a', 'claim-fact'), planned('b', 'claim-fact')];
    const results = [
      { start: 0, end: 20, score: 0.9, detail: { position: 0.99 } },
      { start: 5, end: 25, score: 0.9, detail: { position: 0.4 } },
    ];
    expect(conflictingResults(plan, results)).toEqual(new Set([1]));
  });

  test('different categories may overlap; declared overlaps are kept; orphans are ignored', () => {
    const plan = [
      planned('m-us-1', 'entity-place'),
      planned('m-trump-1', 'entity-person'),
      planned('c1', 'claim-fact', ['c2']),
      planned('c2', 'claim-fact'),
      planned('m-x', 'entity-place'),
    ];
    const results = [
      { start: 0, end: 2, score: 1 },
      { start: 0, end: 25, score: 1 },
      { start: 30, end: 60, score: 1 },
      { start: 50, end: 80, score: 1 },
      { start: null, end: null, score: 0.2 },
    ];
    expect(conflictingResults(plan, results)).toEqual(new Set());
  });

  test('adjacent spans do not clash', () => {
    const plan = [planned('a', 'entity-place'), planned('b', 'entity-place')];
    expect(
      conflictingResults(plan, [
        { start: 0, end: 5, score: 1 },
        { start: 5, end: 9, score: 1 },
      ]),
    ).toEqual(new Set());
  });
});
