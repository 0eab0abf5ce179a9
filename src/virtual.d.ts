declare module 'virtual:gloss-catalogue-index' {
  import type { CatalogueIndexData } from './detection/catalogue-index';

  /** Built from the annotation packs at build time (tools/build/extension.ts glossCatalogue). */
  const index: CatalogueIndexData;
  export default index;
}

declare module 'virtual:gloss-packs' {
  import type { PackSource } from './annotations/packs';
  /** The packs compiled from src/annotations/packs/<article-id>/ at build time (see tools/build/extension.ts). */
  export const bundledPacks: PackSource[];
}
