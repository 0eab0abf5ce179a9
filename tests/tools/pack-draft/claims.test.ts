/**
 * The attribution patterns of the claim drafter, one sentence each (made-up sentences, not the
 * seed's): what becomes the claim, the cue, the speaker and the attribution.
 */
import { describe, expect, it } from 'vitest';
import { findClaims } from '../../../tools/pack-draft/claims';
import type { DraftEntity } from '../../../tools/pack-draft/entities';
import { draftText } from '../../../tools/pack-draft/text';

interface Case {
  paragraph: string;
  /** Names drafted as people, so that speakers can resolve to them. */
  people?: string[];
  claims: Array<{ target: string; cue: string; speaker: string; attribution: string }>;
}

const CASES: Record<string, Case> = {
  'quote first, then the speaker': {
    paragraph: '“The bridge will open in May,” Ms Rivera said.',
    people: ['Ms Rivera'],
    claims: [
      {
        target: 'The bridge will open in May',
        cue: 'Ms Rivera said',
        speaker: 'Ms Rivera',
        attribution: 'direct-quote',
      },
    ],
  },
  'a quotation continuing the speaker, one claim a sentence': {
    paragraph:
      '“We are ready!” Ms Rivera told reporters. “The money is there. The work starts now.”',
    people: ['Ms Rivera'],
    claims: [
      {
        target: 'We are ready!',
        cue: 'Ms Rivera told reporters',
        speaker: 'Ms Rivera',
        attribution: 'direct-quote',
      },
      {
        target: 'The money is there',
        cue: 'Ms Rivera told reporters',
        speaker: 'Ms Rivera',
        attribution: 'direct-quote',
      },
      {
        target: 'The work starts now',
        cue: 'Ms Rivera told reporters',
        speaker: 'Ms Rivera',
        attribution: 'direct-quote',
      },
    ],
  },
  'statement first, according to unnamed sources': {
    paragraph:
      'The council will vote on the budget next week, according to people familiar with the plan.',
    claims: [
      {
        target: 'The council will vote on the budget next week',
        cue: 'according to people familiar with the plan',
        speaker: 'people familiar with the plan',
        attribution: 'anonymous-sources',
      },
    ],
  },
  'speaker first, with an adjunct before "that"': {
    paragraph: 'Mr Okafor said on Tuesday that the mine would close.',
    people: ['Mr Okafor'],
    claims: [
      {
        target: 'the mine would close',
        cue: 'Mr Okafor said on Tuesday',
        speaker: 'Mr Okafor',
        attribution: 'reported-speech',
      },
    ],
  },
  'speaker first, a reference left unnamed': {
    paragraph: 'The minister added that talks would resume.',
    claims: [
      {
        target: 'talks would resume',
        cue: 'The minister added',
        speaker: 'The minister',
        attribution: 'reported-speech',
      },
    ],
  },
  'a sentence that attributes nothing': {
    paragraph: 'Rain fell across the north on Sunday, closing two roads.',
    claims: [],
  },
};

describe('claim drafting by attribution pattern', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      const text = draftText([{ role: 'body', text: c.paragraph }]);
      const entities: DraftEntity[] = (c.people ?? []).map((person) => {
        const start = c.paragraph.indexOf(person);
        return {
          id: person.toLowerCase().replace(/\W+/g, '-'),
          kind: 'person',
          name: person,
          names: [person],
          mentions: [{ start, end: start + person.length, form: 'honorific', how: 'test' }],
        };
      });
      const words = (s: { start: number; end: number }) => text.text.slice(s.start, s.end);
      const claims = findClaims(text, entities).map((claim) => ({
        target: words(claim.target),
        cue: words(claim.cue),
        speaker:
          'entity' in claim.speaker
            ? (entities.find((e) => 'entity' in claim.speaker && e.id === claim.speaker.entity)
                ?.name ?? '?')
            : claim.speaker.unnamed,
        attribution: claim.attribution,
      }));
      expect(claims).toEqual(c.claims);
    });
  }
});
