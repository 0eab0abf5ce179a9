/**
 * What the UI shows, derived from a pack and the page state. Pure: no browser, no DOM, no strings
 * of its own (labels come from `t` in the components), so every section is tested against the pack.
 */
import {
  CLAIM_KINDS,
  type Claim,
  type ClaimKind,
  ENTITY_KINDS,
  type Entity,
  type EntityKind,
  type Pack,
  type Speaker,
  type TimelineEvent,
} from '../annotations/model';
import { ORPHAN_REASONS, type OrphanReason } from '../highlights/orphans';
import type { PageState } from '../messages/protocol';

/** The page states in which an article was found and highlighted (wholly or partly). */
export type FoundState = Extract<PageState, { status: 'article' | 'partial' }>;

/** Where each annotation stands on this page. */
export interface PageIndex {
  /** Ids of annotations highlighted on the page. */
  anchored: ReadonlySet<string>;
  /** Why an annotation is not on the page, by id. */
  orphans: ReadonlyMap<string, OrphanReason>;
  /** How many annotations are highlighted per category ('entity-person', 'claim-fact'...). */
  byCategory: Readonly<Record<string, number>>;
}

export function indexPage(state: FoundState): PageIndex {
  const anchored = new Set<string>();
  const byCategory: Record<string, number> = {};
  for (const [category, ids] of Object.entries(state.anchored)) {
    byCategory[category] = ids.length;
    for (const id of ids) anchored.add(id);
  }
  return { anchored, orphans: new Map(state.orphans.map((o) => [o.id, o.reason])), byCategory };
}

/** Every annotation of the pack that Gloss tries to highlight (entity mentions and claims). */
export function annotationCount(pack: Pack): number {
  return pack.entities.reduce((n, e) => n + e.mentions.length, 0) + pack.claims.length;
}

export interface Totals {
  /** Annotations in the pack. */
  total: number;
  /** Highlighted on this page. */
  found: number;
  /** Not on this page (orphans). */
  missing: number;
}

export function totals(pack: Pack, page: PageIndex): Totals {
  return { total: annotationCount(pack), found: page.anchored.size, missing: page.orphans.size };
}

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

export interface EntityRow {
  entity: Entity;
  /** Ids of its mentions highlighted on this page, in text order (what "show on page" steps through). */
  found: string[];
  total: number;
}

export interface EntityGroup {
  kind: EntityKind;
  rows: EntityRow[];
}

/** Entities grouped by kind, in ENTITY_KINDS order; within a kind, most mentioned first. */
export function entityGroups(pack: Pack, page: PageIndex): EntityGroup[] {
  return ENTITY_KINDS.map((kind) => ({
    kind,
    rows: pack.entities
      .filter((e) => e.kind === kind)
      .map((entity) => ({
        entity,
        found: [...entity.mentions]
          .sort((a, b) => a.target.position.start - b.target.position.start)
          .filter((m) => page.anchored.has(m.id))
          .map((m) => m.id),
        total: entity.mentions.length,
      }))
      .sort((a, b) => b.total - a.total),
  })).filter((g) => g.rows.length > 0);
}

/** The claims an entity makes, and the other claims about it. */
export function claimsOfEntity(pack: Pack, entityId: string): { by: Claim[]; about: Claim[] } {
  const by: Claim[] = [];
  const about: Claim[] = [];
  for (const claim of byPosition(pack.claims)) {
    if (claim.speaker.type === 'entity' && claim.speaker.entity === entityId) by.push(claim);
    else if (claim.involves.includes(entityId)) about.push(claim);
  }
  return { by, about };
}

// ---------------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------------

/** One key per speaker: 'entity:trump', 'unnamed:people familiar with the matter', 'reporter'. */
export function speakerKey(speaker: Speaker): string {
  switch (speaker.type) {
    case 'entity':
      return `entity:${speaker.entity}`;
    case 'unnamed':
      return `unnamed:${speaker.description.trim().toLowerCase()}`;
    default:
      return 'reporter';
  }
}

export interface ClaimGroup {
  key: string;
  speaker: Speaker;
  claims: Claim[];
}

const byPosition = <T extends { target: { position: { start: number } } }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.target.position.start - b.target.position.start);

/** Claims grouped by speaker; groups in the order their speakers first speak in the article. */
export function claimGroups(claims: readonly Claim[]): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>();
  for (const claim of byPosition(claims)) {
    const key = speakerKey(claim.speaker);
    const group = groups.get(key) ?? { key, speaker: claim.speaker, claims: [] };
    group.claims.push(claim);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export interface ClaimFilter {
  /** A speakerKey, or null for every speaker. */
  speaker: string | null;
  kind: ClaimKind | null;
}

export function filterClaims(claims: readonly Claim[], filter: ClaimFilter): Claim[] {
  return claims.filter(
    (c) =>
      (filter.speaker === null || speakerKey(c.speaker) === filter.speaker) &&
      (filter.kind === null || c.kind === filter.kind),
  );
}

/** The claim kinds that occur in the pack, in CLAIM_KINDS order. */
export const claimKindsIn = (pack: Pack): ClaimKind[] =>
  CLAIM_KINDS.filter((k) => pack.claims.some((c) => c.kind === k));

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

/**
 * The dated events in date order. A coarser date sorts before the finer dates it contains
 * ('2025-11' before '2025-11-02'), which is how ISO strings compare; ties keep the pack's order.
 */
export function timeline(pack: Pack): TimelineEvent[] {
  return pack.timeline
    .map((event, i) => ({ event, i }))
    .sort((a, b) =>
      a.event.date.value < b.event.date.value
        ? -1
        : a.event.date.value > b.event.date.value
          ? 1
          : a.i - b.i,
    )
    .map(({ event }) => event);
}

// ---------------------------------------------------------------------------------------------
// Orphans
// ---------------------------------------------------------------------------------------------

export type OrphanItem =
  | { type: 'mention'; id: string; reason: OrphanReason; text: string; entity: Entity }
  | { type: 'claim'; id: string; reason: OrphanReason; text: string; claim: Claim }
  | { type: 'unknown'; id: string; reason: OrphanReason };

/** The annotations not on this page, resolved to their words, grouped by reason, in text order. */
export function orphanGroups(
  pack: Pack,
  state: FoundState,
): Array<{ reason: OrphanReason; items: OrphanItem[] }> {
  const mentions = new Map<string, { entity: Entity; text: string; start: number }>();
  for (const entity of pack.entities)
    for (const m of entity.mentions)
      mentions.set(m.id, { entity, text: m.target.quote.exact, start: m.target.position.start });
  const claims = new Map(pack.claims.map((c) => [c.id, c]));
  const start = (item: OrphanItem) =>
    item.type === 'mention'
      ? (mentions.get(item.id)?.start ?? 0)
      : item.type === 'claim'
        ? item.claim.target.position.start
        : Number.MAX_SAFE_INTEGER;
  const items: OrphanItem[] = state.orphans.map(({ id, reason }) => {
    const mention = mentions.get(id);
    if (mention) return { type: 'mention', id, reason, text: mention.text, entity: mention.entity };
    const claim = claims.get(id);
    if (claim) return { type: 'claim', id, reason, text: claim.target.quote.exact, claim };
    return { type: 'unknown', id, reason };
  });
  return ORPHAN_REASONS.map((reason) => ({
    reason,
    items: items.filter((i) => i.reason === reason).sort((a, b) => start(a) - start(b)),
  })).filter((g) => g.items.length > 0);
}
