declare module 'virtual:gloss-packs' {
  import type { PackSource } from './annotations/packs';
  /** The packs compiled from src/annotations/packs/<article-id>/ at build time (see tools/build/extension.ts). */
  export const bundledPacks: PackSource[];
}
