import { defineConfig } from 'vitest/config';
import { glossPacks } from './tools/build/extension';

// Unit and property tests: pure cores in a simulated DOM (happy-dom). Real-browser tests live in
// tests/e2e and run under vitest.e2e.config.ts.
export default defineConfig({
  // The packs, compiled from their folders, as the extension gets them (virtual:gloss-packs).
  plugins: [glossPacks()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'happy-dom',
    setupFiles: ['tests/setup/fast-check.ts'],
    testTimeout: 30_000,
  },
});
