import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  catalogue,
  GENERATED_ID_PREFIX,
  GENERATED_TLD,
  generatedPack,
  generatedSites,
  HOST_COUNT,
} from '../../bench/lib/catalogue';
import { packById } from '../../src/annotations/packs';
import { canonicalText } from '../../src/annotations/text';
import { validatePack } from '../../src/annotations/validate';

const real = packById('2025-11-24-trump-xi-call');
if (!real) throw new Error('seed pack missing');
const packs = [...catalogue(300, real)];

describe('the generated catalogue', () => {
  it('starts with the real pack; the rest are generated, marked as such', () => {
    expect(packs[0]).toBe(real);
    for (const p of packs.slice(1)) {
      expect(p.article.id.startsWith(GENERATED_ID_PREFIX)).toBe(true);
      expect(new URL(p.article.canonicalUrl).host).toBe(p.article.sites[0]?.host);
    }
    expect(new Set(packs.map((p) => p.article.id)).size).toBe(packs.length);
  });

  it('spreads the articles over about 50 hosts, the real sites among them', () => {
    const hosts = new Set(packs.flatMap((p) => p.article.sites.map((s) => s.host)));
    expect(hosts.size).toBe(HOST_COUNT);
    for (const s of real.article.sites) expect(hosts.has(s.host)).toBe(true);
    const generated = generatedSites(real.article.sites.length);
    expect(generated.every((s) => s.host.endsWith(GENERATED_TLD))).toBe(true);
  });

  it('is seeded: the same article whatever the catalogue size, another with another seed', () => {
    const sites = generatedSites(3);
    expect(JSON.stringify(generatedPack(42, sites))).toBe(JSON.stringify(generatedPack(42, sites)));
    expect(JSON.stringify([...catalogue(50, real)][42])).toBe(JSON.stringify(packs[42]));
    expect(generatedPack(42, sites, 1).article.text).not.toEqual(
      generatedPack(42, sites).article.text,
    );
  });

  it('writes packs that pass the validator, with every target on its words', () => {
    for (const p of packs.slice(1, 40)) {
      const result = validatePack(p, p.article.id);
      expect(result.ok ? [] : result.errors.slice(0, 3)).toEqual([]);
      const text = canonicalText(p.article);
      for (const e of p.entities)
        for (const m of e.mentions)
          expect(text.slice(m.target.position.start, m.target.position.end)).toBe(
            m.target.quote.exact,
          );
    }
  });

  it('writes articles of wire-story size whose openings differ from one another', () => {
    const lengths = packs.slice(1).map((p) => canonicalText(p.article).length);
    expect(Math.min(...lengths)).toBeGreaterThan(1000);
    expect(Math.max(...lengths)).toBeLessThan(12_000);
    const openings = new Set(packs.slice(1).map((p) => p.article.text.paragraphs[1]?.text));
    expect(openings.size).toBe(packs.length - 1);
  });

  it('never reaches the packs the build reads', () => {
    const dir = resolve(import.meta.dirname, '../../src/annotations/packs');
    for (const file of readdirSync(dir)) expect(file.startsWith(GENERATED_ID_PREFIX)).toBe(false);
  });
});
