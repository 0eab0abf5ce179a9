/**
 * Sliced work: the engine's long passes (building the index, folding, anchoring, re-anchoring)
 * are generators that yield at checkpoints when `shouldYield()` says the current slice is used
 * up. This module is the one way to run them: to the end in one go (`runToEnd`), or in slices
 * that give the main thread back in between (`Slices`), so no task exceeds the slice budget by
 * more than one checkpoint's worth of work.
 */

/** A yield check: return true when the current slice of work should end. */
export type ShouldYield = () => boolean;

/** Never ends a slice: the generator runs to the end in one go. */
export const neverYield: ShouldYield = () => false;

/** Run sliced work to the end synchronously (its yield check never fires, or is ignored). */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * Give the main thread back for one turn of the event loop: `scheduler.yield()` where the browser
 * has it (the continuation keeps its priority), else a MessageChannel message. Not setTimeout:
 * browsers throttle it to a second or more in background tabs, which would stretch a 2 MB page's
 * anchoring to minutes.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Default time budget of one slice (ms): well under the 50 ms long-task limit. */
export const SLICE_MS = 30;

export interface SliceOptions {
  /** Time budget of one slice in ms. Default SLICE_MS (30). */
  sliceMs?: number;
  /** How to give the main thread back between slices. Default: yieldToMain. */
  yieldToMain?: () => Promise<void>;
  /** Clock. Default performance.now. */
  now?: () => number;
}

/**
 * Runs sliced work and gives the main thread back between slices. One budget for several
 * generators run back to back (pass `shouldYield` to each).
 */
export class Slices {
  private readonly now: () => number;
  private readonly sliceMs: number;
  private readonly pause: () => Promise<void>;
  private start: number;
  readonly shouldYield: ShouldYield;

  /**
   * `current()` turns false when the work is superseded (a newer pass started): `run` then drops
   * it at the next pause.
   */
  constructor(
    options: SliceOptions = {},
    private readonly current: () => boolean = () => true,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.pause = options.yieldToMain ?? yieldToMain;
    this.start = this.now();
    this.shouldYield = () => this.now() - this.start > this.sliceMs;
  }

  /** The generator's value, or null if the work went stale while it waited between slices. */
  run<T>(steps: Generator<void, T, void>): Promise<{ value: T } | null> {
    return this.drive(steps, true);
  }

  /** The generator's value: run to the end in slices, whether or not the work went stale. */
  async complete<T>(steps: Generator<void, T, void>): Promise<T> {
    return ((await this.drive(steps, false)) as { value: T }).value;
  }

  private async drive<T>(
    steps: Generator<void, T, void>,
    dropWhenStale: boolean,
  ): Promise<{ value: T } | null> {
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return { value: r.value };
      await this.pause();
      if (dropWhenStale && !this.current()) return null;
      this.start = this.now();
    }
  }
}
