/**
 * The background's catalogue: the index built at build time from the packs (a module only the
 * background imports), read into look-up tables on the first probe and kept while the background
 * lives; and where each article's pack is in the package (packs/<id>.js, a script the browser
 * runs in the page just before the engine). Packs were validated by the build (vite.config.ts
 * refuses an invalid one): nothing checks them again on the way to the first highlight.
 */
import indexData from 'virtual:gloss-catalogue-index';
import { CatalogueIndex } from '../detection/catalogue-index';
import { ProbeSessions } from './probe-sessions';

export const packFile = (articleId: string) => `packs/${articleId}.js`;

let sessions: ProbeSessions | null = null;

/** The probe sessions over the index (its tables built on first use). */
export function probeSessions(): ProbeSessions {
  sessions ??= new ProbeSessions(new CatalogueIndex(indexData));
  return sessions;
}

/** A tab closed or loads another page: forget its probes (without building the index for it). */
export function forgetProbes(tabId: number): void {
  sessions?.forget(`${tabId}`);
}
