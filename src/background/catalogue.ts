/**
 * The background's catalogue: the index the build wrote into the package (catalogue/index.bin),
 * read once per background life and kept; and where each article's pack is in the package
 * (packs/<id>.js, a script the browser runs in the page just before the engine). Packs were
 * validated by the build (vite.config.ts refuses an invalid one): nothing checks them again on
 * the way to the first highlight.
 *
 * The read starts as the background starts (`readCatalogue` from main.ts): a sleeping background
 * is woken by the tab that loads the page, or by the page's first probe, and the index is then
 * on its way, or there, by the time the probe needs it.
 */
import { CatalogueIndex } from '../detection/catalogue-index';
import { CATALOGUE_INDEX_FILE } from '../detection/catalogue-index-format';
import { readPackageFile } from '../platform/package-files';
import { ProbeSessions } from './probe-sessions';

export const packFile = (articleId: string) => `packs/${articleId}.js`;

let sessions: Promise<ProbeSessions> | null = null;

/** The probe sessions over the index, once it is read (a failed read is tried again next time). */
export function probeSessions(): Promise<ProbeSessions> {
  sessions ??= readPackageFile(CATALOGUE_INDEX_FILE).then(
    (bytes) => new ProbeSessions(new CatalogueIndex(bytes)),
    (error: unknown) => {
      sessions = null;
      throw error;
    },
  );
  return sessions;
}

/** Start reading the index now, for the probe that will need it. */
export function readCatalogue(): void {
  probeSessions().catch((error: unknown) => console.warn('Gloss: no catalogue index', error));
}

/** A tab closed or loads another page: forget its probes (after the index is read, if it is). */
export function forgetProbes(tabId: number): void {
  sessions?.then((s) => s.forget(`${tabId}`)).catch(() => {});
}
