/**
 * Writing the catalogue index (catalogue-index-format.ts) from plain article data, at build time
 * (catalogue-build.ts) and in the benchmark. Pure. Refuses a catalogue where two articles share
 * an id or a URL names two articles: either would make an answer ambiguous.
 */

import {
  type ArticleTable,
  type IndexTables,
  LEAD_BUCKET_BITS,
  LEAD_BUCKETS,
  leadTail,
  newIndexFile,
} from './catalogue-index-format';
import { type CatalogueArticle, headlineWords, leadProbeShingles, urlKey } from './catalogue-keys';

/** (key, article) pairs sorted by key, then article, into two parallel tables. */
function fillSorted(pairs: Array<[number, number]>, keys: Float64Array, articles: ArticleTable) {
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  pairs.forEach(([key, article], i) => {
    keys[i] = key;
    articles[i] = article;
  });
}

/** The headline index's (word, article) pairs, sorted, into distinct words and their articles. */
function fillHeadlineWords(pairs: Array<[number, number]>, tables: IndexTables) {
  const { headlineWords, headlineWordStarts, headlineArticles } = tables;
  let words = 0;
  pairs.forEach(([word, article], i) => {
    if (words === 0 || headlineWords[words - 1] !== word) {
      headlineWords[words] = word;
      headlineWordStarts[words++] = i;
    }
    headlineArticles[i] = article;
  });
  headlineWordStarts[words] = pairs.length;
}

/** The lead index's (hash, article) pairs into its buckets (see IndexTables). */
function fillLeadBuckets(pairs: Array<[number, number]>, tables: IndexTables) {
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const { leadBucketStarts, leadLowBits, leadArticles } = tables;
  let bucket = 0;
  pairs.forEach(([hash, article], i) => {
    for (; bucket <= hash >>> LEAD_BUCKET_BITS; bucket++) leadBucketStarts[bucket] = i;
    leadLowBits[i] = leadTail(hash);
    leadArticles[i] = article;
  });
  for (; bucket <= LEAD_BUCKETS; bucket++) leadBucketStarts[bucket] = pairs.length;
}

/** The index file's bytes for these articles (an article is its position in `articles`). */
export function buildCatalogueIndex(articles: readonly CatalogueArticle[]): ArrayBuffer {
  const encoder = new TextEncoder();
  const ids = new Map<string, number>();
  const encodedIds: Uint8Array[] = [];
  const leadSizes: number[] = [];
  const headlineSizes: number[] = [];
  const addresses = new Map<number, number>();
  const leadPairs: Array<[number, number]> = [];
  const headlinePairs: Array<[number, number]> = [];
  for (const [n, article] of articles.entries()) {
    if (ids.has(article.id)) throw new Error(`Two articles with the id "${article.id}"`);
    ids.set(article.id, n);
    encodedIds.push(encoder.encode(article.id));
    const words = headlineWords(article.headline);
    headlineSizes.push(words.length);
    for (const w of words) headlinePairs.push([w, n]);
    for (const url of [article.canonicalUrl, ...article.urls]) {
      const key = urlKey(url);
      if (key === null) continue;
      const other = addresses.get(key);
      if (other !== undefined && other !== n)
        throw new Error(
          `"${url}" names two articles: "${articles[other]?.id}" and "${article.id}"`,
        );
      addresses.set(key, n);
    }
    const lead = leadProbeShingles(article.paragraphs);
    // Sizes are kept in two bytes; a real lead (five paragraphs) has a few hundred at most.
    if (lead.length > 0xffff || words.length > 0xffff)
      throw new Error(`"${article.id}": its lead or headline is too long for the index`);
    leadSizes.push(lead.length);
    for (const h of lead) leadPairs.push([h, n]);
  }

  headlinePairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const { buffer, tables } = newIndexFile({
    articles: articles.length,
    addresses: addresses.size,
    leadEntries: leadPairs.length,
    headlineWords: new Set(headlinePairs.map(([word]) => word)).size,
    headlineEntries: headlinePairs.length,
    idBytes: encodedIds.reduce((sum, id) => sum + id.length, 0),
  });
  fillSorted([...addresses], tables.addressKeys, tables.addressArticles);
  fillLeadBuckets(leadPairs, tables);
  fillHeadlineWords(headlinePairs, tables);
  tables.leadSizes.set(leadSizes);
  tables.headlineSizes.set(headlineSizes);
  let at = 0;
  for (const [n, id] of encodedIds.entries()) {
    tables.idOffsets[n] = at;
    tables.idBytes.set(id, at);
    at += id.length;
  }
  tables.idOffsets[encodedIds.length] = at;
  return buffer;
}
