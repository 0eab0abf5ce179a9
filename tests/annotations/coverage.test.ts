import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAllPacks } from '../../src/annotations/check';
import { coverage } from '../../src/annotations/coverage';
import { editFile, seed, seedFolderCopy } from './helpers';

describe('coverage', () => {
  it('flags a capitalised name once its mention is removed', () => {
    const pack = seed();
    const asia = pack.entities.find((e) => e.id === 'asia');
    if (asia) asia.mentions = [];
    expect(coverage(pack).uncoveredNames.map((n) => n.text)).toEqual(['Asia']);
  });

  it('accepts an exclusion as the explanation of a name', () => {
    const pack = seed();
    const asia = pack.entities.find((e) => e.id === 'asia');
    if (asia) asia.mentions = [];
    pack.exclusions.push({ text: 'Asia', reason: 'test' });
    expect(coverage(pack).uncoveredNames).toEqual([]);
  });

  it('flags an attributed sentence once its claims are removed', () => {
    const pack = seed();
    pack.claims = pack.claims.filter(
      (c) => !c.target.quote.exact.startsWith('a hypothetical Chinese attack'),
    );
    const flagged = coverage(pack).unattributedSentences.map((s) => s.text);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatch(/^New Japanese Prime Minister Sanae Takaichi said/);
  });
});

describe('checkAllPacks', () => {
  it('fails on a broken pack folder and names it, while checking the others', () => {
    const { packsDir } = seedFolderCopy();
    mkdirSync(join(packsDir, 'broken'));
    writeFileSync(join(packsDir, 'broken', 'text.md'), 'One paragraph.\n');
    const report = checkAllPacks({ packsDir, cwd: packsDir });
    expect(report.ok).toBe(false);
    expect(report.text).toMatch(/✗ broken: \d+ problem/);
    expect(report.text).toMatch(/broken\/article\.yaml: \$: is missing/);
    expect(report.text).toMatch(/✓ 2025-11-24-trump-xi-call\n/);
  });

  it('lists what is still a draft, with its file and line', () => {
    const { packsDir, folder } = seedFolderCopy();
    editFile(folder, 'claims.yaml', (t) =>
      t.replace('- id: c05\n', '- id: c05\n  draft: attribution pattern "X said"\n'),
    );
    const report = checkAllPacks({ packsDir, cwd: packsDir });
    expect(report.ok).toBe(true);
    expect(report.drafts).toBe(1);
    const line =
      readFileSync(join(folder, 'claims.yaml'), 'utf8').split('\n').indexOf('- id: c05') + 1;
    expect(report.text).toContain(
      `2025-11-24-trump-xi-call/claims.yaml:${line}: claim c05 (attribution pattern "X said")`,
    );
  });
});
