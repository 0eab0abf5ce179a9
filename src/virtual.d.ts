declare module 'virtual:gloss-catalog' {
  import type { ArticleSignature } from './detection/detect';
  /** Built from the annotation packs at build time (see vite.config.ts). */
  export const catalog: ArticleSignature[];
}
