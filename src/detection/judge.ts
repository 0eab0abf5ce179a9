/**
 * Is the article on this page, complete or cut, and where? Pure: the article's paragraph
 * fingerprints and where their 4-grams occur in the page's text (page-hits.ts) in, a verdict and
 * the span of page text that holds the article out.
 *
 * The text decides. A page holds the article when its text has the article's opening body
 * paragraphs in order, close together (one region):
 *  - complete: most of the body, through to its end;
 *  - cut (a paywall, a teaser of several paragraphs, a copy that stops): at least two leading body
 *    paragraphs. The standfirst is optional evidence: syndicated copies drop it.
 * The page's address only adds what the text cannot tell: a headline-and-standfirst teaser is the
 * article only where the URL or metadata names it (a hard paywall), never elsewhere (a section
 * front). A reader's request to check the page is evidence too: it lowers the bar, but the
 * paragraphs must still be leading, in order and in one region, so a page quoting the middle of
 * the article, or another article on the same story, stays a negative.
 */
import type { PageHits } from './page-hits';
import type { ArticleFingerprint } from './paragraphs';

export type Verdict = 'article' | 'partial' | 'none';

export interface Evidence {
  /** The page's URL or its own metadata (canonical, og:url, JSON-LD url) names this article. */
  named: boolean;
  /** The reader asked Gloss to check this page. */
  requested: boolean;
}

/** One place on the page where one article paragraph is (word positions, `end` exclusive). */
export interface Occurrence {
  paragraph: number;
  start: number;
  end: number;
  /** Share of the paragraph's 4-grams found in this stretch. */
  score: number;
  /** The reader can see this stretch (not hidden by the page's CSS, not collapsed). */
  shown: boolean;
}

export interface Judgement {
  verdict: Verdict;
  /** Ids of the article paragraphs found, in the region the verdict is about. */
  present: string[];
  /** Body paragraphs found from the first one on (one missing paragraph tolerated). */
  leadingBody: number;
  /** Share of the article's body paragraphs found. */
  coverage: number;
  /** Word positions of the page text holding the article: from the first paragraph found to the last. */
  span: { start: number; end: number } | null;
  /** Ids of paragraphs found only in text the reader cannot see (collapsed, hidden by CSS). */
  hidden: string[];
  /** Word positions of each paragraph found: the article's own text; the rest is the page's. */
  stretches: Array<{ start: number; end: number }>;
}

/**
 * A paragraph is on the page where a stretch of text holds this share of its 4-grams. Half lets
 * a house-style edit or a reworded sentence through; a paragraph of another article on the same
 * story shares a name or a phrase, not half its 4-grams.
 */
const PRESENT = 0.5;
/** On request: a more heavily edited copy (several sentences reworded) still counts. */
const PRESENT_ON_REQUEST = 0.4;
/** Two of a paragraph's 4-grams on the page are one stretch when at most this far apart (inserted words). */
const STRETCH = 0.5;
const STRETCH_SLACK = 12;
/**
 * Foreign text allowed between two consecutive paragraphs of one region, in words: an ad label,
 * a photo caption, a "read also" box. A commentary quoting paragraphs puts whole paragraphs of
 * its own between them.
 */
const MAX_GAP = 250;
const MAX_GAP_ON_REQUEST = 600;
/**
 * A cut copy keeps at least this many leading body paragraphs. Two is what a teaser of a few
 * paragraphs or a hard cut shows; the negatives (a quotation from the middle, a same-story
 * article, a headline-and-standfirst teaser) have none.
 */
const MIN_LEADING = 2;
/** With exactly two, they must follow each other (a teaser), not sit apart in someone's commentary. */
const TWO_PARAGRAPH_GAP = 40;
/** Complete: this share of the body, reaching one of the last two body paragraphs. */
const COMPLETE_COVERAGE = 0.6;

/** A page repeating a paragraph more often than this is not made more of an article by it. */
const MAX_OCCURRENCES = 16;

