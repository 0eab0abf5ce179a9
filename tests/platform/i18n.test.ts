/** Every message key Gloss uses (popup, side panel, cards, background) exists in the English catalogue, with its placeholders. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { CATALOGUE, getMessage } from '../ui/fake-browser';

vi.mock('../../src/platform/browser', () => import('../ui/fake-browser'));
const { t } = await import('../../src/platform/i18n');

/** The folders that show strings to the reader (the packs' own words are data, not keys). */
const SHOWING = ['ui', 'presentation', 'content', 'background', 'platform'].map((d) =>
  resolve(import.meta.dirname, '../../src', d),
);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );

/** Keys passed to t() and keys named in the label tables. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of SHOWING.flatMap(files)) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)'/g)) keys.add(m[1] as string);
    if (file.endsWith('labels.ts'))
      for (const m of source.matchAll(/:\s*'([a-z][A-Za-z0-9]+)'/g)) keys.add(m[1] as string);
    for (const m of source.matchAll(/label:\s*'([A-Za-z0-9_@]+)'/g)) keys.add(m[1] as string);
  }
  return keys;
}

describe('messages', () => {
  test('every key Gloss uses is in assets/_locales/en/messages.json', () => {
    const keys = usedKeys();
    expect(keys.size).toBeGreaterThan(80);
    const lineStyles = new Set(['solid', 'double', 'dotted', 'wavy']); // CLAIM_LINE values, not keys
    const missing = [...keys].filter((k) => !lineStyles.has(k) && !(k in CATALOGUE));
    expect(missing).toEqual([]);
  });

  test('the extension’s own keys are still there, unchanged', () => {
    expect(CATALOGUE.extName?.message).toBe('Gloss: news annotations');
    expect(CATALOGUE.actionTitle?.message).toBe('Gloss');
    expect(CATALOGUE.commandToggleHighlights?.message).toBe('Turn all highlights on or off');
    expect(CATALOGUE.contextMenuCheckPage?.message).toBe('Check this page with Gloss');
    expect(CATALOGUE.extDescription?.message).toMatch(/^Highlights the people/);
  });

  test('every placeholder is declared, and declared ones are used', () => {
    for (const [key, entry] of Object.entries(CATALOGUE)) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) =>
        (m[1] as string).toLowerCase(),
      );
      expect(used.sort(), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
  });

  test('t fills placeholders and never returns an empty string', () => {
    expect(t('countOfTotal', [3, 16])).toBe('3 of 16');
    expect(getMessage('claimsBy', ['Xi Jinping'])).toBe('Claims by Xi Jinping');
    // biome-ignore lint/suspicious/noExplicitAny: a key the catalogue lacks, on purpose
    expect(t('noSuchKey' as any)).toBe('noSuchKey');
  });
});
