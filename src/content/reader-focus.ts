/**
 * Calm reading on the page: of the categories a reading mode paints only where the reader is
 * (highlights/modes.ts: calm reading's claims), only the annotation under the pointer and the one
 * at the caret are painted. The engine finds the annotations at those two places (in its pointer
 * handler, one hit test per animation frame, and on selectionchange) and tells this class; this
 * class keeps their ids (so a re-anchoring pass, which makes new ranges, keeps the focus) and
 * gives the painter the ranges to paint (`Painter.show`'s `onlyAt`).
 */
import type { HighlightCategory } from '../highlights/categories';
import type { Presentation } from '../highlights/modes';

/** An annotation painted on the page, as the engine holds it. */
export interface PaintedHit {
  planned: { id: string; category: HighlightCategory };
  range: Range;
}

export type ReaderPlace = 'pointer' | 'caret';

export class ReaderFocus {
  private readonly at: Record<ReaderPlace, string | null> = { pointer: null, caret: null };

  /**
   * The reader is at these annotations (innermost first): the first of a category painted only
   * where the reader is gets the focus of this place. Returns whether the focus changed.
   */
  follow(place: ReaderPlace, hits: readonly PaintedHit[], presentation: Presentation): boolean {
    const hit = hits.find((h) => presentation.onlyWhereReaderIs.has(h.planned.category));
    const id = hit?.planned.id ?? null;
    if (this.at[place] === id) return false;
    this.at[place] = id;
    return true;
  }

  /**
   * What the painter paints of each category shown only where the reader is: the ranges of the
   * focused annotations (none: an empty list, so the category paints nothing).
   */
  onlyAt(
    presentation: Presentation,
    hitOf: (id: string) => PaintedHit | undefined,
  ): Map<HighlightCategory, Range[]> {
    const out = new Map<HighlightCategory, Range[]>();
    for (const category of presentation.onlyWhereReaderIs) out.set(category, []);
    for (const id of new Set([this.at.pointer, this.at.caret])) {
      const hit = id === null ? undefined : hitOf(id);
      if (hit) out.get(hit.planned.category)?.push(hit.range);
    }
    return out;
  }
}
