import { describe, expect, it } from 'vitest';
import { mark, TIMING_MARKS } from '../../src/content/timing';

describe('first-highlight marks', () => {
  it('leave nothing in the page timeline outside the benchmark build', () => {
    for (const name of TIMING_MARKS) mark(name);
    const ours = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('gloss:'));
    expect(ours).toEqual([]);
  });
});
