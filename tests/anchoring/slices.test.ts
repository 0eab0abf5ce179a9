/**
 * The one slicing driver: generators run to the end in one go or in slices, a slice ends on the
 * clock, stale work is dropped, and giving the main thread back never uses setTimeout (throttled
 * to a second or more in background tabs).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { anchor, anchorAsync, runToEnd, Slices, yieldToMain } from '../../src/anchoring';

/** A generator that checks `shouldYield` `checks` times and records where it yielded. */
function* work(shouldYield: () => boolean, checks: number, log: number[]) {
  for (let i = 0; i < checks; i++) {
    if (shouldYield()) {
      log.push(i);
      yield;
    }
  }
  return checks;
}

afterEach(() => vi.restoreAllMocks());

describe('Slices', () => {
  test('a slice ends when the clock passes sliceMs, and the next starts after the pause', async () => {
    let clock = 0;
    const pauses: number[] = [];
    const slices = new Slices({
      sliceMs: 30,
      now: () => clock,
      yieldToMain: async () => {
        pauses.push(clock);
      },
    });
    const log: number[] = [];
    // Every check advances the clock by 10 ms: a slice holds three checks, the fourth yields.
    const steps = work(
      () => {
        clock += 10;
        return slices.shouldYield();
      },
      10,
      log,
    );
    expect(await slices.run(steps)).toEqual({ value: 10 });
    expect(log).toEqual([3, 7]);
    expect(pauses).toEqual([40, 80]);
  });

  test('run() drops the work when it went stale during a pause; complete() does not', async () => {
    let current = true;
    const slices = new Slices(
      {
        yieldToMain: async () => {
          current = false;
        },
      },
      () => current,
    );
    expect(await slices.run(work(() => true, 5, []))).toBeNull();
    expect(await slices.complete(work(() => true, 5, []))).toBe(5);
  });

  test('runToEnd ignores the yields', () => {
    const log: number[] = [];
    expect(runToEnd(work(() => true, 4, log))).toBe(4);
    expect(log).toEqual([0, 1, 2, 3]);
  });
});

describe('the default yield', () => {
  test('gives the event loop a turn without setTimeout', async () => {
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    let other = false;
    queueMicrotask(() => {
      other = true;
    });
    await yieldToMain();
    expect(other).toBe(true);
    expect(timeout).not.toHaveBeenCalled();
  });

  test('anchorAsync slices by default without setTimeout, with the same results as anchor()', async () => {
    document.body.innerHTML = Array.from(
      { length: 400 },
      (_, i) => `<p>Paragraph ${i}: the talks on soya beans and Taiwan went on for hours.</p>`,
    ).join('');
    const selectors = [
      { exact: 'Paragraph 17', suffix: ': the talks' },
      { exact: 'soya beans', prefix: 'Paragraph 399: the talks on ', suffix: ' and Taiwan' },
    ];
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    let clock = 0;
    // A clock that runs 1 ms per reading: the 2-ms slices end at nearly every checkpoint.
    const { results } = await anchorAsync(document.body, selectors, {
      sliceMs: 2,
      now: () => clock++,
      createRanges: false,
    });
    expect(timeout).not.toHaveBeenCalled();
    const sync = anchor(document.body, selectors, { createRanges: false });
    expect(results.map((r) => [r.start, r.end])).toEqual(sync.map((r) => [r.start, r.end]));
    expect(results.every((r) => r.start !== null)).toBe(true);
  });
});
