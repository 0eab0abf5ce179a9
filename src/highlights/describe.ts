/**
 * What a hover card says about a highlight: drawn only from the pack, never from the page.
 * Pure: a pack and a highlight id in, plain strings out (rendered as text, never as markup).
 */
import type {
  Attribution,
  Claim,
  ClaimKind,
  Entity,
  EntityKind,
  Pack,
  PartialDate,
} from '../annotations/model';

export interface CardContent {
  /** Small caps line above the title: "Person", "Claim · Warning or prediction". */
  eyebrow: string;
  title: string;
  /** Label → value rows, in order. */
  rows: Array<[string, string]>;
  /** Colour category of the highlight, e.g. 'entity-person'. */
  category: string;
}

export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  thing: 'Thing',
  event: 'Event',
};

export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  fact: 'Statement of fact',
  commitment: 'Commitment or plan',
  assessment: 'Assessment or opinion',
  warning: 'Warning or prediction',
};

export const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  'direct-quote': 'Direct quote',
  'reported-speech': 'Reported speech',
  'official-statement': 'Official statement',
  'anonymous-sources': 'Anonymous sources',
  'reporter-background': "Reporter's background",
  'reporter-analysis': "Reporter's analysis",
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "24 Nov 2025", "Apr 2026", "2026", as precise as the date is. */
export function formatDate(date: PartialDate): string {
  const [y, m, d] = date.value.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (date.precision === 'day' && d && month) return `${Number(d)} ${month} ${y}`;
  if (date.precision === 'month' && month) return `${month} ${y}`;
  return y ?? date.value;
}

export function speakerName(pack: Pack, claim: Claim): string {
  const { speaker } = claim;
  if (speaker.type === 'entity')
    return pack.entities.find((e) => e.id === speaker.entity)?.name ?? speaker.entity;
  if (speaker.type === 'unnamed') return speaker.description;
  return 'The reporter';
}

function describeEntity(entity: Entity, foundOnPage?: number): CardContent {
  const rows: Array<[string, string]> = [];
  if (entity.role) rows.push(['Role', entity.role]);
  rows.push(['About', entity.description]);
  const n = entity.mentions.length;
  const here =
    foundOnPage === undefined || foundOnPage === n ? '' : `, ${foundOnPage} on this page`;
  rows.push(['Mentions', `${n} in this article${here}`]);
  return {
    eyebrow: ENTITY_KIND_LABELS[entity.kind],
    title: entity.name,
    rows,
    category: `entity-${entity.kind}`,
  };
}

function describeClaim(pack: Pack, claim: Claim): CardContent {
  const rows: Array<[string, string]> = [
    ['Who says so', speakerName(pack, claim)],
    ['How', ATTRIBUTION_LABELS[claim.attribution]],
  ];
  const said = claim.said;
  const via = said?.via ? pack.entities.find((e) => e.id === said.via)?.name : undefined;
  const where = [said?.medium, via ? `via ${via}` : undefined].filter(Boolean).join(', ');
  if (where) rows.push(['Where', where]);
  if (said?.date) rows.push(['When', formatDate(said.date)]);
  return {
    eyebrow: `Claim · ${CLAIM_KIND_LABELS[claim.kind]}`,
    title: claim.target.quote.exact,
    rows,
    category: `claim-${claim.kind}`,
  };
}

/**
 * The card for a mention id or a claim id; null if the pack has no such highlight.
 * `foundOnPage` counts the entity's mentions highlighted on this page, when known.
 */
export function describeHighlight(
  pack: Pack,
  id: string,
  foundOnPage?: (entityId: string) => number,
): CardContent | null {
  const claim = pack.claims.find((c) => c.id === id);
  if (claim) return describeClaim(pack, claim);
  const entity = pack.entities.find((e) => e.mentions.some((m) => m.id === id));
  return entity ? describeEntity(entity, foundOnPage?.(entity.id)) : null;
}
