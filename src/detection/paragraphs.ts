/**
 * An article's paragraph fingerprints, computed once per article: each paragraph's word 4-grams
 * (see fingerprint.ts), its role, and an inverted index from a 4-gram to the paragraphs that hold
 * it, so a page is read once whatever the article's length.
 */
import type { ParagraphRole } from '../annotations/model';
import { fingerprintWords, shingles } from './fingerprint';

export interface FingerprintedParagraph {
  /** The pack's paragraph id ('p3'). */
  id: string;
  role: ParagraphRole;
  shingles: ReadonlySet<number>;
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
    .map((p) => ({ id: p.id, role: p.role ?? 'body', shingles: shingles(p.text) }));
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
