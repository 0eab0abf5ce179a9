import { describe, expect, it } from 'vitest';
import {
  claimsOfSource,
  comparisonsOfSource,
  markedParts,
  notFoundOfClaim,
  sourcesOfClaim,
} from '../../src/annotations/claim-sources';
import { seedWithSources } from './helpers';

const pack = seedWithSources();

describe('sourcesOfClaim and claimsOfSource', () => {
  it('finds the post, its passage and marked words for a quote from it', () => {
    const [first, ...rest] = sourcesOfClaim(pack, 'c08');
    expect(rest).toEqual([]);
    expect(first?.source.id).toBe('src-trump-post');
    expect(first?.passage?.text).toContain('Our relationship with China is extremely strong!');
    expect(first?.use.marked).toBe('Our relationship with China is extremely strong!');
  });

  it('finds both readouts for a claim both carry, and none for the reporter’s own words', () => {
    expect(sourcesOfClaim(pack, 'c14').map((s) => s.source.id)).toEqual([
      'src-china-mfa-readout',
      'src-xinhua-readout',
    ]);
    expect(sourcesOfClaim(pack, 'c15')).toEqual([]);
  });

  it('lists the claims resting on a source in the article’s order', () => {
    const lutnick = pack.sources?.sources.find((s) => s.id === 'src-lutnick-bloomberg-tv');
    if (!lutnick) throw new Error('no Lutnick source');
    expect(claimsOfSource(pack, lutnick).map((c) => c.id)).toEqual(['c33', 'c34', 'c35']);
  });

  it('names the not-found entry of the 14 Nov remarks and the comparisons of a source', () => {
    expect(notFoundOfClaim(pack, 'c38')?.id).toBe('nf-trump-2025-11-14');
    expect(notFoundOfClaim(pack, 'c08')).toBeUndefined();
    expect(comparisonsOfSource(pack, 'src-trump-post').map((c) => c.id)).toEqual([
      'cmp-call-topics',
    ]);
  });
});

describe('markedParts', () => {
  it('marks the article’s words inside the passage, keeping the passage’s own characters', () => {
    expect(
      markedParts('You’ll find out, and he understands the answer to that.', 'HE UNDERSTANDS'),
    ).toEqual([
      { text: 'You’ll find out, and ', marked: false },
      { text: 'he understands', marked: true },
      { text: ' the answer to that.', marked: false },
    ]);
  });

  it('matches across curly and straight quotes and runs of spaces', () => {
    const parts = markedParts('Taiwan\u2019s  return to China is', "taiwan's return");
    expect(parts).toEqual([
      { text: 'Taiwan\u2019s  return', marked: true },
      { text: ' to China is', marked: false },
    ]);
  });

  it('marks a whole ellipsis character when the words end on it', () => {
    expect(markedParts('wait\u2026 then', 'wait...')).toEqual([
      { text: 'wait\u2026', marked: true },
      { text: ' then', marked: false },
    ]);
  });

  it('marks several parts, merging those that overlap', () => {
    expect(markedParts('one two three four', ['three', 'one', 'two thr'])).toEqual([
      { text: 'one', marked: true },
      { text: ' ', marked: false },
      { text: 'two three', marked: true },
      { text: ' four', marked: false },
    ]);
  });

  it('leaves the text whole when the words are absent or not in it', () => {
    expect(markedParts('abc', undefined)).toEqual([{ text: 'abc', marked: false }]);
    expect(markedParts('abc', 'xyz')).toEqual([{ text: 'abc', marked: false }]);
  });

  it('finds every use’s marked words in its passage in the seed', () => {
    for (const source of pack.sources?.sources ?? []) {
      for (const use of source.uses) {
        const passage = source.passages.find((p) => p.id === use.passage);
        if (!passage) continue;
        const parts = markedParts(passage.text, use.marked);
        expect(
          parts.filter((p) => p.marked),
          `${source.id} ${use.claim}`,
        ).toHaveLength(1);
        expect(parts.map((p) => p.text).join('')).toBe(passage.text);
      }
    }
  });
});
