/**
 * The Vite config: `vite build --mode chrome|firefox` writes dist/<browser>/ (manifest, background,
 * gate, popup, side panel). The per-browser differences and Gloss's plugins live in
 * tools/build/extension.ts, which `npm run build` (scripts/build.ts) also uses, and which adds the
 * content engine as one self-contained script: build with `npm run build` for a complete extension.
 */
import { defineConfig } from 'vite';
import { extensionConfig, type TargetBrowser } from './tools/build/extension';

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return extensionConfig(browser);
});
