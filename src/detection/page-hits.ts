/**
 * Where an article's 4-grams occur in a page's text, by word position. The page is fed piece by
 * piece (text nodes, in document order) so a page of any size is read once, in slices; only the
 * 4-grams the article has are kept, so memory stays small on a 2 MB page. Pure: the DOM adapter
 * (content/article-root.ts) feeds the text and maps word positions back to nodes.
 */
import { fingerprintWords, hashWords, SHINGLE_WORDS } from './fingerprint';
import type { ArticleFingerprint } from './paragraphs';

/** The 4-grams of one paragraph found on the page: word positions and hashes, in page order. */
export interface ParagraphHits {
  positions: number[];
  hashes: number[];
}

export class PageHits {
  /** Word position at which each fed piece starts (a piece with no words starts where the next does). */
  readonly pieceStarts: number[] = [];
  /** Per article paragraph (index into `article.paragraphs`): where its 4-grams are. */
  readonly hits: ParagraphHits[];
  private words = 0;
  private tail: string[] = [];

  constructor(readonly article: ArticleFingerprint) {
    this.hits = article.paragraphs.map(() => ({ positions: [], hashes: [] }));
  }

  /** Words read so far. */
  get length(): number {
    return this.words;
  }

  push(text: string): void {
    this.pieceStarts.push(this.words);
    const words = fingerprintWords(text);
    if (words.length === 0) return;
    // 4-grams run across piece boundaries, as in the whole text: carry the last three words.
    const all = this.tail.length ? [...this.tail, ...words] : words;
    const firstPosition = this.words - this.tail.length;
    for (let i = 0; i + SHINGLE_WORDS <= all.length; i++) {
      const hash = hashWords(all, i, SHINGLE_WORDS);
      const paragraphs = this.article.byShingle.get(hash);
      if (!paragraphs) continue;
      for (const k of paragraphs) {
        const hits = this.hits[k] as ParagraphHits;
        hits.positions.push(firstPosition + i);
        hits.hashes.push(hash);
      }
    }
    this.words += words.length;
    this.tail = all.slice(-(SHINGLE_WORDS - 1));
  }

  /** Index of the piece that holds word `position` (the last piece starting at or before it). */
  pieceAt(position: number): number {
    let lo = 0;
    let hi = this.pieceStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.pieceStarts[mid] as number) <= position) lo = mid;
      else hi = mid - 1;
    }
    // Empty pieces share a start with the next one: take the last piece that has words there.
    return lo;
  }
}
