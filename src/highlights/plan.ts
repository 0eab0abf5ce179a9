/**
 * What to highlight for a pack: every entity mention and every claim, each with its category and
 * the paragraph it belongs to. Pure: a pack in, a flat list out, in canonical-text order.
 */
import type { QuoteSelector } from '../anchoring';
import type { Pack, Target } from '../annotations/model';
import { paragraphStarts } from '../annotations/text';
import { claimCategory, entityCategory, type HighlightCategory } from './categories';

export interface PlannedHighlight {
  /** The mention's or claim's id. */
  id: string;
  /** The entity or claim it belongs to. */
  ownerId: string;
  category: HighlightCategory;
  target: Target;
  /** Index of the paragraph of the canonical text the target starts in. */
  paragraph: number;
  /** Same-category annotations the pack declares this one may overlap. */
  allowOverlap: readonly string[];
}

/** What the anchoring engine looks for: the target's quote, its context and its source offset. */
export const selectorOf = (p: PlannedHighlight): QuoteSelector => ({
  exact: p.target.quote.exact,
  prefix: p.target.quote.prefix,
  suffix: p.target.quote.suffix,
  position: p.target.position.start,
});

export function planHighlights(pack: Pack): PlannedHighlight[] {
  const starts = paragraphStarts(pack.article);
  const paragraphOf = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && (starts[i + 1] as number) <= offset) i++;
    return i;
  };
  const out: PlannedHighlight[] = [];
  for (const entity of pack.entities) {
    for (const mention of entity.mentions) {
      out.push({
        id: mention.id,
        ownerId: entity.id,
        category: entityCategory(entity.kind),
        target: mention.target,
        paragraph: paragraphOf(mention.target.position.start),
        allowOverlap: mention.allowOverlap ?? [],
      });
    }
  }
  for (const claim of pack.claims) {
    out.push({
      id: claim.id,
      ownerId: claim.id,
      category: claimCategory(claim.kind),
      target: claim.target,
      paragraph: paragraphOf(claim.target.position.start),
      allowOverlap: claim.allowOverlap ?? [],
    });
  }
  return out.sort((a, b) => a.target.position.start - b.target.position.start);
}
