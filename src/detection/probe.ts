/**
 * What the gate and the catalogue index agree on, and nothing more (the gate bundles this file):
 * how much page text travels in a probe, and which text shingles count. The gate sends the text
 * it reads as it is; the background turns it into shingles (probe-text.ts), off the page's main
 * thread. Both sides keep only a fixed, content-defined quarter of the shingles (those whose mixed
 * hash has its top two bits clear), so the lead index stays a quarter of the size and still meets
 * a page on the same hashes whatever its markup.
 */

/** Keep a shingle hash in probes and the lead index (about 1 in 4, decided by the hash itself). */
export function isProbeShingle(hash: number): boolean {
  return Math.imul(hash, 0x9e3779b1) >>> 30 === 0;
}

/**
 * Most page text (characters) one probe message carries; a longer read goes out in several. The
 * browser serialises a message in the sending task: a smaller message keeps that task short.
 */
export const PROBE_MAX_CHARS = 1 << 16;

/** What a page says it is: an article, a live page, or nothing said. */
export const PAGE_KINDS = ['article', 'live', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
