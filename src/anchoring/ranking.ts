/**
 * Choosing among a selector's acceptable candidates (score, then the tie and contest rules), and
 * turning the choice into a result.
 */

import type { Candidate, PageSearch } from './candidates';
import { CONTEST_MARGIN, TIE_EPSILON } from './scoring';
import type { AnchorOptions, AnchorResult, UnanchoredReason } from './types';

export interface Decision {
  best: Candidate | null;
  /** Another place scores exactly the same and the hint is far from both. */
  tied: boolean;
  /** How many candidates were considered. */
  candidates: number;
  scored: readonly Candidate[];
}

/** How many confident anchors a candidate is out of order with (PositionMap.disorder). */
export type Disorder = (c: Candidate) => number;

/**
 * Does the order of the confident neighbours clearly put a place with `disorder` behind one with
 * `least`? Only when it breaks clearly more of it: one place keeps the order and the other breaks
 * it more than twice over. A few confident anchors can themselves lie on copies (a dropped
 * paragraph's mentions on a quotation of it further down), so a small difference is no evidence.
 */
function clearlyOutOfOrder(disorder: number, least: number): boolean {
  return disorder > 2 * least + 2;
}

/**
 * Is there another acceptable candidate, not overlapping the best, within CONTEST_MARGIN of it and
 * not clearly out of the order of the confident neighbours?
 */
export function hasRival(
  candidates: readonly Candidate[],
  best: Candidate,
  disorder?: Disorder,
): boolean {
  const bestDisorder = disorder?.(best) ?? 0;
  return candidates.some(
    (c) =>
      (c.end <= best.start || c.start >= best.end) &&
      best.score - c.score < CONTEST_MARGIN &&
      (disorder === undefined || !clearlyOutOfOrder(disorder(c), bestDisorder)),
  );
}

/** Is another candidate (at another place) within CONTEST_MARGIN of the best? */
export function isContested(candidates: readonly Candidate[], best: Candidate): boolean {
  for (const c of candidates) {
    if (c !== best && c.start !== best.start && best.score - c.score < CONTEST_MARGIN) return true;
  }
  return false;
}

/** The highest score; among equal scores, the first in document order. */
function pickBest(candidates: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (
      best === null ||
      c.score > best.score + TIE_EPSILON ||
      (Math.abs(c.score - best.score) <= TIE_EPSILON && c.start < best.start)
    ) {
      best = c;
    }
  }
  return best;
}

/**
 * The best candidate. When others are contested (within CONTEST_MARGIN of it): first, places
 * clearly out of the order of the confidently anchored neighbours leave the running (a near-copy
 * of the sentence far away in a 2 MB page can agree one character more next to the quote than the
 * true place). Then only the places whose context continues verbatim next to the quote over the
 * most characters stay; score (with its position hint) decides among them.
 */
export function decide(
  candidates: readonly Candidate[],
  hint: number | null,
  adjacency?: (c: Candidate) => number,
  disorder?: Disorder,
): Decision {
  let pool = candidates;
  let best = pickBest(pool);
  if (best !== null && adjacency !== undefined) {
    const top = best;
    let contenders = candidates.filter((c) => top.score - c.score < CONTEST_MARGIN);
    if (disorder !== undefined && contenders.some((c) => c.start !== top.start)) {
      const disorders = contenders.map(disorder);
      let least = Number.POSITIVE_INFINITY;
      for (const d of disorders) if (d < least) least = d;
      const kept = contenders.filter((_, k) => !clearlyOutOfOrder(disorders[k] as number, least));
      if (kept.length < contenders.length) {
        contenders = kept;
        pool = kept;
        best = pickBest(pool) as Candidate;
      }
    }
    const lead = best;
    if (contenders.some((c) => c.start !== lead.start)) {
      const adjacent = contenders.map(adjacency);
      let most = -1;
      for (const a of adjacent) if (a > most) most = a;
      const group = contenders.filter((_, k) => adjacent[k] === most);
      if (group.length < contenders.length || pool !== candidates) {
        pool = group;
        best = pickBest(pool);
      }
    }
  }
  let tied = false;
  if (best !== null && hint !== null) {
    for (const c of pool) {
      if (c !== best && c.start !== best.start && Math.abs(c.score - best.score) <= TIE_EPSILON) {
        // Indistinguishable by quote, context and position: ambiguous only when the hint is far
        // from both (position score 0); otherwise the earlier one wins (document order).
        if ((best.positionScore ?? 0) === 0 && (c.positionScore ?? 0) === 0) tied = true;
      }
    }
  }
  return { best, tied, candidates: candidates.length, scored: candidates };
}

function detailOf(c: Candidate, candidates: number): NonNullable<AnchorResult['detail']> {
  return {
    quote: c.quoteScore,
    context: c.contextScore,
    position: c.positionScore,
    errors: c.errors,
    candidates,
  };
}

/** The result for a selector placed at `best`. */
export function anchoredResult(
  search: PageSearch,
  best: Candidate,
  candidates: number,
  options: AnchorOptions,
): AnchorResult {
  return {
    range: options.createRanges === false ? null : search.index.rangeFor(best.start, best.end),
    start: best.start,
    end: best.end,
    score: best.score,
    method: best.method,
    detail: detailOf(best, candidates),
  };
}

/** The result for a selector left unanchored, with its best rejected candidate if any. */
export function unanchoredResult(
  reason: UnanchoredReason,
  best: Candidate | null,
  candidates: number,
): AnchorResult {
  const r: AnchorResult = {
    range: null,
    start: null,
    end: null,
    score: best ? best.score : 0,
    method: null,
    reason,
  };
  if (best) r.detail = detailOf(best, candidates);
  return r;
}
