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
  'gate-sent',
  'engine-start',
  'pack-loaded',
  'detected',
  'anchored',
  'painted',
] as const;
export type TimingMark = (typeof TIMING_MARKS)[number];

const enabled = typeof __GLOSS_TIMING__ !== 'undefined' && __GLOSS_TIMING__ === true;

export function mark(name: TimingMark): void {
  // The first of each only: later passes (re-checks, refreshes) are not the way to the first.
  if (enabled && performance.getEntriesByName(`gloss:${name}`, 'mark').length === 0)
    performance.mark(`gloss:${name}`);
}
