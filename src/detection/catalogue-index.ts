/**
 * The catalogue index: which known article a page may be, from its address, its metadata or the
 * opening of its text. Built once from the packs at build time (`buildCatalogueIndex`, plain data
 * in, plain JSON-ready data out) and read by the background only (`CatalogueIndex`); never bundled
 * into the gate, so what runs on every page stays the same size from 1 to 10 000 articles.
 *
 * What it holds, per article:
 *  - its known addresses (canonical URL and syndicated copies), normalised and hashed to 52 bits;
 *  - its headline's word hashes (a headline is rewritten often: a match speeds recognition up, a
 *    mismatch says nothing);
 *  - its lead fingerprint: the word 4-gram shingles of its first LEAD_PARAGRAPHS body paragraphs
 *    (the standfirst left out: syndicated copies drop it, and a section-front teaser is exactly
 *    headline + standfirst), a content-defined quarter of them kept (probe.ts), in an inverted
 *    index sorted by hash.
 * A candidate is only that: the engine's judgement of the page's text decides.
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

/** The index as written to the package (JSON) and read back by the background. */
export interface CatalogueIndexData {
  format: 1;
  /** Article ids; everything below refers to an article by its position here. */
  ids: string[];
  /** Probe shingles in each article's lead fingerprint. */
  leadSizes: number[];
  /** Each article's headline: sorted distinct word hashes. */
  headlines: number[][];
  /** Hashed normalised URLs and the article each names (same length). */
  urlKeys: number[];
  urlArticles: number[];
  /** Inverted lead index: (hash, article) pairs sorted by hash, hashes delta-encoded. */
  leadHashes: number[];
  leadArticles: number[];
}

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

/** A URL's key: 52 bits of two FNV hashes of its normalised form (no collision in practice). */
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
  return wordOverlap(headlineWords(a), headlineWords(b));
}

function wordOverlap(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let common = 0;
  for (const w of b) if (set.has(w)) common++;
  return common / Math.max(a.length, b.length);
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

/** Build the index from plain article data. Pure; the build and the benchmark call it. */
export function buildCatalogueIndex(articles: readonly CatalogueArticle[]): CatalogueIndexData {
  const ids: string[] = [];
  const leadSizes: number[] = [];
  const headlines: number[][] = [];
  const urls = new Map<number, number>();
  const pairs: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.id)) throw new Error(`Two articles with the id "${article.id}"`);
    seen.add(article.id);
    const n = ids.length;
    ids.push(article.id);
    headlines.push(headlineWords(article.headline));
    for (const url of [article.canonicalUrl, ...article.urls]) {
      const key = urlKey(url);
      if (key === null) continue;
      const other = urls.get(key);
      if (other !== undefined && other !== n)
        throw new Error(`"${url}" names two articles: "${ids[other]}" and "${article.id}"`);
      urls.set(key, n);
    }
    const lead = leadProbeShingles(article.paragraphs);
    leadSizes.push(lead.length);
    for (const h of lead) pairs.push([h, n]);
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const leadHashes: number[] = [];
  const leadArticles: number[] = [];
  let previous = 0;
  for (const [h, n] of pairs) {
    leadHashes.push(h - previous);
    leadArticles.push(n);
    previous = h;
  }
  const urlEntries = [...urls].sort((a, b) => a[0] - b[0]);
  return {
    format: 1,
    ids,
    leadSizes,
    headlines,
    urlKeys: urlEntries.map(([k]) => k),
    urlArticles: urlEntries.map(([, n]) => n),
    leadHashes,
    leadArticles,
  };
}

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

/** The index, ready for look-ups (the background holds one). */
export class CatalogueIndex {
  private readonly urls: Map<number, number>;
  private readonly hashes: Uint32Array;
  private readonly articles: Uint32Array;

  constructor(private readonly data: CatalogueIndexData) {
    if (data.format !== 1) throw new Error(`Unknown catalogue index format ${String(data.format)}`);
    this.urls = new Map(data.urlKeys.map((k, i) => [k, data.urlArticles[i] as number]));
    this.hashes = new Uint32Array(data.leadHashes.length);
    let h = 0;
    data.leadHashes.forEach((d, i) => {
      h += d;
      this.hashes[i] = h;
    });
    this.articles = Uint32Array.from(data.leadArticles);
  }

  get size(): number {
    return this.data.ids.length;
  }

  idOf(article: number): string {
    return this.data.ids[article] as string;
  }

  positionOf(id: string): number | null {
    const n = this.data.ids.indexOf(id);
    return n < 0 ? null : n;
  }

  /** The article a URL is a known address of. */
  byAddress(url: string | undefined): number | null {
    if (!url) return null;
    const key = urlKey(url);
    return key === null ? null : (this.urls.get(key) ?? null);
  }

  /** Headline word → the articles whose headline has it; built on the first headline look-up. */
  private headlineIndex: Map<number, number[]> | null = null;

  /**
   * The article whose headline one of these titles is (og:title, JSON-LD headline, h1): the
   * best share of shared words (`wordOverlap`), the first article on a tie. Through the word
   * index, only articles sharing a word with a title are counted, not the whole catalogue.
   */
  byHeadline(titles: readonly string[]): number | null {
    const pages = titles.map(headlineWords).filter((w) => w.length > 0);
    if (pages.length === 0) return null;
    const index = this.headlines();
    let best: { n: number; score: number } | null = null;
    for (const page of pages) {
      const common = new Map<number, number>();
      for (const w of page)
        for (const n of index.get(w) ?? []) common.set(n, (common.get(n) ?? 0) + 1);
      for (const [n, count] of common) {
        const words = this.data.headlines[n]?.length ?? 0;
        const score = count / Math.max(words, page.length);
        if (score < HEADLINE_MATCH) continue;
        if (!best || score > best.score || (score === best.score && n < best.n))
          best = { n, score };
      }
    }
    return best?.n ?? null;
  }

  private headlines(): Map<number, number[]> {
    if (!this.headlineIndex) {
      const index = new Map<number, number[]>();
      this.data.headlines.forEach((words, n) => {
        for (const w of words) {
          const list = index.get(w);
          if (list) list.push(n);
          else index.set(w, [n]);
        }
      });
      this.headlineIndex = index;
    }
    return this.headlineIndex;
  }

  /**
   * Count, per article, the probe shingles of its lead among `probe` (each distinct hash once:
   * callers send a hash once per page, so counts can be added up over several probes).
   */
  addLeadHits(probe: Iterable<number>, hits: Map<number, number>): void {
    const { hashes, articles } = this;
    for (const h of probe) {
      // Lower bound of h in the sorted hashes.
      let lo = 0;
      let hi = hashes.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((hashes[mid] as number) < h) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < hashes.length && hashes[i] === h; i++) {
        const n = articles[i] as number;
        hits.set(n, (hits.get(n) ?? 0) + 1);
      }
    }
  }

  /** The article whose lead the page shows most of, if enough of it (see TEXT_CANDIDATE). */
  bestByText(hits: ReadonlyMap<number, number>, requested: boolean): TextCandidate | null {
    const need = requested ? TEXT_CANDIDATE.requested : TEXT_CANDIDATE.automatic;
    let best: TextCandidate | null = null;
    for (const [article, count] of hits) {
      const size = this.data.leadSizes[article] ?? 0;
      if (size === 0) continue;
      const share = count / size;
      if (count < Math.min(need.hits, size) || share < need.share) continue;
      if (!best || share > best.share || (share === best.share && count > best.hits))
        best = { article, hits: count, share };
    }
    return best;
  }
}
