import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import type { Claim, Pack } from '../../src/annotations/model';
import { loadPacks, packById } from '../../src/annotations/packs';
import type { Translate } from '../../src/platform/i18n';
import { describeHighlight, ENTITY_KIND_SINGULAR } from '../../src/presentation/describe';
import { ATTRIBUTION_LABEL, CLAIM_KIND_LABEL } from '../../src/presentation/labels';
import { CATALOGUE, fake } from '../ui/fake-browser';

// The cards get their labels from the same `t` as the popup and side panel (the content engine
// passes it), here over the real English catalogue.
vi.mock('../../src/platform/browser', () => import('../ui/fake-browser'));
const { t } = await import('../../src/platform/i18n');

const pack = packById('2025-11-24-trump-xi-call') as Pack;
const speakerOf = (claim: Claim | undefined) =>
  pack.entities.find((e) => claim?.speaker.type === 'entity' && e.id === claim.speaker.entity);
const withClaim = (claim: Claim): Pack => ({ ...pack, claims: [claim] });

describe('card contents', () => {
  test("an entity's card: kind, name, role, description and mention count from the pack", () => {
    const trump = pack.entities.find((e) => e.id === 'trump');
    const mention = trump?.mentions[0];
    const card = mention && describeHighlight(pack, mention.id, t);
    expect(card?.eyebrow).toBe('Person');
    expect(card?.title).toBe(trump?.name);
    expect(card?.rows).toContainEqual(['Role', trump?.role]);
    expect(card?.rows).toContainEqual(['About', trump?.description]);
    expect(card?.rows).toContainEqual(['Mentions', `${trump?.mentions.length} in this article`]);
  });

  test('says how many mentions were found on this page when that differs', () => {
    const trump = pack.entities.find((e) => e.id === 'trump');
    const card = describeHighlight(pack, trump?.mentions[0]?.id ?? '', t, () => 3);
    expect(card?.rows).toContainEqual([
      'Mentions',
      `${trump?.mentions.length} in this article, 3 on this page`,
    ]);
  });

  test("a claim's card: kind, speaker, attribution, where and when it was said", () => {
    const claim = pack.claims.find(
      (c) => c.said?.medium && c.said?.via && c.said?.date?.value === '2025-11-24',
    );
    expect(claim).toBeDefined();
    const card = describeHighlight(pack, claim?.id ?? '', t);
    expect(card?.eyebrow).toMatch(/^Claim · (Fact|Commitment|Assessment|Warning)$/);
    expect(card?.title).toBe(claim?.target.quote.exact);
    expect(card?.rows).toEqual([
      ['Who says so', speakerOf(claim)?.name],
      ['How', expect.stringMatching(/^[A-Z]/)],
      // The medium names the source it came through ("Chinese Foreign Ministry statement"):
      // no "via Chinese Foreign Ministry" after it, as in the side panel.
      ['Where', claim?.said?.medium],
      ['When', '24 Nov 2025'],
    ]);
  });

  test('"via" the source only when the medium does not already name it', () => {
    const base = pack.claims.find((c) => c.said?.via) as Claim;
    const via = pack.entities.find((e) => e.id === base.said?.via);
    const where = (medium: string) =>
      describeHighlight(
        withClaim({ ...base, said: { ...base.said, medium } }),
        base.id,
        t,
      )?.rows.find(([label]) => label === 'Where')?.[1];
    expect(where('a statement on its website')).toBe(
      `a statement on its website, via ${via?.name}`,
    );
    expect(where(`a ${via?.name} statement`)).toBe(`a ${via?.name} statement`);
  });

  test('claim kinds and attributions read as in the side panel (the same message keys)', () => {
    const base = pack.claims[0] as Claim;
    expect(describeHighlight(withClaim({ ...base, kind: 'warning' }), base.id, t)?.eyebrow).toBe(
      'Claim · Warning',
    );
    expect(describeHighlight(withClaim({ ...base, kind: 'fact' }), base.id, t)?.eyebrow).toBe(
      'Claim · Fact',
    );
    const quoted = describeHighlight(
      withClaim({ ...base, attribution: 'direct-quote' }),
      base.id,
      t,
    );
    expect(quoted?.rows[1]).toEqual(['How', 'Direct quote']);
    for (const claim of pack.claims) {
      const card = describeHighlight(pack, claim.id, t);
      expect(card?.eyebrow).toBe(`Claim · ${t(CLAIM_KIND_LABEL[claim.kind])}`);
      expect(card?.rows[1]).toEqual(['How', t(ATTRIBUTION_LABEL[claim.attribution])]);
    }
  });

  test('an unnamed source is named as the article names it, capitalised as in the side panel; the reporter as the UI does', () => {
    const unnamed = pack.claims.find((c) => c.speaker.type === 'unnamed');
    const description = unnamed?.speaker.type === 'unnamed' ? unnamed.speaker.description : '';
    expect(description.charAt(0)).toBe(description.charAt(0).toLowerCase()); // "people familiar …"
    expect(describeHighlight(pack, unnamed?.id ?? '', t)?.rows[0]).toEqual([
      'Who says so',
      description.charAt(0).toUpperCase() + description.slice(1),
    ]);
    const reporter = pack.claims.find((c) => c.speaker.type === 'reporter');
    expect(describeHighlight(pack, reporter?.id ?? '', t)?.rows[0]).toEqual([
      'Who says so',
      'The reporter',
    ]);
  });

  test('dates read as precisely as they are known, as the side panel shows them', () => {
    const base = pack.claims[0] as Claim;
    const when = (value: string, precision: 'day' | 'month' | 'year', tr: Translate = t) =>
      describeHighlight(
        withClaim({ ...base, said: { date: { value, precision } } }),
        base.id,
        tr,
      )?.rows.find(([k]) => k === 'When')?.[1];
    expect(when('2025-11-24', 'day')).toBe('24 Nov 2025');
    expect(when('2026-04', 'month')).toBe('April 2026');
    expect(when('2026', 'year')).toBe('2026');
    // Month names and order come from Intl in the catalogue's locale (dateLocale), not from code.
    const german: Translate = (key, subs) => (key === 'dateLocale' ? 'de-DE' : t(key, subs));
    expect(when('2025-11-24', 'day', german)).toBe('24. Nov. 2025');
  });

  test('an unknown id has no card', () => {
    expect(describeHighlight(pack, 'nope', t)).toBeNull();
  });

  test('every label comes from the catalogue: no English of its own', () => {
    // A lookup that shows the key asked for instead of its message.
    const keys: Translate = (key, subs) => `⟨${key}${subs?.length ? `:${subs.join('|')}` : ''}⟩`;
    const ids = [...pack.claims.map((c) => c.id), ...pack.entities.map((e) => e.mentions[0]?.id)];
    for (const id of ids) {
      const card = describeHighlight(pack, id ?? '', keys, () => 1);
      expect(card?.eyebrow).toMatch(/^⟨\w+(:.*)?⟩$/);
      for (const [label, value] of card?.rows ?? []) {
        expect(label).toMatch(/^⟨card\w+⟩$/);
        // Values are pack text, or catalogue messages (mention counts, the reporter, 'via').
        expect(value).not.toMatch(/\b(in this article|on this page|The reporter|via)\b/);
      }
    }
  });
});

