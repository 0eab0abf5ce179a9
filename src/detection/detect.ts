/**
 * Is this page a known article? Two stages, both pure:
 *  1. the catalogue index (catalogue-index.ts, in the background): the page's address, metadata
 *     and the opening of its text, as the gate probes them, name a candidate article;
 *  2. `judgeShingles`: only for that candidate, in the engine: the article's paragraph
 *     fingerprints against the text of the page's article root. The text decides; metadata only
 *     says where to look and whether a short text is a paywall cut or a quotation.
 */
import { containment, fingerprintWords, shingles } from './fingerprint';

/**
 * How a page was recognised: its URL; its metadata (canonical link, og:url, JSON-LD url); its
 * headline (og:title, JSON-LD headline or h1); or its text alone.
 */
export const RECOGNISED_BY = ['url', 'metadata', 'headline', 'text'] as const;
export type RecognisedBy = (typeof RECOGNISED_BY)[number];

/** Per-paragraph fingerprints of an article, computed once per article. */
export interface ArticleFingerprint {
  paragraphs: Array<{ id: string; shingles: Set<number> }>;
}

/** Fewer words than a shingle (a subheading like "Trade terms") is no evidence either way. */
const MIN_WORDS = 4;

export function fingerprintArticle(
  paragraphs: ReadonlyArray<{ id: string; text: string }>,
): ArticleFingerprint {
  return {
    paragraphs: paragraphs
      .filter((p) => fingerprintWords(p.text).length >= MIN_WORDS)
      .map((p) => ({ id: p.id, shingles: shingles(p.text) })),
  };
}

export interface TextJudgement {
  verdict: 'article' | 'partial' | 'none';
  /** Fraction of the article's paragraphs found on the page. */
  coverage: number;
  /** Ids of paragraphs found (at least half of their shingles present). */
  present: string[];
  /** How many paragraphs from the start are present without a gap (a paywall keeps a prefix). */
  leadingRun: number;
}

/** A paragraph counts as present when at least this share of its 4-grams is on the page. */
const PARAGRAPH_PRESENT = 0.5;
/** The whole article is here when this share of its paragraphs is. */
const ARTICLE_COVERAGE = 0.6;
/** A paywall cut keeps at least this many leading paragraphs. */
const PARTIAL_MIN_LEADING = 2;

/**
 * Judge the shingles of the page's article-root text (content/article-root.ts reads them).
 * `trustedLocation` is true when the URL or the page's own metadata names this article: then a
 * leading run of paragraphs means a paywall cut. Without it, a few matching paragraphs are a
 * quotation, not the article.
 */
export function judgeShingles(
  article: ArticleFingerprint,
  page: ReadonlySet<number>,
  trustedLocation: boolean,
): TextJudgement {
  const present: string[] = [];
  let leadingRun = 0;
  let gap = false;
  for (const p of article.paragraphs) {
    const isPresent = p.shingles.size > 0 && containment(p.shingles, page) >= PARAGRAPH_PRESENT;
    if (isPresent) present.push(p.id);
    if (isPresent && !gap) leadingRun++;
    else if (!isPresent) gap = true;
  }
  const coverage = article.paragraphs.length ? present.length / article.paragraphs.length : 0;
  let verdict: TextJudgement['verdict'] = 'none';
  if (coverage >= ARTICLE_COVERAGE) verdict = 'article';
  else if (trustedLocation && leadingRun >= PARTIAL_MIN_LEADING) verdict = 'partial';
  return { verdict, coverage, present, leadingRun };
}
