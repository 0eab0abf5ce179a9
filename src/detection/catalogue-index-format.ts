/**
 * The catalogue index as a file in the package (`catalogue/index.bin`): a header of counts, then
 * sorted tables laid end to end, so that reading it is making typed-array views over the bytes
 * (no parsing, no object per entry) and a look-up is a binary search. The build writes it
 * (catalogue-index-build.ts), the background reads it (catalogue-index.ts); both lay the tables
 * out with `indexTables` below, so they cannot disagree on where a table starts.
 *
 * Numbers are in the platform's byte order (little-endian on every browser Gloss runs on); the
 * magic number, read in another order, refuses the file rather than misreading it.
 */

/** Where the build puts the index in the package. */
export const CATALOGUE_INDEX_FILE = 'catalogue/index.bin';

/** "GLCI" as a little-endian Uint32. */
export const INDEX_MAGIC = 0x4943_4c47;
/** Bumped whenever a table is added, removed or changes meaning. */
export const INDEX_FORMAT = 3;

/** The header: magic, format, the six counts below (32 bytes). */
const HEADER_WORDS = 8;
const HEADER_BYTES = HEADER_WORDS * 4;

/** How many entries each table has; the header holds them. */
export interface IndexCounts {
  articles: number;
  /** Known addresses (canonical URLs and syndicated copies). */
  addresses: number;
  /** (probe shingle, article) pairs of the lead index. */
  leadEntries: number;
  /** Distinct headline words, and (headline word, article) pairs, of the headline index. */
  headlineWords: number;
  headlineEntries: number;
  /** UTF-8 bytes of all article ids together. */
  idBytes: number;
}

/** Article numbers: two bytes each while the catalogue has at most 65 536 articles, else four. */
export type ArticleTable = Uint16Array | Uint32Array;

/**
 * The lead index is bucketed by a hash's top 16 bits, and a bucket's entries keep only the next 8
 * bits: a 24-bit hash in one byte, a quarter of the bytes of whole hashes (the read of the file is
 * most of the index's load). A page's 24-bit hash meets another article's lead by chance about
 * once in 2^24 / (entries): at 10 000 articles (640 000 entries) a 2 000-shingle page gets some 80
 * chance hits spread over the catalogue, against the 6 and 30 % of one lead a candidate needs.
 */
export const LEAD_BUCKET_BITS = 16;
export const LEAD_BUCKETS = 2 ** LEAD_BUCKET_BITS;
/** The bits of a hash an entry keeps after its bucket's: bits 8 to 15. */
export const leadTail = (hash: number): number => (hash >>> 8) & 0xff;

/** The tables; an article is its position, 0 to articles - 1. */
export interface IndexTables {
  /** Known addresses' keys (catalogue-keys.ts urlKey), ascending, and the article each names. */
  addressKeys: Float64Array;
  addressArticles: ArticleTable;
  /**
   * The lead index, (probe shingle hash, article) pairs sorted by hash then article: bucket b
   * (the hashes whose top bits are b) is entries leadBucketStarts[b] to leadBucketStarts[b + 1],
   * each the hash's next bits (leadTail) and the article.
   */
  leadBucketStarts: Uint32Array;
  leadLowBits: Uint8Array;
  leadArticles: ArticleTable;
  /**
   * The headline index: the distinct word hashes ascending; word w's articles are entries
   * headlineWordStarts[w] to headlineWordStarts[w + 1] of headlineArticles, ascending.
   */
  headlineWords: Uint32Array;
  headlineWordStarts: Uint32Array;
  headlineArticles: ArticleTable;
  /** Per article: how many probe shingles its lead has, how many distinct words its headline. */
  leadSizes: Uint16Array;
  headlineSizes: Uint16Array;
  /** Article n's id is the UTF-8 of idBytes from idOffsets[n] to idOffsets[n + 1]. */
  idOffsets: Uint32Array;
  idBytes: Uint8Array;
}

