/** The top-level vite.config.ts is the extension's Vite config, one build per browser. */
import type { ConfigEnv, UserConfig } from 'vite';
import { describe, expect, test } from 'vitest';
import config from '../../vite.config';

const env = (mode: string): ConfigEnv => ({ command: 'build', mode });
const resolved = (mode: string) =>
  (config as (env: ConfigEnv) => UserConfig)(env(mode)) as UserConfig;

describe('vite.config.ts', () => {
  test('--mode firefox and --mode chrome build into their own dist folders', () => {
    expect(resolved('firefox').build?.outDir).toBe('dist/firefox');
    expect(resolved('chrome').build?.outDir).toBe('dist/chrome');
  });

  test('each build carries the crx plugin, and the packs are checked before anything is built', () => {
    const names = (resolved('firefox').plugins ?? [])
      .flat()
      .map((p) => (p as { name?: string })?.name);
    expect(names).toContain('gloss-packs-must-be-valid');
    expect(names.some((n) => n?.startsWith('crx:'))).toBe(true);
  });
});
