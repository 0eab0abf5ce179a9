/**
 * The anchoring pipeline, as a generator that yields at checkpoints (see slices.ts):
 *  0. verbatim (verbatim.ts): what the page carries as it was is placed without a search; the
 *     search below gets those places as settled neighbours.
 *  1. exact / normalised: every selector's folded quote is searched in the folded page text in
 *     ONE multi-pattern pass (multi-search.ts). Each occurrence is a candidate; it is 'exact' if
 *     the rendered page text equals the rendered quote, else 'normalised' (case, quotes, dashes,
 *     honorifics, spelling variants differ).
 *  2. clear winners anchor a source -> page position map (position-map.ts); contested selectors
 *     are re-ranked with the hint it interpolates.
 *  3. fuzzy: only for selectors with no acceptable candidate (or whose best candidate disagrees
 *     with its context): Myers bit-parallel search (myers.ts) in windows located by the context
 *     and by the position hint (fuzzy.ts).
 * Every candidate is scored by quote similarity, context agreement and position closeness
 * (candidates.ts); the best is accepted only if its score reaches the threshold (ranking.ts).
 */

import { type Candidate, PageSearch } from './candidates';
import { isClause, needsNeighbours, neighbours, ownSentence, sameTarget } from './evidence';
import { CONTEXT_KEY, fuzzyWindows, snapToWords, splitAtBreaks } from './fuzzy';
import { findAll } from './multi-search';
import { approxSearch, compilePattern } from './myers';
import { ORDER_SLACK, PositionMap } from './position-map';
import { type PreparedSelector, prepare } from './prepare';
import {
  anchoredResult,
  type Decision,
  type Disorder,
  decide,
  hasRival,
  isContested,
  unanchoredResult,
} from './ranking';
import {
  CONFIDENT_CONTEXT,
  CONFIDENT_SCORE,
  CONTEST_MARGIN,
  DEFAULT_MAX_ERROR_RATE,
  DEFAULT_THRESHOLD,
  ESCALATE_CONTEXT,
  MAPPED_POSITION_WEIGHT,
  POSITION_WEIGHT,
} from './scoring';
import { neverYield } from './slices';
import { lowerBound, type TextIndex } from './text-index';
import type { AnchorOptions, AnchorResult, QuoteSelector, Settled } from './types';
import { verbatimSteps } from './verbatim';

/** Occurrences of one quote the multi-pattern pass reports at most. */
const MAX_OCCURRENCES = 10_000;
/** Occurrences of a context key beyond which it locates nothing. */
const MAX_KEY_OCCURRENCES = 64;
/** Folded quotes shorter than this get no fuzzy tier. */
const MIN_FUZZY_LENGTH = 5;
/** Selectors of the call outside a quote's sentence needed to weigh it against its neighbours. */
const MIN_OTHER_SELECTORS = 3;
/** Context sides shorter than this give no key for locating fuzzy windows. */
const MIN_KEY_CONTEXT = 8;

/**
 * The anchoring work as a generator: the verbatim tier (verbatim.ts) places what the page carries
 * as it was; the search below anchors the rest, with those places as settled neighbours. Yields
 * and returns as searchSteps does.
 */
export function* anchorSteps(
  index: TextIndex,
  selectors: ReadonlyArray<QuoteSelector>,
  options: AnchorOptions = {},
  settled: ReadonlyArray<Settled> = [],
): Generator<void, AnchorResult[], void> {
  const shouldYield = options.shouldYield ?? neverYield;
  const placed = yield* verbatimSteps(index, selectors, options, settled, shouldYield);
  const rest: number[] = [];
  const verbatim: Settled[] = [];
  placed.forEach((result, i) => {
    if (result === null) rest.push(i);
    else verbatim.push({ selector: selectors[i] as QuoteSelector, result });
  });
  if (rest.length === 0) return placed as AnchorResult[];
  if (verbatim.length === 0) return yield* searchSteps(index, selectors, options, settled);
  const searched = yield* searchSteps(
    index,
    rest.map((i) => selectors[i] as QuoteSelector),
    options,
    [...settled, ...verbatim],
  );
  rest.forEach((i, k) => {
    placed[i] = searched[k] as AnchorResult;
  });
  return placed as AnchorResult[];
}

/**
 * The search as a generator: it yields (and can be resumed later) whenever
 * `options.shouldYield()` returns true at a checkpoint (every 64K text characters in the
 * multi-pattern passes, every few selectors in scoring, every fuzzy selector). It never yields
 * if `shouldYield` is absent. Its return value is the results array, one per selector, in order.
 */
