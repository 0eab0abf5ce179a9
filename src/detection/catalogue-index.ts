/**
 * The catalogue index: which known article a page may be, from its address, its metadata or the
 * opening of its text. Written at build time (catalogue-index-build.ts) as one file of sorted
 * tables (catalogue-index-format.ts) and read by the background only; never bundled into the
 * gate, so what runs on every page stays the same size from 1 to 10 000 articles. Reading it
 * makes views over its bytes and nothing else: each look-up is a binary search in the table it
 * needs, and an article's id is decoded when it is the answer.
 *
 * What it holds, per article:
 *  - its known addresses (canonical URL and syndicated copies), normalised and hashed to 52 bits;
 *  - its headline's word hashes (a headline is rewritten often: a match speeds recognition up, a
 *    mismatch says nothing), in an inverted index word → articles;
 *  - its lead fingerprint: the word 4-gram shingles of its first LEAD_PARAGRAPHS body paragraphs
 *    (the standfirst left out: syndicated copies drop it, and a section-front teaser is exactly
 *    headline + standfirst), a content-defined quarter of them kept (probe.ts), in an inverted
 *    index shingle → articles.
 * A candidate is only that: the engine's judgement of the page's text decides.
 */

import {
  type IndexTables,
  indexTables,
  LEAD_BUCKET_BITS,
  leadTail,
  readIndexCounts,
} from './catalogue-index-format';
import { headlineWords, urlKey } from './catalogue-keys';

/** A headline sharing this share of its words with the article's names it (minor edits allowed). */
export const HEADLINE_MATCH = 0.8;

/**
 * How much of an article's lead a page must show to be a candidate: `share` of the article's
 * probe shingles and at least `hits` of them. Automatically, about one and a half opening
 * paragraphs (a teaser of the first paragraph, or a quotation, is not enough to wake the engine);
 * when the reader asks, a third of that (the request is itself evidence; the engine still judges).
 */
export const TEXT_CANDIDATE = {
  automatic: { share: 0.3, hits: 6 },
  requested: { share: 0.1, hits: 3 },
} as const;

export interface TextCandidate {
  /** The article's position in the index. */
  article: number;
  /** Probe shingles of its lead found on the page, and their share of the lead. */
  hits: number;
  share: number;
}

/** The first position from `lo` to `hi` in an ascending table whose value is not below `value`. */
function lowerBound(
  table: Float64Array | Uint32Array | Uint16Array | Uint8Array,
  value: number,
  lo = 0,
  hi = table.length,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((table[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const idDecoder = new TextDecoder();

/** The index over the file's bytes, ready for look-ups (the background holds one). */
export class CatalogueIndex {
  private readonly tables: IndexTables;
  /** How many articles the catalogue has. */
  readonly size: number;

  /** `bytes`: the whole index file; throws if it is not one this code reads. */
  constructor(bytes: ArrayBuffer) {
    const counts = readIndexCounts(bytes);
    this.tables = indexTables(bytes, counts);
    this.size = counts.articles;
  }

  idOf(article: number): string {
    const { idOffsets, idBytes } = this.tables;
    const start = idOffsets[article];
    const end = idOffsets[article + 1];
    if (start === undefined || end === undefined) throw new RangeError(`No article ${article}`);
    return idDecoder.decode(idBytes.subarray(start, end));
  }

  /** The article a URL is a known address of. */
  byAddress(url: string | undefined): number | null {
    if (!url) return null;
    const key = urlKey(url);
    if (key === null) return null;
    const { addressKeys, addressArticles } = this.tables;
    const at = lowerBound(addressKeys, key);
    return addressKeys[at] === key ? (addressArticles[at] as number) : null;
  }

  /**
   * The article whose headline one of these titles is (og:title, JSON-LD headline, h1): the
   * best share of shared words (shared distinct words over the larger headline's count), the
   * first article on a tie. Through the word index, only articles sharing a word with a title
   * are counted, not the whole catalogue.
   */
  byHeadline(titles: readonly string[]): number | null {
    const pages = titles.map(headlineWords).filter((w) => w.length > 0);
    if (pages.length === 0) return null;
    const {
      headlineWords: words,
      headlineWordStarts,
      headlineArticles,
      headlineSizes,
    } = this.tables;
    let best: { article: number; score: number } | null = null;
    for (const page of pages) {
      const common = new Map<number, number>();
      for (const w of page) {
        const word = lowerBound(words, w);
        if (words[word] !== w) continue;
        const end = headlineWordStarts[word + 1] as number;
        for (let i = headlineWordStarts[word] as number; i < end; i++) {
          const article = headlineArticles[i] as number;
          common.set(article, (common.get(article) ?? 0) + 1);
        }
      }
      for (const [article, count] of common) {
        const score = count / Math.max(headlineSizes[article] as number, page.length);
        if (score < HEADLINE_MATCH) continue;
        if (!best || score > best.score || (score === best.score && article < best.article))
          best = { article, score };
      }
    }
    return best?.article ?? null;
  }

  /**
   * Count, per article, the probe shingles of its lead among `probe` (each distinct hash once:
   * callers send a hash once per page, so counts can be added up over several probes).
   */
  addLeadHits(probe: Iterable<number>, hits: Map<number, number>): void {
    const { leadBucketStarts, leadLowBits, leadArticles } = this.tables;
    for (const h of probe) {
      const bucket = h >>> LEAD_BUCKET_BITS;
      const low = leadTail(h);
      const end = leadBucketStarts[bucket + 1] as number;
      const start = leadBucketStarts[bucket] as number;
      for (
        let i = lowerBound(leadLowBits, low, start, end);
        i < end && leadLowBits[i] === low;
        i++
      ) {
        const article = leadArticles[i] as number;
        hits.set(article, (hits.get(article) ?? 0) + 1);
      }
    }
  }

  /** The article whose lead the page shows most of, if enough of it (see TEXT_CANDIDATE). */
  bestByText(hits: ReadonlyMap<number, number>, requested: boolean): TextCandidate | null {
    const need = requested ? TEXT_CANDIDATE.requested : TEXT_CANDIDATE.automatic;
    let best: TextCandidate | null = null;
    for (const [article, count] of hits) {
      const size = this.tables.leadSizes[article] ?? 0;
      if (size === 0) continue;
      const share = count / size;
      if (count < Math.min(need.hits, size) || share < need.share) continue;
      if (!best || share > best.share || (share === best.share && count > best.hits))
        best = { article, hits: count, share };
    }
    return best;
  }
}
