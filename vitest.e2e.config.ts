import { defineConfig } from 'vitest/config';
import { glossPacks } from './tools/build/extension';

// End-to-end tests in real browsers (Debian's chromium and firefox-esr), against dist/ built by
// `npm run build`. One process, no isolation between files: each browser is launched once per run
// and shared by every e2e file (tools/browsers/browsers.ts).
export default defineConfig({
  // The packs, compiled from their folders, as the extension gets them (virtual:gloss-packs).
  plugins: [glossPacks()],
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    isolate: false,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
