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
export const INDEX_FORMAT = 2;

/** The header: magic, format, the five counts below, one word of padding (32 bytes). */
const HEADER_WORDS = 8;
const HEADER_BYTES = HEADER_WORDS * 4;

/** How many entries each table has; the header holds them. */
export interface IndexCounts {
  articles: number;
  /** Known addresses (canonical URLs and syndicated copies). */
  addresses: number;
  /** (probe shingle, article) pairs of the lead index. */
  leadEntries: number;
  /** (headline word, article) pairs of the headline index. */
  headlineEntries: number;
  /** UTF-8 bytes of all article ids together. */
  idBytes: number;
}

/** The tables; an article is its position, 0 to articles - 1. */
export interface IndexTables {
  /** Known addresses' keys (catalogue-keys.ts urlKey), ascending, and the article each names. */
  addressKeys: Float64Array;
  addressArticles: Uint32Array;
  /** The lead index: probe shingle hashes ascending (ties by article), the article of each. */
  leadHashes: Uint32Array;
  leadArticles: Uint32Array;
  /** The headline index: word hashes ascending (ties by article), the article of each. */
  headlineWords: Uint32Array;
  headlineArticles: Uint32Array;
  /** Per article: how many probe shingles its lead has, how many distinct words its headline. */
  leadSizes: Uint32Array;
  headlineSizes: Uint32Array;
  /** Article n's id is the UTF-8 of idBytes from idOffsets[n] to idOffsets[n + 1]. */
  idOffsets: Uint32Array;
  idBytes: Uint8Array;
}

/** The file's length for these counts (the id bytes padded to a whole word). */
export function indexByteLength(counts: IndexCounts): number {
  const words =
    2 * counts.addresses + // Float64 keys
    counts.addresses +
    2 * counts.leadEntries +
    2 * counts.headlineEntries +
    2 * counts.articles +
    counts.articles +
    1;
  return HEADER_BYTES + words * 4 + alignTo(counts.idBytes, 4);
}

const alignTo = (bytes: number, unit: number) => Math.ceil(bytes / unit) * unit;

/** The tables as views over `buffer` (which holds the header first); nothing is copied. */
export function indexTables(buffer: ArrayBuffer, counts: IndexCounts): IndexTables {
  // The Float64 table comes first, right after the 32-byte header, so it is 8-byte aligned.
  let at = HEADER_BYTES;
  const words = (length: number) => {
    const view = new Uint32Array(buffer, at, length);
    at += length * 4;
    return view;
  };
  const addressKeys = new Float64Array(buffer, at, counts.addresses);
  at += counts.addresses * 8;
  return {
    addressKeys,
    addressArticles: words(counts.addresses),
    leadHashes: words(counts.leadEntries),
    leadArticles: words(counts.leadEntries),
    headlineWords: words(counts.headlineEntries),
    headlineArticles: words(counts.headlineEntries),
    leadSizes: words(counts.articles),
    headlineSizes: words(counts.articles),
    idOffsets: words(counts.articles + 1),
    idBytes: new Uint8Array(buffer, at, counts.idBytes),
  };
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
    counts.headlineEntries,
    counts.idBytes,
  ]);
  return { buffer, tables: indexTables(buffer, counts) };
}

/** The counts in a file's header; throws on a file of another kind, format or length. */
export function readIndexCounts(buffer: ArrayBuffer): IndexCounts {
  if (buffer.byteLength < HEADER_BYTES) throw new Error('Catalogue index: shorter than its header');
  const [magic, format, articles, addresses, leadEntries, headlineEntries, idBytes] =
    new Uint32Array(buffer, 0, HEADER_WORDS);
  if (magic !== INDEX_MAGIC) throw new Error('Catalogue index: not an index file');
  if (format !== INDEX_FORMAT)
    throw new Error(`Catalogue index: unknown format ${format} (this code reads ${INDEX_FORMAT})`);
  const counts = {
    articles: articles as number,
    addresses: addresses as number,
    leadEntries: leadEntries as number,
    headlineEntries: headlineEntries as number,
    idBytes: idBytes as number,
  };
  if (buffer.byteLength !== indexByteLength(counts))
    throw new Error(
      `Catalogue index: ${buffer.byteLength} bytes where its header says ${indexByteLength(counts)}`,
    );
  return counts;
}