/**
 * The stretches of page text where each article paragraph is, in page order. A stretch is a run
 * of the paragraph's 4-grams, each within a paragraph's length of the last, that does not repeat
 * one more often than the paragraph has it: a repeat means a second copy of the paragraph begins
 * (a responsive page's hidden copy, a quotation), even when the two copies sit close together.
 */
export function occurrences(hits: PageHits, presentShare = PRESENT): Occurrence[] {
  const out: Occurrence[] = [];
  hits.hits.forEach(({ positions, hashes }, paragraph) => {
    const fingerprint = hits.article.paragraphs[paragraph];
    const size = fingerprint?.shingles.size ?? 0;
    if (!fingerprint || size === 0 || positions.length === 0) return;
    const reach = Math.ceil(size * STRETCH) + STRETCH_SLACK;
    const need = Math.max(1, Math.ceil(size * presentShare));
    let seen = new Map<number, number>();
    let start = 0;
    let last = -1;
    let kept = 0;
    const close = () => {
      if (seen.size >= need && kept++ < MAX_OCCURRENCES)
        out.push({ paragraph, start, end: last + 4, score: seen.size / size, shown: true });
    };
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i] as number;
      const hash = hashes[i] as number;
      const times = seen.get(hash) ?? 0;
      if (last < 0 || position - last > reach || times >= (fingerprint.repeats.get(hash) ?? 1)) {
        if (last >= 0) close();
        seen = new Map();
        start = position;
      }
      seen.set(hash, (seen.get(hash) ?? 0) + 1);
      last = position;
    }
    close();
  });
  return out.sort((a, b) => a.start - b.start || a.paragraph - b.paragraph);
}

/**
 * The longest run of occurrences in article order and in page order, each close to the last:
 * one copy of the article. Returns every such copy (a page may hold two, one hidden), best first.
 */
export function copies(found: readonly Occurrence[], maxGap: number): Occurrence[][] {
  const remaining = [...found];
  const out: Occurrence[][] = [];
  while (remaining.length > 0 && out.length < 4) {
    const best = longestChain(remaining, maxGap);
    if (best.length === 0) break;
    out.push(best);
    const used = new Set(best);
    for (let i = remaining.length - 1; i >= 0; i--)
      if (used.has(remaining[i] as Occurrence)) remaining.splice(i, 1);
  }
  return out;
}

/**
 * A hidden paragraph counts for less than a shown one: of a responsive page's two copies the one
 * on screen wins, while a body partly collapsed behind "Read more" is still one whole copy.
 */
const HIDDEN_WEIGHT = 0.4;

/**
 * Words of hidden text before each position: a gap between two shown paragraphs is measured in
 * text the reader sees, so a hidden second copy between the standfirst and the shown body does
 * not split them.
 */
function hiddenWordsBefore(found: readonly Occurrence[]): (position: number) => number {
  const hidden = found.filter((o) => !o.shown).map((o) => [o.start, o.end] as const);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of hidden) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return (position) => {
    let words = 0;
    for (const [start, end] of merged) {
      if (start >= position) break;
      words += Math.min(end, position) - start;
    }
    return words;
  };
}

function longestChain(found: readonly Occurrence[], maxGap: number): Occurrence[] {
  const hiddenBefore = hiddenWordsBefore(found);
  const length: number[] = [];
  const previous: number[] = [];
  let bestEnd = -1;
  found.forEach((o, i) => {
    const weight = o.shown ? 1 : HIDDEN_WEIGHT;
    length[i] = weight;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      const p = found[j] as Occurrence;
      if (p.paragraph >= o.paragraph || p.start >= o.start) continue;
      const gap = o.start - p.end;
      if (gap > maxGap && gap - (hiddenBefore(o.start) - hiddenBefore(p.end)) > maxGap) continue;
      if ((length[j] as number) + weight > (length[i] as number)) {
        length[i] = (length[j] as number) + weight;
        previous[i] = j;
      }
    }
    if (bestEnd < 0 || (length[i] as number) > (length[bestEnd] as number)) bestEnd = i;
  });
  const chain: Occurrence[] = [];
  for (let i = bestEnd; i >= 0; i = previous[i] as number) chain.unshift(found[i] as Occurrence);
  return chain;
}

