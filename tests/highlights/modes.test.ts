import { describe, expect, test, vi } from 'vitest';

// Settings import the browser module, which throws outside an extension; these tests read none.
vi.mock('../../src/platform/browser', () => ({ browser: {} }));

import {
  CLAIM_CATEGORIES,
  ENTITY_CATEGORIES,
  HIGHLIGHT_CATEGORIES,
  highlightName,
  highlightStylesheet,
  NOTE_CATEGORIES,
} from '../../src/highlights/categories';
import { presentationOf } from '../../src/highlights/modes';
import { DEFAULT_SETTINGS, READING_MODES, type Settings } from '../../src/platform/settings';

const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });
const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('reading modes, as what is painted', () => {
  test('everything: every category in full, as before modes existed', () => {
    const p = presentationOf(settings());
    expect(sorted(p.shown)).toEqual([...HIGHLIGHT_CATEGORIES].sort());
    expect(p.onlyWhereReaderIs.size).toBe(0);
    expect(p.look).toBe('full');
  });

  test('calm: entities and notes everywhere (entities lighter), claims only where the reader is', () => {
    const p = presentationOf(settings({ readingMode: 'calm' }));
    expect(sorted(p.shown)).toEqual([...HIGHLIGHT_CATEGORIES].sort());
    expect(sorted(p.onlyWhereReaderIs)).toEqual([...CLAIM_CATEGORIES].sort());
    expect(p.look).toBe('calm');
  });

  test('my notes only: the notes and nothing of the pack', () => {
    const p = presentationOf(settings({ readingMode: 'notes' }));
    expect(sorted(p.shown)).toEqual([...NOTE_CATEGORIES].sort());
    expect(p.onlyWhereReaderIs.size).toBe(0);
  });

  test('is a layer over the toggles: a category turned off stays off in every mode', () => {
    const hiddenCategories = ['entity-place', 'claim-fact', 'note-comment'];
    for (const readingMode of READING_MODES) {
      const p = presentationOf(settings({ readingMode, hiddenCategories }));
      for (const c of hiddenCategories) {
        expect(p.shown.has(c as never), `${readingMode} ${c}`).toBe(false);
        expect(p.onlyWhereReaderIs.has(c as never), `${readingMode} ${c}`).toBe(false);
      }
      const off = presentationOf(settings({ readingMode, enabled: false }));
      expect(off.shown.size, readingMode).toBe(0);
      expect(off.onlyWhereReaderIs.size, readingMode).toBe(0);
    }
  });

  test('calm shades entities more lightly and leaves every other rule as it is', () => {
    const full = highlightStylesheet('full').split('\n');
    const calm = highlightStylesheet('calm').split('\n');
    expect(calm.length).toBe(full.length);
    const alpha = (rule: string) => Number(rule.match(/\/ ([\d.]+)\)/)?.[1]);
    for (const c of HIGHLIGHT_CATEGORIES) {
      const rule = (lines: string[]) =>
        lines.find((l) => l.startsWith(`::highlight(${highlightName(c)})`)) as string;
      if ((ENTITY_CATEGORIES as readonly string[]).includes(c)) {
        expect(alpha(rule(calm)), c).toBeGreaterThan(0);
        expect(alpha(rule(calm)), c).toBeLessThan(alpha(rule(full)) / 2);
      } else expect(rule(calm), c).toBe(rule(full));
    }
  });

  test('a painter’s stylesheet styles only the categories it is given', () => {
    const css = highlightStylesheet('full', NOTE_CATEGORIES);
    expect(css).toContain('gloss-note-highlight');
    expect(css).not.toContain('gloss-entity-');
    expect(css).not.toContain('gloss-claim-');
  });
});
