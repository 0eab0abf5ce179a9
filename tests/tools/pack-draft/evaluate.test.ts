/**
 * The precision and recall of a draft, on a case small enough to check by hand:
 *
 *   "Alice Smith met Bob in Paris. Alice said it rained."
 *   reviewed: Alice Smith (person: "Alice Smith", "Alice"), Bob (person), Paris (place);
 *             "it rained" said by Alice; "Alice Smith met Bob in Paris" by the reporter.
 *   drafted:  Alice Smith (person: "Alice Smith", "Alice"), Paris (place), Bob as an
 *             organisation; "it rained" said by Alice Smith; "met Bob" by someone unnamed.
 *
 * Entities: Alice and Paris match, Bob does not (wrong kind): 2 of 3 each way. Mentions: the
 * three of Alice and Paris match, Bob's cannot (its entity is unmatched): 3 of 4 each way.
 * Claims: the reporter's claim is not counted; "it rained" matches, "met Bob" does not: 1 of 2
 * drafted, 1 of 1 reviewed.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, Entity, EntityKind, Speaker } from '../../../src/annotations/model';
import { targetAt } from '../../../src/annotations/text';
import { evaluateDraft, matchOneToOne } from '../../../tools/pack-draft/evaluate';

const text = 'Alice Smith met Bob in Paris. Alice said it rained.';
const at = (words: string, from = 0) => {
  const start = text.indexOf(words, from);
  return targetAt(text, start, start + words.length);
};
const entity = (
  id: string,
  kind: EntityKind,
  name: string,
  mentions: ReturnType<typeof at>[],
): Entity => ({
  id,
  kind,
  name,
  description: 'test',
  mentions: mentions.map((target, i) => ({ id: `m-${id}-${i}`, target, form: 'name' })),
});
const claim = (id: string, words: string, speaker: Speaker): Claim => ({
  id,
  kind: 'fact',
  target: at(words),
  speaker,
  attribution: speaker.type === 'reporter' ? 'reporter-background' : 'reported-speech',
  involves: [],
  topics: [],
});

const reviewed = {
  entities: [
    entity('alice', 'person', 'Alice Smith', [at('Alice Smith'), at('Alice', 20)]),
    entity('bob', 'person', 'Bob', [at('Bob')]),
    entity('paris', 'place', 'Paris', [at('Paris')]),
  ],
  claims: [
    claim('r1', 'it rained', { type: 'entity', entity: 'alice' }),
    claim('r2', 'Alice Smith met Bob in Paris', { type: 'reporter' }),
  ],
};
const drafted = {
  entities: [
    entity('alice-smith', 'person', 'Alice Smith', [at('Alice Smith'), at('Alice', 20)]),
    entity('paris', 'place', 'Paris', [at('Paris')]),
    entity('bob', 'organisation', 'Bob', [at('Bob')]),
  ],
  claims: [
    claim('c01', 'it rained', { type: 'entity', entity: 'alice-smith' }),
    claim('c02', 'met Bob', { type: 'unnamed', description: 'someone' }),
  ],
};

describe('the draft evaluation', () => {
  it('computes precision and recall as the hand count says', () => {
    const figures = evaluateDraft(drafted, reviewed);
    const row = (what: string) => figures.find((f) => f.what.startsWith(what));
    expect(row('entities')).toMatchObject({ drafted: 3, reviewed: 3, matched: 2 });
    expect(row('entities')?.precision).toBeCloseTo(2 / 3);
    expect(row('entities')?.recall).toBeCloseTo(2 / 3);
    expect(row('mentions')).toMatchObject({ drafted: 4, reviewed: 4, matched: 3 });
    expect(row('mentions')?.precision).toBeCloseTo(3 / 4);
    expect(row('claims with speaker')).toMatchObject({
      drafted: 2,
      reviewed: 1,
      matched: 1,
      precision: 0.5,
      recall: 1,
    });
  });

  it('matches one to one: two drafted spans over one reviewed span count once', () => {
    const pairs = matchOneToOne(['a', 'b'], ['x'], () => 1);
    expect(pairs).toEqual([['a', 'x']]);
  });

  it('does not match a claim whose speaker differs', () => {
    const wrongSpeaker = {
      ...drafted,
      claims: [claim('c01', 'it rained', { type: 'unnamed', description: 'she' })],
    };
    const figures = evaluateDraft(wrongSpeaker, reviewed);
    expect(figures.find((f) => f.what === 'claims with speaker')?.matched).toBe(0);
    expect(figures.find((f) => f.what.startsWith('claims, span only'))?.matched).toBe(1);
  });
});
