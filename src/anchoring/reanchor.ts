/**
 * Re-anchoring after the page changed: results far from the change are kept (shifted when after
 * it), the rest are anchored again in one batch.
 */

import { anchorSteps } from './pipeline';
import { CONTEXT_CHARS } from './scoring';
import { runToEnd } from './slices';
import type { TextChange, TextIndex } from './text-index';
import type { AnchorOptions, AnchorResult, QuoteSelector, Settled } from './types';

/** Options for reanchor(). */
export interface ReanchorOptions extends AnchorOptions {
  /**
   * Results with a score below this are re-anchored even when the change is far from them
   * (the change may have restored a better place). Default 0.8.
   */
  keepScore?: number;
}

/**
 * Incremental re-anchoring after `change = index.update()`:
 *  - a previous result entirely before the change (with CONTEXT_CHARS of margin) is kept as is;
 *  - one entirely after it is kept and shifted by change.delta;
 *  - everything else (overlapping or near the change, orphans, weak results) is anchored again,
 *    in one batch.
 * Kept results get fresh Ranges from the updated index. `change === null` (text unchanged) just
 * refreshes ranges. `selectors[i]` must be the selector that produced `previous[i]`.
 */
export function reanchor(
  index: TextIndex,
  previous: ReadonlyArray<AnchorResult>,
  selectors: ReadonlyArray<QuoteSelector>,
  change: TextChange | null,
  options: ReanchorOptions = {},
): AnchorResult[] {
  return runToEnd(
    reanchorSteps(index, previous, selectors, change, { ...options, shouldYield: undefined }),
  );
}

/**
 * reanchor() as a generator: re-anchoring what the change touched yields at the same checkpoints
 * as anchorSteps() (a change in a 100 000-paragraph page searches the whole text again).
 */
export function* reanchorSteps(
  index: TextIndex,
  previous: ReadonlyArray<AnchorResult>,
  selectors: ReadonlyArray<QuoteSelector>,
  change: TextChange | null,
  options: ReanchorOptions = {},
): Generator<void, AnchorResult[], void> {
  const keepScore = options.keepScore ?? 0.8;
  const out: AnchorResult[] = new Array(previous.length);
  const redo: number[] = [];
  for (let i = 0; i < previous.length; i++) {
    const r = previous[i] as AnchorResult;
    if (r.start === null || r.end === null || r.score < keepScore) {
      redo.push(i);
      continue;
    }
    let start = r.start;
    let end = r.end;
    if (change !== null) {
      if (end + CONTEXT_CHARS <= change.start) {
        // unchanged
      } else if (start >= change.oldEnd + CONTEXT_CHARS) {
        start += change.delta;
        end += change.delta;
      } else {
        redo.push(i);
        continue;
      }
    }
    out[i] = {
      ...r,
      start,
      end,
      range: options.createRanges === false ? null : index.rangeFor(start, end),
    };
  }
  if (redo.length > 0) {
    // The results kept are the article around the batch: they vouch for its places and keep
    // their own (evidence.ts).
    const settled: Settled[] = [];
    for (let i = 0; i < previous.length; i++) {
      const result = out[i];
      if (result) settled.push({ selector: selectors[i] as QuoteSelector, result });
    }
    const again = yield* anchorSteps(
      index,
      redo.map((i) => selectors[i] as QuoteSelector),
      options,
      settled,
    );
    redo.forEach((i, j) => {
      out[i] = again[j] as AnchorResult;
    });
  }
  return out;
}
