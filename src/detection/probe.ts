/**
 * What the gate and the catalogue index agree on, and nothing more (the gate bundles this file):
 * which text shingles travel in a probe. Both sides keep only a fixed, content-defined quarter of
 * the shingles (those whose mixed hash has its top two bits clear), so a probe and the index stay
 * a quarter of the size and still meet on the same hashes whatever the page's markup.
 */

/** Keep a shingle hash in probes and the lead index (about 1 in 4, decided by the hash itself). */
export function isProbeShingle(hash: number): boolean {
  return Math.imul(hash, 0x9e3779b1) >>> 30 === 0;
}

/** Most shingle hashes one probe message carries; a longer read goes out in several. */
export const PROBE_MAX_SHINGLES = 8192;

/** What a page says it is: an article, a live page, or nothing said. */
export const PAGE_KINDS = ['article', 'live', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
