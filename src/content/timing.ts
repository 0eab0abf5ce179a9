/**
 * Performance marks on the way to the first highlight (`gloss:<name>` in the page's performance
 * timeline), read by the benchmark (bench/lib/first-highlight.ts). They are compiled in only by
 * the benchmark's build (`GLOSS_TIMING=1`, see scripts/build.ts): in the build for users `mark`
 * does nothing, so no page can read Gloss's timings, or learn from them that Gloss is installed.
 */
declare const __GLOSS_TIMING__: boolean | undefined;

/** In the order they happen on the way to the first highlight. */
export const TIMING_MARKS = [
  'gate-start',
  /** The gate's first message to the background. */
  'gate-probe',
  /** The background named a candidate (the engine is on its way). */
  'gate-candidate',
  /** The engine's own code starts (after the script's compile and its modules' set-up). */
  'engine-start',
  /** The engine has its pack(s) and starts detection. */
  'detect-start',
  'detect-end',
  'anchor-start',
  'anchor-end',
  /** The first highlights are handed to CSS.highlights (the frame that shows them follows). */
  'painted',
] as const;
export type TimingMark = (typeof TIMING_MARKS)[number];
/** Measures: `gate` is the gate's main-thread time per task (detail: running totals). */
export const TIMING_MEASURES = ['gate'] as const;
export type TimingMeasure = (typeof TIMING_MEASURES)[number];

const enabled = typeof __GLOSS_TIMING__ !== 'undefined' && __GLOSS_TIMING__ === true;

export const timingEnabled = enabled;

export function mark(name: TimingMark): void {
  // The first of each only: later passes (re-checks, refreshes) are not the way to the first.
  if (enabled && performance.getEntriesByName(`gloss:${name}`, 'mark').length === 0)
    performance.mark(`gloss:${name}`);
}

export function measure(name: TimingMeasure, options: PerformanceMeasureOptions): void {
  if (!enabled) return;
  try {
    performance.measure(`gloss:${name}`, options);
  } catch {
    // A page that replaced performance.measure: the figures are only for the benchmark.
  }
}
