import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Pack } from '../annotations/model';
import type { FoundState, PageIndex } from './derive';

export type SectionId =
  | 'overview'
  | 'entities'
  | 'claims'
  | 'sources'
  | 'timeline'
  | 'missing'
  | 'highlights'
  | 'notes';

/** What every section of an article view needs. */
export interface ArticleContext {
  pack: Pack;
  state: FoundState;
  page: PageIndex;
  tabId: number;
  /** Says something to screen readers (and shows it in the status line). */
  announce(message: string): void;
  /** Switches to another section. */
  goTo(section: SectionId): void;
}

export const ArticleCtx = createContext<ArticleContext | null>(null);

export function useArticle(): ArticleContext {
  const ctx = useContext(ArticleCtx);
  if (!ctx) throw new Error('useArticle outside an article view');
  return ctx;
}
