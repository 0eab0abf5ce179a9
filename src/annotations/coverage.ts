/**
 * Coverage of a pack over its article text (pure):
 *  - names: capitalised words that no entity mention or timeline date covers;
 *  - attributions: sentences with an attribution verb ("said", "according to", ...) that no
 *    claim (target or cue) touches;
 *  - sentences without any claim (for information).
 * Anything listed in the pack's `exclusions` (every occurrence of its text) is explained; an
 * attributed sentence is explained when every attribution cue in it lies inside an exclusion.
 * Sentence-initial function words ("The", "They", ...) are not names.
 */
import type { Pack, Target } from './model';
import { canonicalText, paragraphStarts } from './text';

export interface Span {
  start: number;
  end: number;
  text: string;
  paragraph: string;
}

export interface CoverageReport {
  /** Capitalised words not covered by a mention, a timeline date or an exclusion. */
  uncoveredNames: Span[];
  /** Sentences with an attribution verb that no claim touches and no exclusion explains. */
  unattributedSentences: Span[];
  /** Sentences (outside subheadings) that no claim touches, explained or not. */
  sentencesWithoutClaims: Span[];
  sentences: number;
}

/** Verbs and phrases that attribute words to someone. */
export const ATTRIBUTION_CUES =
  /\b(said|says|say|saying|told|tells|posted|posts|according to|warned|warns|added|adds|expressed|described|describes|announced|announcing|pledged|denounced|asked|noted|stated|claimed|insisted|argued|reported|reports)\b/i;

/** Capitalised words that are not names when they open a sentence. */
export const SENTENCE_INITIAL_WORDS = new Set([
  'A',
  'An',
  'The',
  'That',
  'This',
  'These',
  'Those',
  'They',
  'There',
  'Their',
  'Our',
  'Now',
  'We',
  'He',
  'She',
  'It',
  'I',
  'Any',
  'Both',
  'Since',
  'Despite',
  'Some',
  'But',
  'And',
]);

/** Sentences of each paragraph (split after . ! ? and an optional closing quote). */
export function sentences(pack: Pack): Span[] {
  const starts = paragraphStarts(pack.article);
  const out: Span[] = [];
  pack.article.text.paragraphs.forEach((p, i) => {
    const base = starts[i] ?? 0;
    const re = /[.!?][”"’]?\s+(?=[“"‘(\p{Lu}\p{N}–])/gu;
    let from = 0;
    for (const m of p.text.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].trimEnd().length;
      out.push({
        start: base + from,
        end: base + end,
        text: p.text.slice(from, end),
        paragraph: p.id,
      });
      from = (m.index ?? 0) + m[0].length;
    }
    out.push({
      start: base + from,
      end: base + p.text.length,
      text: p.text.slice(from),
      paragraph: p.id,
    });
  });
  return out;
}

const overlaps = (a: { start: number; end: number }, t: Target) =>
  t.position.start < a.end && a.start < t.position.end;

export function coverage(pack: Pack): CoverageReport {
  const text = canonicalText(pack.article);
  const subheadings = new Set(
    pack.article.text.paragraphs.filter((p) => p.role === 'subheading').map((p) => p.id),
  );
  const nameCover: Target[] = [
    ...pack.entities.flatMap((e) => e.mentions.map((m) => m.target)),
    ...pack.timeline.flatMap((t) => [t.target, ...(t.otherTargets ?? [])]),
  ];
  const claimCover: Target[] = pack.claims.flatMap((c) => (c.cue ? [c.target, c.cue] : [c.target]));
  const excused: Array<{ start: number; end: number }> = [];
  for (const x of pack.exclusions) {
    for (let at = text.indexOf(x.text); at !== -1; at = text.indexOf(x.text, at + 1)) {
      excused.push({ start: at, end: at + x.text.length });
    }
  }
  const isExcused = (s: { start: number; end: number }) =>
    excused.some((x) => x.start <= s.start && s.end <= x.end);
  /** Every attribution cue of the sentence lies inside an exclusion. */
  const cuesExcused = (s: Span) =>
    [...s.text.matchAll(new RegExp(ATTRIBUTION_CUES.source, 'gi'))].every((m) =>
      isExcused({ start: s.start + (m.index ?? 0), end: s.start + (m.index ?? 0) + m[0].length }),
    );

  const all = sentences(pack);
  const uncoveredNames: Span[] = [];
  for (const s of all) {
    const sentence = text.slice(s.start, s.end);
    for (const m of sentence.matchAll(/\p{Lu}[\p{L}\p{N}]*/gu)) {
      const start = s.start + (m.index ?? 0);
      const word = { start, end: start + m[0].length };
      const initial = /^[\s“"‘(–-]*$/.test(sentence.slice(0, m.index ?? 0));
      if (initial && SENTENCE_INITIAL_WORDS.has(m[0])) continue;
      if (nameCover.some((t) => t.position.start <= word.start && word.end <= t.position.end))
        continue;
      if (isExcused(word)) continue;
      uncoveredNames.push({ ...word, text: m[0], paragraph: s.paragraph });
    }
  }
  const touched = (s: Span) => claimCover.some((t) => overlaps(s, t));
  const sentencesWithoutClaims = all.filter((s) => !subheadings.has(s.paragraph) && !touched(s));
  const unattributedSentences = all.filter(
    (s) => ATTRIBUTION_CUES.test(s.text) && !touched(s) && !cuesExcused(s),
  );
  return { uncoveredNames, unattributedSentences, sentencesWithoutClaims, sentences: all.length };
}
