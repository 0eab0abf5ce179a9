import { defineConfig } from 'vitest/config';
import { glossPacks } from './tools/build/extension';

// `npm run fuzz`: the seeded anchoring + painting fuzz (tests/fuzz) at full size. `npm test` runs
// the same test at a CI size through vitest.config.ts. Override with GLOSS_FUZZ_PAGES,
// GLOSS_FUZZ_SEED and GLOSS_FUZZ_PAGE (rebuild one page; see tests/fuzz/FINDINGS.md).
export default defineConfig({
  // The packs, compiled from their folders, as the extension gets them (virtual:gloss-packs).
  plugins: [glossPacks()],
  test: {
    include: ['tests/fuzz/**/*.test.ts'],
    environment: 'happy-dom',
    testTimeout: 4 * 60 * 60 * 1000,
    env: {
      GLOSS_FUZZ_PAGES: process.env.GLOSS_FUZZ_PAGES ?? '10000',
      ...(process.env.GLOSS_FUZZ_SEED ? { GLOSS_FUZZ_SEED: process.env.GLOSS_FUZZ_SEED } : {}),
    },
  },
});
