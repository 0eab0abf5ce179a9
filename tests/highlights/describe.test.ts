import { describe, expect, test } from 'vitest';
import type { Pack } from '../../src/annotations/model';
import { packById } from '../../src/annotations/packs';
import { describeHighlight, formatDate } from '../../src/highlights/describe';

const pack = packById('2025-11-24-trump-xi-call') as Pack;

describe('card contents', () => {
  test("an entity's card: kind, name, role, description and mention count from the pack", () => {
    const trump = pack.entities.find((e) => e.id === 'trump');
    const mention = trump?.mentions[0];
    const card = mention && describeHighlight(pack, mention.id);
    expect(card?.eyebrow).toBe('Person');
    expect(card?.title).toBe(trump?.name);
    expect(card?.rows).toContainEqual(['Role', trump?.role]);
    expect(card?.rows).toContainEqual(['About', trump?.description]);
    expect(card?.rows).toContainEqual(['Mentions', `${trump?.mentions.length} in this article`]);
  });

  test('says how many mentions were found on this page when that differs', () => {
    const trump = pack.entities.find((e) => e.id === 'trump');
    const card = describeHighlight(pack, trump?.mentions[0]?.id ?? '', () => 3);
    expect(card?.rows).toContainEqual([
      'Mentions',
      `${trump?.mentions.length} in this article, 3 on this page`,
    ]);
  });

  test("a claim's card: speaker, attribution, where and when it was said", () => {
    const claim = pack.claims.find(
      (c) => c.said?.medium && c.said?.date && c.speaker.type === 'entity',
    );
    expect(claim).toBeDefined();
    const card = describeHighlight(pack, claim?.id ?? '');
    const speaker = pack.entities.find(
      (e) => claim?.speaker.type === 'entity' && e.id === claim.speaker.entity,
    );
    expect(card?.eyebrow).toMatch(/^Claim · /);
    expect(card?.rows[0]).toEqual(['Who says so', speaker?.name]);
    expect(card?.rows.find(([k]) => k === 'Where')?.[1]).toContain(claim?.said?.medium);
    expect(card?.rows.find(([k]) => k === 'When')?.[1]).toBe(
      claim?.said?.date && formatDate(claim.said.date),
    );
  });

  test('an unnamed source is named as the article names it', () => {
    const claim = pack.claims.find((c) => c.speaker.type === 'unnamed');
    const card = describeHighlight(pack, claim?.id ?? '');
    expect(card?.rows[0]).toEqual([
      'Who says so',
      claim?.speaker.type === 'unnamed' ? claim.speaker.description : '',
    ]);
  });

  test('dates read as precisely as they are known', () => {
    expect(formatDate({ value: '2025-11-24', precision: 'day' })).toBe('24 Nov 2025');
    expect(formatDate({ value: '2026-04', precision: 'month' })).toBe('Apr 2026');
    expect(formatDate({ value: '2026', precision: 'year' })).toBe('2026');
  });

  test('an unknown id has no card', () => {
    expect(describeHighlight(pack, 'nope')).toBeNull();
  });
});
