/**
 * The background's side of a probe: the page text a gate sent (pieces, each read in document
 * order; shingles do not run across pieces) as the probe shingles (probe.ts) not counted before
 * on that page. Pure.
 */
import { ShingleStream } from './fingerprint';
import { isProbeShingle } from './probe';

/** New probe shingles of `pieces`; `counted` (the page's, so far) takes them in. */
export function newProbeShingles(pieces: readonly string[], counted: Set<number>): number[] {
  const out: number[] = [];
  for (const piece of pieces) {
    const stream = new ShingleStream();
    stream.push(piece);
    for (const h of stream.hashes) {
      if (isProbeShingle(h) && !counted.has(h)) {
        counted.add(h);
        out.push(h);
      }
    }
  }
  return out;
}
