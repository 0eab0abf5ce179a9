/**
 * The entry points: anchor selectors in a page synchronously (`anchor`, `anchorInIndex`) or in
 * time slices (`anchorAsync`).
 */

import { anchorSteps } from './pipeline';
import { runToEnd, type SliceOptions, Slices } from './slices';
import { TextIndex } from './text-index';
import type { AnchorOptions, AnchorResult, QuoteSelector } from './types';

/** Anchor many selectors in a prebuilt index (synchronously). */
export function anchorInIndex(
  index: TextIndex,
  selectors: ReadonlyArray<QuoteSelector>,
  options: AnchorOptions = {},
): AnchorResult[] {
  return runToEnd(anchorSteps(index, selectors, { ...options, shouldYield: undefined }));
}

/** Build a TextIndex for `root` and anchor every selector. One result per selector, in order. */
export function anchor(
  root: Node,
  selectors: ReadonlyArray<QuoteSelector>,
  options: AnchorOptions = {},
): AnchorResult[] {
  return anchorInIndex(TextIndex.build(root, options.index), selectors, options);
}

/**
 * Anchor in time slices: builds the index (unless given one) and anchors, giving the main thread
 * back whenever a slice exceeds `sliceMs` (slices.ts). Resolves to the same results as anchor().
 * If the DOM changes while this runs, call index.update() and reanchor() afterwards.
 */
export async function anchorAsync(
  rootOrIndex: Node | TextIndex,
  selectors: ReadonlyArray<QuoteSelector>,
  options: AnchorOptions & SliceOptions = {},
): Promise<{ index: TextIndex; results: AnchorResult[] }> {
  const slices = new Slices(options);
  const shouldYield = slices.shouldYield;
  const index =
    rootOrIndex instanceof TextIndex
      ? rootOrIndex
      : await slices.complete(TextIndex.buildSteps(rootOrIndex, options.index, shouldYield));
  const results = await slices.complete(anchorSteps(index, selectors, { ...options, shouldYield }));
  return { index, results };
}
