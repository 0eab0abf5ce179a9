/**
 * An article's paragraph fingerprints, computed once per article: each paragraph's word 4-grams
 * (see fingerprint.ts), its role, and an inverted index from a 4-gram to the paragraphs that hold
 * it, so a page is read once whatever the article's length.
 */
import type { ParagraphRole } from '../annotations/model';
import { fingerprintWords, hashWords, SHINGLE_WORDS, shingles } from './fingerprint';

export interface FingerprintedParagraph {
  /** The pack's paragraph id ('p3'). */
  id: string;
  role: ParagraphRole;
  shingles: ReadonlySet<number>;
  /** The 4-grams that occur more than once in the paragraph, with their count. */
  repeats: ReadonlyMap<number, number>;
}

export interface ArticleFingerprint {
  /** Paragraphs long enough to be evidence, in article order. */
  paragraphs: FingerprintedParagraph[];
  /** 4-gram hash → indices into `paragraphs` of the paragraphs that contain it. */
  byShingle: ReadonlyMap<number, readonly number[]>;
}

/** Fewer words than a shingle (a subheading like "Trade terms") is no evidence either way. */
const MIN_WORDS = 4;

export function fingerprintArticle(
  paragraphs: ReadonlyArray<{ id: string; text: string; role?: ParagraphRole }>,
): ArticleFingerprint {
  const kept = paragraphs
    .filter((p) => fingerprintWords(p.text).length >= MIN_WORDS)
    .map((p) => ({
      id: p.id,
      role: p.role ?? 'body',
      shingles: shingles(p.text),
      repeats: repeatedShingles(p.text),
    }));
  const byShingle = new Map<number, number[]>();
  kept.forEach((p, index) => {
    for (const h of p.shingles) {
      const list = byShingle.get(h);
      if (list) list.push(index);
      else byShingle.set(h, [index]);
    }
  });
  return { paragraphs: kept, byShingle };
}

function repeatedShingles(text: string): Map<number, number> {
  const words = fingerprintWords(text);
  const counts = new Map<number, number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const h = hashWords(words, i, SHINGLE_WORDS);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  for (const [h, n] of counts) if (n < 2) counts.delete(h);
  return counts;
}
