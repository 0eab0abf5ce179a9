/** The pack and page states the UI tests use; no browser APIs. */
import type { Pack } from '../../src/annotations/model';
import { packById } from '../../src/annotations/packs';
import type { OrphanReason } from '../../src/highlights/orphans';
import { planHighlights } from '../../src/highlights/plan';
import type { PageState } from '../../src/messages/protocol';

export const ARTICLE_ID = '2025-11-24-trump-xi-call';
export const pack = packById(ARTICLE_ID) as Pack;

/** A page state as the content script reports it: everything anchored but `orphans`. */
export function pageState(
  orphans: Record<string, OrphanReason> = {},
  status: 'article' | 'partial' = 'article',
): PageState {
  const anchored: Record<string, string[]> = {};
  for (const p of planHighlights(pack)) {
    if (p.id in orphans) continue;
    anchored[p.category] = [...(anchored[p.category] ?? []), p.id];
  }
  return {
    status,
    articleId: ARTICLE_ID,
    recognisedBy: 'url',
    anchored,
    orphans: Object.entries(orphans).map(([id, reason]) => ({ id, reason })),
  };
}
