/**
 * One place, one annotation. The pack never lets two annotations of a category overlap unless it
 * says so; if two anchored on overlapping text of a page anyway, at least one is in the wrong
 * place (typically: a mention in a paragraph this page lacks, anchored on the same words of the
 * next paragraph that another mention owns). The weaker one becomes an orphan. Pure.
 */
import type { PlannedHighlight } from './plan';

export interface AnchoredSpan {
  start: number | null;
  end: number | null;
  score: number;
  /** Position agreement (0..1), where the engine reports it: breaks ties between equal scores. */
  detail?: { position: number | null } | undefined;
}

/**
 * Indexes of results to drop: the weaker of each undeclared same-category overlap. Stronger
 * means: from a paragraph the page carries (when `onPage` says which), then a higher score, then
 * better position agreement, then earlier in the pack.
 */
export function conflictingResults(
  planned: readonly PlannedHighlight[],
  results: readonly AnchoredSpan[],
  onPage: (paragraph: number) => boolean = () => true,
): Set<number> {
  const order = planned
    .map((_, i) => i)
    .filter((i) => results[i]?.start != null && results[i]?.end != null)
    .sort((a, b) => {
      const ra = results[a] as AnchoredSpan;
      const rb = results[b] as AnchoredSpan;
      const pa = onPage((planned[a] as PlannedHighlight).paragraph) ? 1 : 0;
      const pb = onPage((planned[b] as PlannedHighlight).paragraph) ? 1 : 0;
      return (
        pb - pa ||
        rb.score - ra.score ||
        (rb.detail?.position ?? 0) - (ra.detail?.position ?? 0) ||
        a - b
      );
    });
  const kept = new Map<string, number[]>();
  const dropped = new Set<number>();
  for (const i of order) {
    const p = planned[i] as PlannedHighlight;
    const r = results[i] as AnchoredSpan;
    const sameCategory = kept.get(p.category) ?? [];
    const clash = sameCategory.some((j) => {
      const q = planned[j] as PlannedHighlight;
      const s = results[j] as AnchoredSpan;
      const overlaps =
        (r.start as number) < (s.end as number) && (s.start as number) < (r.end as number);
      return overlaps && !p.allowOverlap.includes(q.id) && !q.allowOverlap.includes(p.id);
    });
    if (clash) dropped.add(i);
    else kept.set(p.category, [...sameCategory, i]);
  }
  return dropped;
}
