import { describe, expect, test } from 'vitest';
import { orphanReason } from '../../src/highlights/orphans';

describe('why an annotation is not highlighted', () => {
  test("the engine's 'ambiguous' wins over the paragraph's presence: the words are there, twice", () => {
    expect(orphanReason({ reason: 'ambiguous' }, true, false)).toBe('ambiguous');
    expect(orphanReason({ reason: 'ambiguous' }, false, true)).toBe('ambiguous');
  });

  test('otherwise: worded differently, cut by the paywall, or not on the page', () => {
    expect(orphanReason({ reason: 'below-threshold' }, true, false)).toBe('edited');
    expect(orphanReason({ reason: 'not-found' }, false, true)).toBe('paywall');
    expect(orphanReason({ reason: 'not-found' }, false, false)).toBe('not-found');
    // Dropped as the weaker of two overlapping highlights: no engine reason.
    expect(orphanReason(undefined, true, false)).toBe('edited');
  });
});
