import { describe, expect, it } from 'vitest';
import { loadPackSources, loadPacks } from '../../src/annotations/packs';
import { seed } from './helpers';

describe('loadPacks', () => {
  it('loads the bundled seed pack with nothing rejected', () => {
    const { packs, rejected } = loadPacks();
    expect(rejected).toEqual([]);
    expect(packs.map((p) => p.article.id)).toEqual(['2025-11-24-trump-xi-call']);
  });

  it('skips a bad pack with its reasons while loading the good ones', () => {
    const bad = seed();
    bad.article.id = 'another-article';
    bad.article.headline = '<img src=x onerror=alert(1)>';
    const { packs, rejected } = loadPackSources([
      { file: 'bad.json', json: bad },
      { file: 'good.json', json: seed() },
      { file: 'not-a-pack.json', json: 42 },
    ]);
    expect(packs.map((p) => p.article.id)).toEqual(['2025-11-24-trump-xi-call']);
    expect(rejected.map((r) => r.file)).toEqual(['bad.json', 'not-a-pack.json']);
    expect(rejected[0]?.errors[0]).toMatchObject({ file: 'bad.json', path: '$.article.headline' });
  });

  it('rejects a second pack for the same article id', () => {
    const { packs, rejected } = loadPackSources([
      { file: 'a.json', json: seed() },
      { file: 'b.json', json: seed() },
    ]);
    expect(packs).toHaveLength(1);
    expect(rejected[0]?.errors[0]?.message).toMatch(/id of a pack loaded before/);
  });
});
