import { describe, expect, test } from 'vitest';
import {
  type ReadingModeFigures,
  readingModesMarkdown,
  spliceReadingModes,
} from '../../bench/lib/reading-modes';

const share = (any: number) => ({ any, shaded: any / 2, underlined: any / 2, notes: 0 });
const figures: ReadingModeFigures = {
  articleChars: 1000,
  everything: share(0.9),
  calmAtRest: share(0.3),
  calmPointer: { median: share(0.32), min: 0.31, max: 0.35, claims: 4 },
  notes: share(0),
  browserVersion: 'Chromium 1',
  errors: [],
};

describe('the reading-mode section of RESULTS.md', () => {
  test('gives each mode its share, as a percentage', () => {
    const md = readingModesMarkdown(figures, 'today');
    expect(md).toContain('| everything | 90.0% |');
    expect(md).toContain('| calm, no pointer | 30.0% |');
    expect(md).toContain('| calm, pointer on one claim | 32.0% |');
    expect(md).toContain('from 31.0% to 35.0%');
    expect(md).toContain('| my notes only | 0.0% |');
  });

  test('goes before "Other metrics" the first time, and replaces itself after', () => {
    const results = '# R\n\n## Targets\n\nt\n\n## Other metrics\n\nm\n';
    const once = spliceReadingModes(results, readingModesMarkdown(figures, 'one'));
    expect(once.indexOf('## Reading modes')).toBeLessThan(once.indexOf('## Other metrics'));
    expect(once).toContain('## Targets\n\nt\n');
    const twice = spliceReadingModes(
      once,
      readingModesMarkdown({ ...figures, everything: share(0.5) }, 'two'),
    );
    expect(twice.match(/## Reading modes/g)?.length).toBe(1);
    expect(twice).toContain('| everything | 50.0% |');
    expect(twice).not.toContain('| everything | 90.0% |');
    expect(twice).toContain('## Other metrics\n\nm\n');
  });
});
