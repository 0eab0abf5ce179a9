/**
 * What a cut copy (a paywall, a teaser, a syndicated copy that stops) leaves out, in the form a
 * reader can use: the claims it hides, by who makes them; the entities it mentions, with how often;
 * how much of the text is missing. Pure: a pack and the page state in, plain data out.
 */
import type { Claim, Entity, Pack, Speaker } from '../annotations/model';
import { paragraphStarts } from '../annotations/text';
import type { FoundState } from './derive';

export interface CutSummary {
  /** Claims the cut hides, grouped by speaker, the speaker with most claims first. */
  claimsBySpeaker: Array<{ key: string; speaker: Speaker; claims: Claim[] }>;
  /** Entities mentioned in the cut part, most mentioned first. */
  entities: Array<{ entity: Entity; count: number }>;
  /** The article's text not on this page. */
  missing: { paragraphs: number; words: number };
  /** How many annotations the cut hides in all. */
  total: number;
}

const speakerKey = (s: Speaker) =>
  s.type === 'entity'
    ? `entity:${s.entity}`
    : s.type === 'unnamed'
      ? `unnamed:${s.description}`
      : 'reporter';

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Null when nothing was cut (no annotation is missing because of a cut). */
export function cutSummary(pack: Pack, state: FoundState): CutSummary | null {
  const cut = new Set(state.orphans.filter((o) => o.reason === 'paywall').map((o) => o.id));
  if (cut.size === 0) return null;
  const starts = paragraphStarts(pack.article);
  const paragraphOf = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && (starts[i + 1] as number) <= offset) i++;
    return i;
  };

  let firstCut = Number.POSITIVE_INFINITY;
  const groups = new Map<string, { key: string; speaker: Speaker; claims: Claim[] }>();
  for (const claim of pack.claims) {
    if (!cut.has(claim.id)) continue;
    firstCut = Math.min(firstCut, paragraphOf(claim.target.position.start));
    const key = speakerKey(claim.speaker);
    const group = groups.get(key) ?? { key, speaker: claim.speaker, claims: [] };
    group.claims.push(claim);
    groups.set(key, group);
  }
  const entities: CutSummary['entities'] = [];
  for (const entity of pack.entities) {
    const mentions = entity.mentions.filter((m) => cut.has(m.id));
    for (const m of mentions) firstCut = Math.min(firstCut, paragraphOf(m.target.position.start));
    if (mentions.length > 0) entities.push({ entity, count: mentions.length });
  }
  entities.sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
  const claimsBySpeaker = [...groups.values()].sort((a, b) => b.claims.length - a.claims.length);

  // The cut is a tail: everything from the first paragraph whose annotations it hides.
  const missingParagraphs = pack.article.text.paragraphs
    .slice(Number.isFinite(firstCut) ? firstCut : pack.article.text.paragraphs.length)
    .filter((p) => p.role === 'body');
  return {
    claimsBySpeaker,
    entities,
    missing: {
      paragraphs: missingParagraphs.length,
      words: missingParagraphs.reduce((n, p) => n + wordCount(p.text), 0),
    },
    total: cut.size,
  };
}
