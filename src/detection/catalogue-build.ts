/**
 * What the build makes of the packs for recognition (pure; vite.config.ts and the benchmark call
 * it): the catalogue index (catalogue/index.bin, which only the background reads), one
 * script per pack (packs/<id>.js, run in the page for the engine's candidate only), and the
 * sites' match patterns (the manifest's host permissions and the gate's content-script matches:
 * exactly the catalogue's hosts).
 */
import { buildCatalogueIndex } from './catalogue-index-build';
import { CATALOGUE_INDEX_FILE } from './catalogue-index-format';
import type { CatalogueArticle } from './catalogue-keys';

/** The parts of a (validated) pack the build reads. */
export interface PackForCatalogue {
  article: {
    id: string;
    headline: string;
    canonicalUrl: string;
    sites?: ReadonlyArray<{ matches?: readonly string[]; urls?: readonly string[] }>;
    text: { paragraphs: ReadonlyArray<{ role?: string; text: string }> };
  };
}

export function catalogueArticle({ article }: PackForCatalogue): CatalogueArticle {
  return {
    id: article.id,
    headline: article.headline,
    canonicalUrl: article.canonicalUrl,
    urls: (article.sites ?? []).flatMap((site) => site.urls ?? []),
    paragraphs: article.text.paragraphs,
  };
}

/** Every supported site's match pattern, sorted, once each. */
export function matchPatterns(packs: readonly PackForCatalogue[]): string[] {
  const patterns = new Set<string>();
  for (const pack of packs)
    for (const site of pack.article.sites ?? [])
      for (const m of site.matches ?? []) patterns.add(m);
  return [...patterns].sort();
}

/** A file the build adds to the package: a script (text) or the index (bytes). */
export interface PackageFile<Source extends string | Uint8Array = string | Uint8Array> {
  fileName: string;
  source: Source;
}

/** The global a pack script sets in the content script's world (the engine takes it from there). */
export const PACK_GLOBAL = 'gloss.pack';

/**
 * One pack as a script for scripting.executeScript (`packs/<id>.js`): the background has the
 * browser run it in the page's content-script world just before the engine, so the pack is
 * read from the package by the browser itself (no fetch, nothing parsed in the background).
 * JSON.parse of a string literal: faster to load than the same object as a JS literal.
 */
export function packScript(pack: PackForCatalogue): PackageFile<string> {
  const json = JSON.stringify(pack);
  return {
    fileName: `packs/${pack.article.id}.js`,
    source: `globalThis[${JSON.stringify(PACK_GLOBAL)}]=JSON.parse(${JSON.stringify(json)});\n`,
  };
}

/** The catalogue index (catalogue-index-format.ts), which the background reads from the package. */
export function catalogueIndexFile(packs: readonly PackForCatalogue[]): PackageFile<Uint8Array> {
  return {
    fileName: CATALOGUE_INDEX_FILE,
    source: new Uint8Array(buildCatalogueIndex(packs.map(catalogueArticle))),
  };
}
