import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAllPacks } from '../../src/annotations/check';
import { coverage } from '../../src/annotations/coverage';
import { seed } from './helpers';

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
  it('fails on an invalid pack file and names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-packs-'));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const pack = seed();
    writeFileSync(join(dir, `${pack.article.id}.json`), JSON.stringify(pack));
    const report = checkAllPacks({ packsDir: dir, cwd: dir });
    expect(report.ok).toBe(false);
    expect(report.text).toMatch(/✗ broken\.json/);
    expect(report.text).toMatch(/✓ 2025-11-24-trump-xi-call\.json/);
  });

  it('fails when a file name does not match the article id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-packs-'));
    writeFileSync(join(dir, 'renamed.json'), JSON.stringify(seed()));
    const report = checkAllPacks({ packsDir: dir, cwd: dir });
    expect(report.ok).toBe(false);
    expect(report.text).toMatch(/the file name 2025-11-24-trump-xi-call\.json/);
  });
});
