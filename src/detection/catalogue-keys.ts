/**
 * What the catalogue index keys an article by, computed alike when the build writes the index
 * and when the background looks a page up in it: a URL's key, a headline's word hashes, the
 * probe shingles of an article's lead.
 */
import { fingerprintWords, fnv1a, shingles } from './fingerprint';
import { isProbeShingle } from './probe';

/** What the index needs of an article: plain data, so a benchmark can build it from anything. */
export interface CatalogueArticle {
  id: string;
  headline: string;
  canonicalUrl: string;
  /** Other known URLs of this article (syndicated copies). */
  urls: readonly string[];
  paragraphs: ReadonlyArray<{ role?: string; text: string }>;
}

/** How many opening body paragraphs the lead fingerprint covers. */
export const LEAD_PARAGRAPHS = 5;
/** Fewer words than a shingle (a subheading like "Trade terms") is no evidence either way. */
const MIN_WORDS = 4;

/** Compare URLs without scheme, query, fragment, trailing slash or `.html`. */
export function normaliseUrl(url: string): string | null {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\.html?$/, '').replace(/\/+$/, '');
    return `${u.hostname.toLowerCase()}${path}`;
  } catch {
    return null;
  }
}

/**
 * A URL's key: 52 bits of two FNV hashes of its normalised form (no collision in practice),
 * exact as a double, so the index keeps keys in a Float64Array.
 */
export function urlKey(url: string): number | null {
  const n = normaliseUrl(url);
  if (n === null) return null;
  return fnv1a(n) * 0x100000 + (fnv1a(n, 0x050c5d1f) >>> 12);
}

/** A headline's distinct word hashes, sorted. */
export function headlineWords(text: string): number[] {
  const set = new Set<number>();
  for (const w of fingerprintWords(text)) set.add(fnv1a(w));
  return [...set].sort((a, b) => a - b);
}

/** Shared distinct words over the larger headline's count: edits keep most, another story few. */
export function headlineSimilarity(a: string, b: string): number {
  const wordsA = headlineWords(a);
  const wordsB = headlineWords(b);
  if (wordsA.length === 0 || wordsB.length === 0) return 0;
  const set = new Set(wordsA);
  let common = 0;
  for (const w of wordsB) if (set.has(w)) common++;
  return common / Math.max(wordsA.length, wordsB.length);
}

/** The body paragraphs the lead fingerprint covers: the first few with a shingle's worth of words. */
function leadParagraphs(paragraphs: CatalogueArticle['paragraphs']) {
  return paragraphs
    .filter((p) => (p.role ?? 'body') === 'body' && fingerprintWords(p.text).length >= MIN_WORDS)
    .slice(0, LEAD_PARAGRAPHS);
}

/** Every shingle of an article's lead, sorted. */
export function leadShingles(paragraphs: CatalogueArticle['paragraphs']): number[] {
  const all = new Set<number>();
  for (const p of leadParagraphs(paragraphs)) for (const h of shingles(p.text)) all.add(h);
  return [...all].sort((a, b) => a - b);
}

/** The lead shingles a probe can meet (the kept quarter, see probe.ts). */
export function leadProbeShingles(paragraphs: CatalogueArticle['paragraphs']): number[] {
  return leadShingles(paragraphs).filter(isProbeShingle);
}
