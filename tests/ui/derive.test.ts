import { describe, expect, test } from 'vitest';
import { ENTITY_KINDS } from '../../src/annotations/model';
import {
  claimGroups,
  entityGroups,
  indexPage,
  orphanGroups,
  speakerKey,
  timeline,
  totals,
} from '../../src/ui/derive';
import { pack, pageState } from './helpers-pure';

describe('derive', () => {
  test('entity groups cover every entity once, by kind', () => {
    const state = pageState();
    if (state.status !== 'article') throw new Error();
    const groups = entityGroups(pack, indexPage(state));
    expect(groups.map((g) => g.kind)).toEqual(
      ENTITY_KINDS.filter((k) => pack.entities.some((e) => e.kind === k)),
    );
    for (const g of groups)
      expect(g.rows.length).toBe(pack.entities.filter((e) => e.kind === g.kind).length);
    const trump = groups[0]?.rows.find((r) => r.entity.id === 'trump');
    expect(trump?.found).toHaveLength(trump?.total ?? -1);
  });

  test('claim groups: one per speaker, in order of first claim', () => {
    const groups = claimGroups(pack.claims);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
    expect(groups.reduce((n, g) => n + g.claims.length, 0)).toBe(pack.claims.length);
    for (const g of groups) for (const c of g.claims) expect(speakerKey(c.speaker)).toBe(g.key);
    const firsts = groups.map((g) => g.claims[0]?.target.position.start ?? 0);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  test('timeline in date order, coarse dates before the finer dates they contain', () => {
    const values = timeline(pack).map((e) => e.date.value);
    expect(values).toEqual([...values].sort());
    expect(values.indexOf('2025-11')).toBeLessThan(values.indexOf('2025-11-02'));
  });

  test('orphans resolved to their words and grouped by reason', () => {
    const state = pageState({ c02: 'paywall', 'm-xi-1': 'paywall', nope: 'not-found' }, 'partial');
    if (state.status !== 'partial') throw new Error();
    const groups = orphanGroups(pack, state);
    expect(groups.map((g) => g.reason)).toEqual(['paywall', 'not-found']);
    expect(groups[0]?.items.map((i) => i.type)).toEqual(['mention', 'claim']);
    expect(groups[1]?.items[0]).toEqual({ type: 'unknown', id: 'nope', reason: 'not-found' });
    const t = totals(pack, indexPage(state));
    expect(t.found + 2).toBe(t.total);
    expect(t.missing).toBe(3);
  });
});
