/**
 * The built extensions ask for no more than Gloss needs, expose nothing to web pages, and carry
 * no code that could reach the network (their one fetch reads their own package). Reads dist/chrome and dist/firefox as shipped.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GENERATED_ID_PREFIX, generatedSites } from '../../bench/lib/catalogue';
import { loadPacks } from '../../src/annotations/packs';
import { INDEX_MAGIC } from '../../src/detection/catalogue-index-format';
import { DIST } from '../../tools/browsers/browsers';

const packPatterns = [
  ...new Set(loadPacks().packs.flatMap((p) => p.article.sites.flatMap((s) => s.matches))),
].sort();

const generatedHosts = generatedSites(0).map((s) => s.host);

const manifestOf = (browser: string) =>
  JSON.parse(readFileSync(join(DIST, browser, 'manifest.json'), 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(['chrome', 'firefox'])('dist/%s', (browser) => {
  const manifest = manifestOf(browser);

  test('asks only for the permissions Gloss needs; any other site only as the reader grants it', () => {
    const allowed =
      browser === 'chrome'
        ? ['activeTab', 'contextMenus', 'scripting', 'sidePanel', 'storage']
        : ['activeTab', 'contextMenus', 'scripting', 'storage'];
    expect([...manifest.permissions].sort()).toEqual(allowed);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // A site outside the packs only when the reader grants it, one site at a time, at their
    // first note there (src/background/note-sites.ts): optional, never asked for at install.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  test('reaches only the supported sites, as the packs list them', () => {
    expect([...manifest.host_permissions].sort()).toEqual(packPatterns);
    for (const pattern of manifest.host_permissions) {
      expect(pattern).toMatch(/^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    }
    expect(manifest.content_scripts).toHaveLength(1);
    expect([...manifest.content_scripts[0].matches].sort()).toEqual(packPatterns);
    expect(manifest.content_scripts[0].all_frames ?? false).toBe(false);
  });

  test('carries no benchmark timing marks (they would tell pages Gloss is there)', () => {
    for (const script of manifest.content_scripts[0].js.concat('content/engine.js')) {
      expect(readFileSync(join(DIST, browser, script), 'utf8')).not.toContain('gloss:');
    }
  });

  test('ships the real packs only: nothing the benchmark generates', () => {
    for (const file of filesUnder(join(DIST, browser))) {
      const text = readFileSync(file, 'latin1');
      expect(text, file).not.toContain(GENERATED_ID_PREFIX);
      for (const host of generatedHosts) expect(text, file).not.toContain(host);
    }
  });

  test('exposes nothing to web pages', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  test('has a strict content security policy', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  test('carries no code that could make a network request', () => {
    const code = filesUnder(join(DIST, browser))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(code.length).toBeGreaterThan(10_000);
    for (const api of ['XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource']) {
      expect(code.includes(api), api).toBe(false);
    }
    // One fetch(), of a file in Gloss's own package (src/platform/package-files.ts).
    expect(code.match(/fetch\(/g)).toHaveLength(1);
    expect(code).toMatch(/fetch\(\w+(\.default)?\.runtime\.getURL\(/);
  });

  test('ships the catalogue index, which only the background reads', () => {
    const index = readFileSync(join(DIST, browser, 'catalogue/index.bin'));
    expect(index.readUInt32LE(0)).toBe(INDEX_MAGIC);
    expect(index.readUInt32LE(8)).toBe(loadPacks().packs.length);
  });

  test('builds for the right background', () => {
    if (browser === 'chrome') {
      expect(manifest.background.service_worker).toBeTruthy();
      expect(manifest.side_panel.default_path).toBeTruthy();
    } else {
      expect(manifest.background.scripts).toHaveLength(1);
      expect(manifest.sidebar_action.open_at_install).toBe(false);
      expect(manifest.browser_specific_settings.gecko.id).toBeTruthy();
      expect(manifest.browser_specific_settings.gecko.strict_min_version).toBeTruthy();
    }
  });
});

test('web-ext lint reports no errors, warnings or notices for dist/firefox', () => {
  const out = execFileSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', join(DIST, 'firefox'), '--output', 'json'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const report = JSON.parse(out.slice(out.indexOf('{')));
  expect(report.summary).toEqual({ errors: 0, notices: 0, warnings: 0 });
});
