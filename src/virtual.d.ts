declare module 'virtual:gloss-catalog' {
  import type { ArticleSignature } from './detection/detect';
  /** Built from the annotation packs at build time (see tools/build/extension.ts). */
  export const catalog: ArticleSignature[];
}

declare module 'virtual:gloss-packs' {
  import type { PackSource } from './annotations/packs';
  /** The packs compiled from src/annotations/packs/<article-id>/ at build time (see tools/build/extension.ts). */
  export const bundledPacks: PackSource[];
}
