/**
 * Whether a block of a page's text is the pack's own text (its headline or one of its
 * paragraphs, as edited copies write them) or text the pack lacks: the page's own headline, a
 * note or fact box a site added, a caption. Most of the block's word 4-grams must be the pack's;
 * a copy's light edits keep most, a new sentence about the same people shares few.
 */
import type { Pack } from '../annotations/model';
import { containment, shingles } from './fingerprint';
import type { ArticleFingerprint } from './paragraphs';

/** Share of a block's 4-grams that must be the pack's for the block to be the pack's text. */
export const PACK_TEXT_SHARE = 0.5;

export interface PackText {
  has(text: string): boolean;
}

const cache = new WeakMap<ArticleFingerprint, PackText>();

/**
 * The pack's text as the detection already fingerprints it (`fingerprint`: its paragraphs'
 * 4-grams, indexed), plus its headline's.
 */
export function packText(pack: Pack, fingerprint: ArticleFingerprint): PackText {
  let found = cache.get(fingerprint);
  if (!found) {
    const headline = shingles(pack.article.headline);
    const isPack = { has: (h: number) => fingerprint.byShingle.has(h) || headline.has(h) };
    found = {
      has(text) {
        const own = shingles(text);
        return own.size > 0 && containment(own, isPack) >= PACK_TEXT_SHARE;
      },
    };
    cache.set(fingerprint, found);
  }
  return found;
}
