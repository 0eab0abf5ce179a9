/**
 * The seed pack against its own text: expectations are derived from the canonical text
 * (occurrence counts of surface forms), not hard-coded totals.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAllPacks } from '../../src/annotations/check';
import { coverage } from '../../src/annotations/coverage';
import type { Entity } from '../../src/annotations/model';
import { loadPacks } from '../../src/annotations/packs';
import { canonicalText } from '../../src/annotations/text';

const pack = loadPacks().packs[0];
if (!pack) throw new Error('seed pack missing');
const text = canonicalText(pack.article);
const entity = (id: string): Entity => {
  const e = pack.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no entity ${id}`);
  return e;
};

/** Start offsets of every word-bounded occurrence of `s`. */
function occurrences(s: string): number[] {
  const out: number[] = [];
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'gu',
  );
  for (const m of text.matchAll(re)) out.push(m.index ?? 0);
  return out;
}
/** Does entity `id` have a mention exactly at `start` with text `exact`? */
const mentionAt = (id: string, start: number, exact: string) =>
  entity(id).mentions.some(
    (m) => m.target.position.start === start && m.target.quote.exact === exact,
  );
/** Is offset range covered by some mention of entity `id`? */
const coveredBy = (id: string, start: number, end: number) =>
  entity(id).mentions.some((m) => m.target.position.start <= start && end <= m.target.position.end);

describe('the seed pack text', () => {
  const SEED = '/work/shared/seed/000_ea99f6e333bb4a11.txt';
  it.runIf(existsSync(SEED))('is the seed article, verbatim', () => {
    expect(text).toBe(readFileSync(SEED, 'utf8'));
  });

  it('has a standfirst, a body starting at the dash, and the "Trade terms" subheading', () => {
    const [p0, p1] = pack.article.text.paragraphs;
    expect(p0?.role).toBe('standfirst');
    expect(p1?.text.startsWith('– ')).toBe(true);
    const sub = pack.article.text.paragraphs.filter((p) => p.role === 'subheading');
    expect(sub.map((p) => p.text)).toEqual(['Trade terms']);
  });

  it('records supported sites and an honest publication date', () => {
    expect(pack.article.sites.map((s) => s.host)).toEqual([
      'www.straitstimes.com',
      'www.businesstimes.com.sg',
      'www.bloomberg.com',
    ]);
    expect(pack.article.published).toMatchObject({ date: '2025-11', precision: 'month' });
    expect(pack.article.published.note).toMatch(/inferred/i);
  });
});