describe('the card’s message keys', () => {
  const source = readFileSync(
    resolve(import.meta.dirname, '../../src/presentation/describe.ts'),
    'utf8',
  );
  /** Keys describe.ts names: in t() calls, its own table, and the UI tables it shares. */
  const named = new Set<string>([
    ...[...source.matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)'/g)].map((m) => m[1] as string),
    ...Object.values(ENTITY_KIND_SINGULAR),
    ...Object.values(CLAIM_KIND_LABEL),
    ...Object.values(ATTRIBUTION_LABEL),
  ]);
  /** How many $n substitutions a message takes. */
  const arity = (key: string) =>
    new Set(
      Object.values(CATALOGUE[key]?.placeholders ?? {}).flatMap((p) =>
        [...p.content.matchAll(/\$(\d)/g)].map((m) => m[1]),
      ),
    ).size;

  test('every key describe.ts uses is in assets/_locales/en/messages.json', () => {
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((k) => !(k in CATALOGUE))).toEqual([]);
  });

  test('every key is asked for with as many substitutions as its placeholders, on every card', () => {
    const asked = new Map<string, Set<number>>();
    const recording: Translate = (key, subs) => {
      asked.set(key, (asked.get(key) ?? new Set()).add(subs?.length ?? 0));
      return t(key, subs);
    };
    fake.missingKeys.clear();
    for (const p of loadPacks().packs) {
      for (const claim of p.claims) {
        describeHighlight(p, claim.id, recording);
        // Also as if its medium did not name the source, so "via …" is asked for too.
        if (claim.said?.via) {
          const said = { ...claim.said, medium: 'a statement' };
          describeHighlight({ ...p, claims: [{ ...claim, said }] }, claim.id, recording);
        }
      }
      for (const entity of p.entities)
        for (const m of entity.mentions) {
          describeHighlight(p, m.id, recording);
          describeHighlight(p, m.id, recording, () => 0);
        }
    }
    expect(fake.missingKeys).toEqual(new Set());
    // Every key describe.ts names was exercised, so the check below covers them all.
    expect([...named].filter((k) => !asked.has(k))).toEqual([]);
    for (const [key, counts] of asked) expect([...counts], key).toEqual([arity(key)]);
  });
});

describe('a claim card’s source', () => {
  test('names the post, marks the article’s words in its fuller wording, links its citations', () => {
    const card = describeHighlight(pack, 'c08', t);
    const source = card?.source;
    expect(source?.label).toBe('Source');
    expect(source?.summary).toBe('Post · Donald Trump · 24 Nov 2025');
    expect(source?.parts?.find((p) => p.marked)?.text).toBe(
      'Our relationship with China is extremely strong!',
    );
    expect(source?.caption).toBe('Words of Donald Trump, as the citations give them');
    expect(source?.links.length).toBeGreaterThanOrEqual(2);
    for (const link of source?.links ?? []) expect(link.url.startsWith('https://')).toBe(true);
    expect(source?.more).toBeUndefined();
  });

  test('says when a claim rests on more sources than the card shows', () => {
    expect(describeHighlight(pack, 'c14', t)?.source?.more).toBe('and 1 more in the side panel');
  });

  test('says “not found in the public record” for the 14 Nov remarks, and nothing for the reporter', () => {
    const source = describeHighlight(pack, 'c38', t)?.source;
    expect(source?.summary).toBe('Not found in the public record');
    expect(source?.links).toEqual([]);
    expect(source?.parts).toBeUndefined();
    expect(describeHighlight(pack, 'c15', t)?.source).toBeUndefined();
  });
});
