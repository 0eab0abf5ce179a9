/**
 * The previous recognition design, kept for the scale benchmark's "before" figures only
 * (scale-current.ts): the gate carried the whole catalogue (id, headline, URLs, lead shingles of
 * every article) and compared the page with each article in turn. Gloss itself now asks the
 * background's catalogue index (src/detection/catalogue-index.ts); nothing in src/ uses this.
 */

import type { RecognisedBy } from '../../src/detection/detect';
import { fingerprintWords, shingles } from '../../src/detection/fingerprint';

/** What the gate knows of an article: small, bundled into the gate. */
export interface ArticleSignature {
  id: string;
  headline: string;
  canonicalUrl: string;
  /** Other known URLs of this article (syndicated copies). */
  urls: string[];
  /** Shingle hashes of the article's opening paragraphs (see `leadShingles`). */
  lead: number[];
}

/** How many opening paragraphs the lead fingerprint covers. */
export const LEAD_PARAGRAPHS = 5;
/** A page's opening shares at least this many 4-grams with the article's: worth a full look. */
const LEAD_MATCH = 6;

/** The lead fingerprint of an article: shingles of its first paragraphs, sorted. */
export function leadShingles(paragraphs: ReadonlyArray<{ text: string }>): number[] {
  const all = new Set<number>();
  for (const p of paragraphs.slice(0, LEAD_PARAGRAPHS))
    for (const h of shingles(p.text)) all.add(h);
  return [...all].sort((a, b) => a - b);
}

/**
 * The gate's cheap text probe, for copies whose URL and metadata Gloss does not know: does the
 * opening text of the page share enough 4-grams with an article's opening?
 */
export function probeLead(
  openingText: string,
  catalog: readonly ArticleSignature[],
): string | null {
  const page = shingles(openingText);
  for (const article of catalog) {
    let hits = 0;
    for (const h of article.lead) if (page.has(h) && ++hits >= LEAD_MATCH) return article.id;
  }
  return null;
}

export interface PageMetadata {
  url: string;
  canonical?: string | undefined;
  ogUrl?: string | undefined;
  ogTitle?: string | undefined;
  jsonLdHeadline?: string | undefined;
  jsonLdUrl?: string | undefined;
  h1?: string | undefined;
}

export type GateMatch = { articleId: string; by: RecognisedBy };

/** Compare URLs without query, fragment, trailing slash or `.html`. */
export function normaliseUrl(url: string): string | null {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\.html?$/, '').replace(/\/+$/, '');
    return `${u.hostname.toLowerCase()}${path}`;
  } catch {
    return null;
  }
}

/** Similar headlines share most of their words (same story, minor edits). */
export function headlineSimilarity(a: string, b: string): number {
  const wa = new Set(fingerprintWords(a));
  const wb = new Set(fingerprintWords(b));
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.max(wa.size, wb.size);
}

const HEADLINE_MATCH = 0.8;

export function gate(page: PageMetadata, catalog: readonly ArticleSignature[]): GateMatch | null {
  const pageUrl = normaliseUrl(page.url);
  const metaUrls = [page.canonical, page.ogUrl, page.jsonLdUrl]
    .filter((u): u is string => !!u)
    .map((u) => normaliseUrl(u));
  const titles = [page.ogTitle, page.jsonLdHeadline, page.h1].filter((t): t is string => !!t);
  for (const article of catalog) {
    const known = new Set([article.canonicalUrl, ...article.urls].map(normaliseUrl));
    if (pageUrl && known.has(pageUrl)) return { articleId: article.id, by: 'url' };
    if (metaUrls.some((u) => u && known.has(u))) return { articleId: article.id, by: 'metadata' };
    if (titles.some((t) => headlineSimilarity(t, article.headline) >= HEADLINE_MATCH))
      return { articleId: article.id, by: 'headline' };
  }
  return null;
}
