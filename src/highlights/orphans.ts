/**
 * Orphans: annotations of the pack that are not highlighted on this page, and why, as the reader
 * is told. Pure.
 */

/**
 * Every reason, in the order the reader is shown them: what the page cuts off, what it hides
 * (collapsed behind "Read more", a copy its CSS does not show), what it words differently, what it
 * repeats so that no one place can be chosen, what it lacks.
 */
export const ORPHAN_REASONS = ['paywall', 'hidden', 'edited', 'ambiguous', 'not-found'] as const;

/**
 * Why an annotation is not highlighted: 'paywall': its paragraph is beyond where the page's text
 * stops; 'hidden': its paragraph is on the page but not shown; 'edited': its paragraph is on the page, worded differently; 'ambiguous': its words are
 * on the page more than once and nothing tells the places apart; 'not-found': none of that.
 */
export type OrphanReason = (typeof ORPHAN_REASONS)[number];

/**
 * Why an annotation that is not highlighted is missing: the engine could not choose between
 * places (it says 'ambiguous'); its paragraph is on the page but worded differently; the paywall
 * cut it; or it is not there at all.
 */
export function orphanReason(
  anchoring: { reason?: string | undefined } | undefined,
  paragraphOnPage: boolean,
  paywalled: boolean,
): OrphanReason {
  if (anchoring?.reason === 'ambiguous') return 'ambiguous';
  if (paragraphOnPage) return 'edited';
  return paywalled ? 'paywall' : 'not-found';
}