describe('the seed pack mentions', () => {
  it('makes every "Mr Trump" a mention of Trump', () => {
    const hits = occurrences('Mr Trump');
    expect(hits.length).toBeGreaterThan(0);
    for (const at of hits) expect(mentionAt('trump', at, 'Mr Trump')).toBe(true);
  });

  it('makes every "Mr Xi", "US President Donald Trump" and "Chinese President Xi Jinping" a mention', () => {
    for (const at of occurrences('Mr Xi')) expect(mentionAt('xi', at, 'Mr Xi')).toBe(true);
    for (const at of occurrences('US President Donald Trump')) {
      expect(mentionAt('trump', at, 'US President Donald Trump')).toBe(true);
    }
    for (const at of occurrences('Chinese President Xi Jinping')) {
      expect(mentionAt('xi', at, 'Chinese President Xi Jinping')).toBe(true);
    }
  });

  it('covers every "Trump" and "Xi" with a mention of the right person', () => {
    for (const at of occurrences('Trump')) expect(coveredBy('trump', at, at + 5)).toBe(true);
    for (const at of occurrences('Xi')) expect(coveredBy('xi', at, at + 2)).toBe(true);
  });

  it('treats "The US leader" and "The US President" as references to Trump', () => {
    for (const s of ['The US leader', 'The US President']) {
      const hits = occurrences(s);
      expect(hits.length).toBeGreaterThan(0);
      for (const at of hits) expect(mentionAt('trump', at, s)).toBe(true);
    }
    expect(mentionAt('xi', occurrences('The Chinese leader')[0] ?? -1, 'The Chinese leader')).toBe(
      true,
    );
  });

  it('annotates every "US" as the United States, including inside titles', () => {
    const hits = occurrences('US');
    for (const at of hits) expect(mentionAt('us', at, 'US')).toBe(true);
    expect(entity('us').mentions.filter((m) => m.target.quote.exact === 'US')).toHaveLength(
      hits.length,
    );
  });

  it('makes "Beijing" the city once ("visit Beijing") and China (metonym) elsewhere', () => {
    const hits = occurrences('Beijing');
    const city = entity('beijing').mentions;
    expect(city).toHaveLength(1);
    expect(
      text.slice((city[0]?.target.position.start ?? 0) - 6, city[0]?.target.position.start),
    ).toBe('visit ');
    const metonyms = entity('china').mentions.filter((m) => m.form === 'metonym');
    expect(metonyms).toHaveLength(hits.length - 1);
    expect(mentionAt('japan', occurrences('Tokyo')[0] ?? -1, 'Tokyo')).toBe(true);
    expect(mentionAt('us', occurrences('Washington')[0] ?? -1, 'Washington')).toBe(true);
  });

  it('mentions China for every "China" except inside "East China Sea"', () => {
    const sea = occurrences('East China Sea')[0] ?? -1;
    const hits = occurrences('China').filter((at) => at !== sea + 'East '.length);
    for (const at of hits) expect(mentionAt('china', at, 'China')).toBe(true);
    expect(coveredBy('east-china-sea', sea, sea + 'East China Sea'.length)).toBe(true);
  });

  it('mentions every commodity the story names, each time', () => {
    const cases: Array<[string, string]> = [
      ['soya-beans', 'soya bean'],
      ['fentanyl', 'fentanyl'],
      ['rare-earths', 'rare earth'],
      ['taiwan', 'Taiwan'],
      ['japan', 'Japan'],
    ];
    for (const [id, s] of cases) {
      const hits = occurrences(s).concat(occurrences(`${s}s`));
      expect(hits.length).toBeGreaterThan(0);
      for (const at of hits) expect(coveredBy(id, at, at + s.length)).toBe(true);
    }
  });

  it('keeps every mention of an entity in text order with unique ids', () => {
    for (const e of pack.entities) {
      const starts = e.mentions.map((m) => m.target.position.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});

describe('the seed pack claims and timeline', () => {
  it('gives every quotation in the text a direct-quote claim (quoted terms excepted)', () => {
    // A quoted term is excluded with a reason, or is the name of an entity ("general licences").
    const terms = new Set([
      ...pack.exclusions.map((x) => x.text),
      ...pack.entities.flatMap((e) => e.mentions.map((m) => m.target.quote.exact)),
    ]);
    for (const m of text.matchAll(/“([^”]+)”/g)) {
      if (terms.has(m[1] ?? '')) continue;
      const start = (m.index ?? 0) + 1;
      const end = start + (m[1]?.length ?? 0);
      const claim = pack.claims.find(
        (c) => c.target.position.start <= end && start < c.target.position.end,
      );
      expect(claim?.attribution, `quote "${m[1]}"`).toBe('direct-quote');
    }
  });

  it('attributes the Chinese account to the Foreign Ministry statement', () => {
    const official = pack.claims.filter((c) => c.attribution === 'official-statement');
    expect(official.length).toBeGreaterThan(0);
    for (const c of official) expect(c.said?.via).toBe('chinese-foreign-ministry');
  });

  it('attributes "people familiar with the matter" to unnamed sources', () => {
    const at = text.indexOf('according to people familiar with the matter');
    const claim = pack.claims.find((c) => c.cue?.position.start === at);
    expect(claim?.speaker).toEqual({
      type: 'unnamed',
      description: 'people familiar with the matter',
    });
    expect(claim?.attribution).toBe('anonymous-sources');
  });

  it('dates every "Nov <day>" in the text on the timeline, resolved to 2025', () => {
    const targets = pack.timeline.flatMap((t) =>
      [t.target, ...(t.otherTargets ?? [])].map((x) => ({ t, x })),
    );
    for (const m of text.matchAll(/Nov (\d{1,2})/g)) {
      const hit = targets.find(({ x }) => x.position.start === m.index);
      expect(hit, `Nov ${m[1]}`).toBeDefined();
      expect(hit?.t.date.value).toBe(`2025-11-${m[1]?.padStart(2, '0')}`);
    }
  });

  it('resolves "April" to 2026 and every "October" to 2025-10', () => {
    const april = pack.timeline.find((t) => t.date.resolvedFrom === 'in April');
    expect(april?.date).toMatchObject({ value: '2026-04', precision: 'month' });
    const octoberTargets = pack.timeline
      .filter((t) => t.date.value === '2025-10')
      .flatMap((t) => [t.target, ...(t.otherTargets ?? [])]);
    for (const at of occurrences('October')) {
      expect(octoberTargets.some((x) => x.position.start <= at && at < x.position.end)).toBe(true);
    }
  });

  it('leaves no capitalised name or attributed sentence unexplained', () => {
    const report = coverage(pack);
    expect(report.uncoveredNames).toEqual([]);
    expect(report.unattributedSentences).toEqual([]);
  });

  it('passes the build-time check', () => {
    const report = checkAllPacks();
    expect(report.text).not.toMatch(/✗/);
    expect(report.ok).toBe(true);
  });
});
