/**
 * How close a drafted pack comes to the reviewed pack of the same article: precision (the share of
 * drafted items that match a reviewed one) and recall (the share of reviewed items a drafted one
 * matches). Matching is one to one: candidate pairs are taken best first (the longest overlap, or
 * a match on the name before one on another mention's words), each item used at most once.
 *
 *  - entities: same kind, and the drafted entity's name or the words of one of its mentions equal
 *    (ignoring case) the reviewed entity's name or the words of one of its mentions. Only
 *    reviewed people, organisations and places count: the drafter drafts no other kind.
 *  - mentions: the spans overlap, and the drafted mention's entity is matched to the reviewed
 *    mention's entity (so a mention of an unmatched entity never matches).
 *  - claims with speaker: the targets overlap, and the speakers agree: the drafted speaker's
 *    entity is matched to the reviewed speaker's entity, or both are unnamed. Only reviewed claims
 *    with a speaker other than the reporter count: the drafter drafts attributed claims only.
 *  - claims (span only): the same claims, the targets overlapping, whoever the speaker.
 * Both packs must be of the same text: spans are offsets in the canonical text.
 */
import type { Claim, Entity, Pack, Target } from '../../src/annotations/model';

export interface Figure {
  what: string;
  drafted: number;
  reviewed: number;
  matched: number;
  precision: number;
  recall: number;
}

const DRAFTED_KINDS = new Set(['person', 'organisation', 'place']);

export function evaluateDraft(
  drafted: Pick<Pack, 'entities' | 'claims'>,
  reviewed: Pick<Pack, 'entities' | 'claims'>,
): Figure[] {
  const reviewedEntities = reviewed.entities.filter((e) => DRAFTED_KINDS.has(e.kind));
  const entityPairs = matchOneToOne(drafted.entities, reviewedEntities, entityScore);
  const sameEntity = (d: string, r: string) =>
    entityPairs.some(([a, b]) => a.id === d && b.id === r);

  const mentionsOf = (entities: Entity[]) =>
    entities.flatMap((e) => e.mentions.map((m) => ({ entity: e.id, target: m.target })));
  const mentionPairs = matchOneToOne(
    mentionsOf(drafted.entities),
    mentionsOf(reviewedEntities),
    (d, r) => (sameEntity(d.entity, r.entity) ? overlapLength(d.target, r.target) : 0),
  );

  const attributed = reviewed.claims.filter((c) => c.speaker.type !== 'reporter');
  const speakersAgree = (d: Claim, r: Claim) =>
    (d.speaker.type === 'entity' &&
      r.speaker.type === 'entity' &&
      sameEntity(d.speaker.entity, r.speaker.entity)) ||
    (d.speaker.type === 'unnamed' && r.speaker.type === 'unnamed');
  const claimPairs = matchOneToOne(drafted.claims, attributed, (d, r) =>
    speakersAgree(d, r) ? overlapLength(d.target, r.target) : 0,
  );
  const spanPairs = matchOneToOne(drafted.claims, attributed, (d, r) =>
    overlapLength(d.target, r.target),
  );

  return [
    figure(
      'entities (people, organisations, places)',
      drafted.entities,
      reviewedEntities,
      entityPairs,
    ),
    figure(
      'mentions of those entities',
      mentionsOf(drafted.entities),
      mentionsOf(reviewedEntities),
      mentionPairs,
    ),
    figure('claims with speaker', drafted.claims, attributed, claimPairs),
    figure('claims, span only (any speaker)', drafted.claims, attributed, spanPairs),
  ];
}

function figure(what: string, drafted: unknown[], reviewed: unknown[], pairs: unknown[]): Figure {
  return {
    what,
    drafted: drafted.length,
    reviewed: reviewed.length,
    matched: pairs.length,
    precision: drafted.length === 0 ? 0 : pairs.length / drafted.length,
    recall: reviewed.length === 0 ? 0 : pairs.length / reviewed.length,
  };
}

/** 2 when a name equals a name, 1 when only other mentions' words agree, 0 when nothing does. */
function entityScore(d: Entity, r: Entity): number {
  if (d.kind !== r.kind) return 0;
  const lower = (s: string) => s.toLowerCase();
  if (lower(d.name) === lower(r.name)) return 2;
  const words = (e: Entity) =>
    new Set([e.name, ...e.mentions.map((m) => m.target.quote.exact)].map(lower));
  const reviewedWords = words(r);
  return [...words(d)].some((w) => reviewedWords.has(w)) ? 1 : 0;
}

function overlapLength(a: Target, b: Target): number {
  const start = Math.max(a.position.start, b.position.start);
  const end = Math.min(a.position.end, b.position.end);
  return Math.max(0, end - start);
}

/** Pairs with a positive score, best first, each item in at most one pair. */
export function matchOneToOne<D, R>(
  drafted: readonly D[],
  reviewed: readonly R[],
  score: (d: D, r: R) => number,
): Array<[D, R]> {
  const candidates: Array<{ d: number; r: number; score: number }> = [];
  drafted.forEach((d, i) => {
    reviewed.forEach((r, j) => {
      const s = score(d, r);
      if (s > 0) candidates.push({ d: i, r: j, score: s });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.d - b.d || a.r - b.r);
  const usedD = new Set<number>();
  const usedR = new Set<number>();
  const pairs: Array<[D, R]> = [];
  for (const c of candidates) {
    if (usedD.has(c.d) || usedR.has(c.r)) continue;
    usedD.add(c.d);
    usedR.add(c.r);
    pairs.push([drafted[c.d] as D, reviewed[c.r] as R]);
  }
  return pairs;
}

const percent = (x: number) => `${(x * 100).toFixed(0)} %`;

/** The figures as a Markdown table. */
export function figuresTable(figures: readonly Figure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.what} | ${f.drafted} | ${f.reviewed} | ${f.matched} | ${percent(f.precision)} | ${percent(f.recall)} |`,
  );
  return [
    '| what | drafted | reviewed | matched | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
