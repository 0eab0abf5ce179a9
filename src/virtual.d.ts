declare module 'virtual:gloss-catalogue-index' {
  import type { CatalogueIndexData } from './detection/catalogue-index';

  /** Built from the annotation packs at build time (vite.config.ts glossCatalogue). */
  const index: CatalogueIndexData;
  export default index;
}