export function* searchSteps(
  index: TextIndex,
  selectors: ReadonlyArray<QuoteSelector>,
  options: AnchorOptions = {},
  settled: ReadonlyArray<Settled> = [],
): Generator<void, AnchorResult[], void> {
  const shouldYield = options.shouldYield ?? neverYield;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const folded = yield* index.foldedSteps(shouldYield);
  const search = new PageSearch(index, options, folded);
  const n = selectors.length;
  const results: Array<AnchorResult | null> = new Array(n).fill(null);
  const prepared: PreparedSelector[] = new Array(n);
  for (let i = 0; i < n; i++) {
    prepared[i] = prepare(selectors[i] as QuoteSelector, index.length, options);
    if ((i & 127) === 127 && shouldYield()) yield;
  }
  // Exact and normalised: one multi-pattern pass over the folded text for every quote.
  const patterns = prepared.map((sel) => (sel.empty ? '' : sel.foldedQuote));
  const occurrences = yield* findAll(folded.text, patterns, MAX_OCCURRENCES, shouldYield);
  const firstRound: Array<Decision | null> = new Array(n).fill(null);
  const needFuzzy: number[] = [];
  const confidentPairs: Array<[number, number]> = [];
  /** The selectors of confidentPairs, in the same order. */
  const confidentSelectors: number[] = [];
  const contested: number[] = [];
  for (let i = 0; i < n; i++) {
    const sel = prepared[i] as PreparedSelector;
    if (sel.empty) {
      results[i] = unanchoredResult('empty-quote', null, 0);
      continue;
    }
    const candidates = search
      .scoreOccurrences(sel, occurrences[i] as number[], sel.scaledHint)
      .filter((c) => search.acceptable(sel, c));
    const decision = decide(candidates, sel.scaledHint, search.adjacencyOf(sel));
    firstRound[i] = decision;
    const best = decision.best;
    if (best !== null && isContested(candidates, best)) contested.push(i);
    else if (
      best !== null &&
      sel.selector.position !== undefined &&
      best.score >= CONFIDENT_SCORE &&
      (best.contextScore ?? 1) >= CONFIDENT_CONTEXT
    ) {
      // A clear winner: it anchors the source -> page position map.
      confidentPairs.push([sel.selector.position, best.start]);
      confidentSelectors.push(i);
    }
    // Every 8 selectors: one with a very frequent quote ("US") can cost a few ms.
    if ((i & 7) === 7 && shouldYield()) yield;
  }
  // Settled results that were confident stand for their selectors in the position map.
  const settledPairs: Array<[number, number]> = [];
  for (const { selector, result } of settled) {
    if (
      selector.position !== undefined &&
      result.start !== null &&
      result.score >= CONFIDENT_SCORE &&
      (result.detail?.context ?? 1) >= CONFIDENT_CONTEXT
    ) {
      settledPairs.push([selector.position, result.start]);
    }
  }
  const scale =
    options.sourceLength && options.sourceLength > 0 ? index.length / options.sourceLength : 1;
  const positionMap = new PositionMap([...confidentPairs, ...settledPairs], scale);
  const disorderOf = (sel: PreparedSelector): Disorder | undefined => {
    const start = sel.selector.position;
    if (start === undefined || positionMap.size === 0) return undefined;
    const end = start + sel.quote.length;
    return (c) => positionMap.disorder(start, end, c.start);
  };
  const mappedHint = (sel: PreparedSelector): number | null => {
    if (sel.selector.position === undefined || positionMap.size === 0) return null;
    const mapped = positionMap.map(sel.selector.position);
    return mapped === null ? null : Math.max(0, Math.min(index.length, mapped));
  };
  // Contested selectors (several candidates of similar score: duplicates whose context does not
  // settle it) are re-ranked with the interpolated hint and a stronger position weight.
  for (const i of contested) {
    const sel = prepared[i] as PreparedSelector;
    const hint = mappedHint(sel);
    if (hint === null) continue;
    const previous = firstRound[i] as Decision;
    const topScore = previous.best?.score ?? 0;
    const top = previous.scored.filter((c) => topScore - c.score < CONTEST_MARGIN);
    const candidates = search.scoreOccurrences(
      sel,
      top.map((c) => c.foldedStart),
      hint,
      MAPPED_POSITION_WEIGHT,
    );
    firstRound[i] = decide(candidates, hint, search.adjacencyOf(sel), disorderOf(sel));
    if (shouldYield()) yield;
  }
  /** What each selector's final decision chose from, and with which hint. */
  const finals: Array<{ candidates: readonly Candidate[]; hint: number | null } | null> = new Array(
    n,
  ).fill(null);
  for (let i = 0; i < n; i++) {
    const sel = prepared[i] as PreparedSelector;
    const decision = firstRound[i];
    if (sel.empty || !decision) continue;
    const best = decision.best;
    const hasContext = sel.foldedPrefix.length > 0 || sel.foldedSuffix.length > 0;
    const ok = best !== null && best.score >= threshold && !decision.tied;
    // Accept now only if the context agrees well; otherwise the fuzzy tier also looks for an
    // edited copy of the quote with better context (the best of both wins).
    if (ok && best && (!hasContext || (best.contextScore ?? 0) >= ESCALATE_CONTEXT)) {
      results[i] = anchoredResult(search, best, decision.candidates, options);
      finals[i] = { candidates: decision.scored, hint: sel.scaledHint };
    } else {
      needFuzzy.push(i);
    }
  }

  /** The result of a decision: placed, or unanchored with the reason. */
  const settle = (
    decision: Decision,
    candidates: readonly Candidate[],
    order: Disorder | undefined,
  ): AnchorResult | null => {
    const best = decision.best;
    if (best !== null && best.method === 'fuzzy' && hasRival(candidates, best, order)) {
      // Two different places that both read as an edit of the quote, in its place among the
      // neighbours (the paragraph edited one way, a comment repeating it edited another way):
      // the text cannot say which is the article's.
      return unanchoredResult('ambiguous', best, decision.candidates);
    }
    if (best !== null && best.score >= threshold && !decision.tied) {
      return anchoredResult(search, best, decision.candidates, options);
    }
    if (best !== null && decision.tied && best.score >= threshold) {
      return unanchoredResult('ambiguous', best, decision.candidates);
    }
    if (best !== null) return unanchoredResult('below-threshold', best, decision.candidates);
    return null;
  };

  // Fuzzy, for what is left.
  const fuzzyOn = options.fuzzy !== false;
  const errorRate = options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE;
  // Context keys for all fuzzy selectors, found in one pass.
  const keys: string[] = [];
  for (const i of needFuzzy) {
    const sel = prepared[i] as PreparedSelector;
    keys.push(
      sel.foldedPrefix.length >= MIN_KEY_CONTEXT ? sel.foldedPrefix.slice(-CONTEXT_KEY) : '',
    );
    keys.push(
      sel.foldedSuffix.length >= MIN_KEY_CONTEXT ? sel.foldedSuffix.slice(0, CONTEXT_KEY) : '',
    );
  }
  const keyOccurrences =
    needFuzzy.length === 0
      ? []
      : fuzzyOn
        ? yield* findAll(folded.text, keys, MAX_KEY_OCCURRENCES, shouldYield)
        : keys.map(() => [] as number[]);
  for (let j = 0; j < needFuzzy.length; j++) {
    const i = needFuzzy[j] as number;
    const sel = prepared[i] as PreparedSelector;
    const earlier = firstRound[i] as Decision;
    const mapped = mappedHint(sel);
    const hint = mapped ?? sel.scaledHint;
    const positionWeight = mapped !== null ? MAPPED_POSITION_WEIGHT : POSITION_WEIGHT;
    let candidates: Candidate[] = [];
    // Re-score the exact and normalised candidates with the better hint.
    if ((occurrences[i] as number[]).length > 0) {
      candidates = search.scoreOccurrences(sel, occurrences[i] as number[], hint, positionWeight);
    }
    const length = sel.foldedQuote.length;
    if (fuzzyOn && length >= MIN_FUZZY_LENGTH) {
      const maxErrors = Math.max(1, Math.floor(length * errorRate));
      const windows = fuzzyWindows(
        search,
        sel,
        keyOccurrences[2 * j] as number[],
        keyOccurrences[2 * j + 1] as number[],
        hint,
        mapped !== null,
        maxErrors,
      );
      // A match never spans a block break unless the quote does: windows are cut at the page's
      // block-break spaces, so an edit that removed the quote's first words is aligned as
      // deletions inside the block, not as substitutions of the end of the previous paragraph.
      const segments = sel.multiBlock
        ? windows
        : splitAtBreaks(windows, search.foldedBreaks(), length - maxErrors);
      const pattern = segments.length > 0 ? compilePattern(sel.foldedQuote) : null;
      for (const [from, to] of segments) {
        for (const match of approxSearch(folded.text, pattern ?? sel.foldedQuote, from, to, {
          maxErrors,
          maxResults: 3,
        })) {
          for (const [start, end, errors] of snapToWords(
            folded.text,
            sel,
            match,
            maxErrors,
            from,
            to,
          )) {
            candidates.push(search.evaluate(sel, start, end, errors, true, hint, positionWeight));
          }
        }
      }
    }
    // An edited copy needs its context: a fuzzy match is kept only if every side of the
    // selector's context agrees with the page next to it.
    const found = candidates.length;
    candidates = candidates.filter((c) => search.acceptable(sel, c));
    if (sel.selector.position !== undefined && positionMap.size > 0) {
      // An edited copy must also keep the order of the confidently anchored neighbours: a
      // near-copy of a dropped paragraph in a "related stories" list further down is text-wise
      // an edit of it, but not in its place.
      const [lo, hi] = positionMap.bounds(
        sel.selector.position,
        sel.selector.position + sel.quote.length,
      );
      candidates = candidates.filter(
        (c) => c.method !== 'fuzzy' || (c.start >= lo - ORDER_SLACK && c.start <= hi + ORDER_SLACK),
      );
    }
    const order = disorderOf(sel);
    const decision = decide(candidates, hint, search.adjacencyOf(sel), order);
    finals[i] = { candidates, hint };
    results[i] =
      settle(decision, candidates, order) ??
      // Occurrences that were not acceptable make it 'below-threshold' too.
      unanchoredResult(
        earlier.best || found > 0 ? 'below-threshold' : 'not-found',
        earlier.best,
        Math.max(earlier.candidates, found),
      );
    if (shouldYield()) yield;
  }

  // The evidence for each place, weighed as a whole (evidence.ts). The neighbours that vouch are
  // the confident anchors still placed where they were; one that is itself turned down no longer
  // vouches for others, so this runs until nothing more is turned down.
  const chosenOf = (i: number): Candidate | null => {
    const result = results[i] as AnchorResult;
    if (result.start === null) return null;
    return (
      finals[i]?.candidates.find((c) => c.start === result.start && c.end === result.end) ?? null
    );
  };
  // Only a call that carries the article's other quotes can vouch: a selector is weighed against
  // its neighbours when at least MIN_OTHER_SELECTORS of the call lie outside its sentence.
  const positions = [
    ...prepared.map((sel) => sel.selector.position),
    ...settled.map((s) => s.selector.position),
  ]
    .filter((p): p is number => p !== undefined)
    .sort((a, b) => a - b);
  const canBeVouchedFor = (sel: PreparedSelector): boolean => {
    if (sel.selector.position === undefined) return false;
    const [from, to] = ownSentence(sel.selector);
    const near =
      lowerBound(positions, positions.length, to) - lowerBound(positions, positions.length, from);
    return positions.length - near >= MIN_OTHER_SELECTORS;
  };
  const weak = new Set<number>();
  for (let i = 0; i < n; i++) {
    const sel = prepared[i] as PreparedSelector;
    const chosen = chosenOf(i);
    if (chosen && needsNeighbours(sel, chosen) && canBeVouchedFor(sel)) weak.add(i);
  }
  let vouching = positionMap;
  for (let round = 0; weak.size > 0; round++) {
    const turnedDown: number[] = [];
    for (const i of weak) {
      const sel = prepared[i] as PreparedSelector;
      const chosen = chosenOf(i) as Candidate;
      const around = neighbours(vouching, sel, chosen);
      if (!around.before && !around.after) turnedDown.push(i);
    }
    for (const i of turnedDown) {
      const chosen = chosenOf(i) as Candidate;
      results[i] = unanchoredResult(
        'below-threshold',
        chosen,
        (results[i] as AnchorResult).detail?.candidates ?? 1,
      );
      weak.delete(i);
    }
    if (turnedDown.length === 0 || round >= 8) break;
    const pairs: Array<[number, number]> = [...settledPairs];
    confidentSelectors.forEach((i, k) => {
      const pair = confidentPairs[k] as [number, number];
      if ((results[i] as AnchorResult).start === pair[1]) pairs.push([pair[0], pair[1]]);
    });
    vouching = new PositionMap(pairs, scale);
    if (shouldYield()) yield;
  }
  // A clause found verbatim once, between the article's neighbours on both sides.
  for (let i = 0; i < n; i++) {
    const sel = prepared[i] as PreparedSelector;
    const result = results[i] as AnchorResult;
    if (
      sel.empty ||
      result.reason !== 'below-threshold' ||
      (occurrences[i] as number[]).length !== 1 ||
      !isClause(sel)
    ) {
      continue;
    }
    const at = (occurrences[i] as number[])[0] as number;
    const hint = mappedHint(sel) ?? sel.scaledHint;
    const c = search.evaluate(sel, at, at + sel.foldedQuote.length, 0, false, hint);
    const around = neighbours(vouching, sel, c);
    if (around.before && around.after) {
      results[i] = anchoredResult(search, c, 1, options);
      finals[i] = { candidates: [c], hint };
    }
  }

  // No two selectors of the call take the same place, unless they are the same target.
  if (!options.sharedPlaces) resolveSharedPlaces();
  return results as AnchorResult[];

  /**
   * Where several selectors (not for the same target) hold one place, the one whose context
   * continues verbatim next to it over the most characters keeps it (then the higher score, then
   * the first); the others take the best of their other places, if enough. Repeated until no place
   * is shared: a new place can be another's.
   */
  function resolveSharedPlaces(): void {
    const placeOf = (c: { start: number | null; end: number | null }) => `${c.start}:${c.end}`;
    const banned = new Map<number, Set<string>>();
    const strength = (i: number): [number, number] => {
      const chosen = chosenOf(i);
      const sel = prepared[i] as PreparedSelector;
      const adjacent = chosen
        ? search.adjacentBefore(sel, chosen.foldedStart) +
          search.adjacentAfter(sel, chosen.foldedEnd)
        : 0;
      return [adjacent, (results[i] as AnchorResult).score];
    };
    // The places of settled results are theirs: a selector of the call on one of them (not for
    // the same target) takes another place.
    const settledAt = new Map<string, QuoteSelector[]>();
    for (const { selector, result } of settled) {
      if (result.start === null) continue;
      const list = settledAt.get(placeOf(result));
      if (list) list.push(selector);
      else settledAt.set(placeOf(result), [selector]);
    }
    const ban = (i: number, place: string) => {
      const set = banned.get(i) ?? new Set<string>();
      set.add(place);
      banned.set(i, set);
    };
    for (let round = 0; round < 8; round++) {
      const holders = new Map<string, number[]>();
      for (let i = 0; i < n; i++) {
        const result = results[i] as AnchorResult;
        if (result.start === null) continue;
        const place = placeOf(result);
        const list = holders.get(place);
        if (list) list.push(i);
        else holders.set(place, [i]);
      }
      const losers: number[] = [];
      for (const [place, list] of holders) {
        const owners = settledAt.get(place);
        if (owners) {
          for (const i of list) {
            const selector = (prepared[i] as PreparedSelector).selector;
            if (owners.some((owner) => sameTarget(owner, selector))) continue;
            losers.push(i);
            ban(i, place);
          }
          continue;
        }
        if (list.length < 2) continue;
        let winner = list[0] as number;
        let best = strength(winner);
        for (const i of list.slice(1)) {
          const s = strength(i);
          if (s[0] > best[0] || (s[0] === best[0] && s[1] > best[1])) {
            winner = i;
            best = s;
          }
        }
        const owner = (prepared[winner] as PreparedSelector).selector;
        for (const i of list) {
          if (i === winner || sameTarget(owner, (prepared[i] as PreparedSelector).selector))
            continue;
          losers.push(i);
          ban(i, place);
        }
      }
      if (losers.length === 0) return;
      for (const i of losers) {
        const sel = prepared[i] as PreparedSelector;
        const final = finals[i];
        const taken = chosenOf(i);
        const not = banned.get(i) as Set<string>;
        const left = (final?.candidates ?? []).filter((c) => !not.has(placeOf(c)));
        const order = disorderOf(sel);
        const decision = decide(left, final?.hint ?? null, search.adjacencyOf(sel), order);
        let next = settle(decision, left, order);
        if (
          next?.start != null &&
          decision.best &&
          needsNeighbours(sel, decision.best) &&
          canBeVouchedFor(sel)
        ) {
          const around = neighbours(vouching, sel, decision.best);
          if (!around.before && !around.after) next = null;
        }
        if (next?.start != null) {
          results[i] = next;
          finals[i] = { candidates: left, hint: final?.hint ?? null };
        } else {
          const count = (results[i] as AnchorResult).detail?.candidates ?? 1;
          results[i] = next ?? unanchoredResult('below-threshold', taken, count);
        }
      }
    }
  }
}