type TypedArrayClass =
  | Float64ArrayConstructor
  | Uint32ArrayConstructor
  | Uint16ArrayConstructor
  | Uint8ArrayConstructor;

/** Each table's type and length, in file order (widest elements first keeps each aligned). */
function sections(counts: IndexCounts): Array<[keyof IndexTables, TypedArrayClass, number]> {
  const articleArray = counts.articles > 2 ** 16 ? Uint32Array : Uint16Array;
  return [
    ['addressKeys', Float64Array, counts.addresses],
    ['leadBucketStarts', Uint32Array, LEAD_BUCKETS + 1],
    ['headlineWords', Uint32Array, counts.headlineWords],
    ['headlineWordStarts', Uint32Array, counts.headlineWords + 1],
    ['idOffsets', Uint32Array, counts.articles + 1],
    ['addressArticles', articleArray, counts.addresses],
    ['leadArticles', articleArray, counts.leadEntries],
    ['headlineArticles', articleArray, counts.headlineEntries],
    ['leadSizes', Uint16Array, counts.articles],
    ['headlineSizes', Uint16Array, counts.articles],
    ['leadLowBits', Uint8Array, counts.leadEntries],
    ['idBytes', Uint8Array, counts.idBytes],
  ];
}

const alignTo = (bytes: number, unit: number) => Math.ceil(bytes / unit) * unit;

/** Where each table starts (bytes), and the file's length, for these counts. */
function layOut(counts: IndexCounts) {
  let at = HEADER_BYTES;
  const starts = sections(counts).map(([name, type, length]) => {
    at = alignTo(at, type.BYTES_PER_ELEMENT);
    const start = at;
    at += length * type.BYTES_PER_ELEMENT;
    return { name, type, length, start };
  });
  return { starts, byteLength: alignTo(at, 8) };
}

/** The file's length for these counts. */
export function indexByteLength(counts: IndexCounts): number {
  return layOut(counts).byteLength;
}

/** The tables as views over `buffer` (which holds the header first); nothing is copied. */
export function indexTables(buffer: ArrayBuffer, counts: IndexCounts): IndexTables {
  const tables: Record<string, unknown> = {};
  for (const { name, type, length, start } of layOut(counts).starts)
    tables[name] = new type(buffer, start, length);
  return tables as unknown as IndexTables;
}

/** A new, zeroed file for these counts, its header written; fill its tables. */
export function newIndexFile(counts: IndexCounts): { buffer: ArrayBuffer; tables: IndexTables } {
  const buffer = new ArrayBuffer(indexByteLength(counts));
  new Uint32Array(buffer, 0, HEADER_WORDS).set([
    INDEX_MAGIC,
    INDEX_FORMAT,
    counts.articles,
    counts.addresses,
    counts.leadEntries,
    counts.headlineWords,
    counts.headlineEntries,
    counts.idBytes,
  ]);
  return { buffer, tables: indexTables(buffer, counts) };
}

/** The counts in a file's header; throws on a file of another kind, format or length. */
export function readIndexCounts(buffer: ArrayBuffer): IndexCounts {
  if (buffer.byteLength < HEADER_BYTES) throw new Error('Catalogue index: shorter than its header');
  const [magic, format, articles, addresses, leadEntries, headlineWords, headlineEntries, idBytes] =
    new Uint32Array(buffer, 0, HEADER_WORDS);
  if (magic !== INDEX_MAGIC) throw new Error('Catalogue index: not an index file');
  if (format !== INDEX_FORMAT)
    throw new Error(`Catalogue index: unknown format ${format} (this code reads ${INDEX_FORMAT})`);
  const counts = {
    articles: articles as number,
    addresses: addresses as number,
    leadEntries: leadEntries as number,
    headlineWords: headlineWords as number,
    headlineEntries: headlineEntries as number,
    idBytes: idBytes as number,
  };
  if (buffer.byteLength !== indexByteLength(counts))
    throw new Error(
      `Catalogue index: ${buffer.byteLength} bytes where its header says ${indexByteLength(counts)}`,
    );
  return counts;
}