/** The verdict on one copy of the article on the page. */
export function judgeCopy(
  article: ArticleFingerprint,
  copy: readonly Occurrence[],
  evidence: Evidence,
): Judgement {
  const found = new Set(copy.map((o) => o.paragraph));
  const body = article.paragraphs.flatMap((p, i) => (p.role === 'body' ? [i] : []));
  const standfirst = article.paragraphs.findIndex((p) => p.role === 'standfirst');

  // Leading body paragraphs: from the first on, one missing paragraph (reworded, dropped) tolerated.
  let leadingBody = 0;
  let missed = 0;
  for (const k of body) {
    if (found.has(k)) {
      leadingBody++;
      missed = 0;
    } else if (++missed > 1) break;
  }
  const bodyFound = body.filter((k) => found.has(k)).length;
  const coverage = body.length ? bodyFound / body.length : 0;
  const reachesEnd = body.slice(-2).some((k) => found.has(k));

  let verdict: Verdict = 'none';
  if (coverage >= COMPLETE_COVERAGE && reachesEnd) verdict = 'article';
  else if (
    leadingBody > MIN_LEADING ||
    (leadingBody === MIN_LEADING && twoAdjacent(copy, body, evidence))
  )
    verdict = 'partial';
  else if (evidence.named && (leadingBody > 0 || found.has(standfirst))) verdict = 'partial';

  const first = copy[0];
  const last = copy[copy.length - 1];
  return {
    verdict,
    present: copy.map((o) => article.paragraphs[o.paragraph]?.id ?? ''),
    leadingBody,
    coverage,
    span: first && last ? { start: first.start, end: last.end } : null,
    hidden: copy.filter((o) => !o.shown).map((o) => article.paragraphs[o.paragraph]?.id ?? ''),
    stretches: copy.map(({ start, end }) => ({ start, end })),
  };
}

/**
 * The paragraphs whose annotations may be placed on the page: from the first paragraph found to
 * the last one found (a cut copy) or to the article's end (a complete one). Before and after that
 * (a standfirst the copy dropped, the part a cut leaves out) the article's words are not on the
 * page, even where the same names recur in the text that is.
 */
export function placeableParagraphs(
  paragraphIds: readonly string[],
  judgement: Pick<Judgement, 'present' | 'verdict'>,
): Set<string> {
  const present = new Set(judgement.present);
  const first = paragraphIds.findIndex((id) => present.has(id));
  if (first < 0) return new Set();
  let last = paragraphIds.length - 1;
  if (judgement.verdict === 'partial')
    while (last > first && !present.has(paragraphIds[last] as string)) last--;
  return new Set(paragraphIds.slice(first, last + 1));
}

/** Two leading paragraphs count as a cut copy when they follow each other (or the reader asked). */
function twoAdjacent(copy: readonly Occurrence[], body: readonly number[], evidence: Evidence) {
  if (evidence.requested) return true;
  const leading = copy.filter((o) => body.slice(0, 3).includes(o.paragraph));
  for (let i = 1; i < leading.length; i++) {
    const a = leading[i - 1] as Occurrence;
    const b = leading[i] as Occurrence;
    if (b.start - a.end <= TWO_PARAGRAPH_GAP) return true;
  }
  return false;
}

/**
 * Judge a page: every copy of the article on it, best first (most paragraphs; the caller picks
 * the first one the reader can see). An empty list: the article is not here.
 */
export function judgePage(
  hits: PageHits,
  evidence: Evidence,
  shownAt: (position: number) => boolean = () => true,
): Judgement[] {
  const found = occurrences(hits, evidence.requested ? PRESENT_ON_REQUEST : PRESENT);
  for (const o of found) o.shown = shownAt(o.start);
  const maxGap = evidence.requested ? MAX_GAP_ON_REQUEST : MAX_GAP;
  return copies(found, maxGap)
    .map((copy) => judgeCopy(hits.article, copy, evidence))
    .filter((j) => j.verdict !== 'none');
}
