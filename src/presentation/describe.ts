/**
 * What a hover card says about a highlight: drawn only from the pack, never from the page.
 * Pure: a pack, a highlight id and a message lookup in, plain strings out (rendered as text, never
 * as markup). Every label comes from the extension's catalogue (assets/_locales/<lang>/
 * messages.json) through `t`, the same catalogue and, where the UI shows the same thing, the same
 * keys as the popup and side panel (./labels.ts), so the two cannot drift apart.
 */
import {
  markedParts,
  notFoundOfClaim,
  type PassagePart,
  sourcesOfClaim,
} from '../annotations/claim-sources';
import type { Claim, Entity, EntityKind, Pack, Source } from '../annotations/model';
import { claimCategory, entityCategory, type HighlightCategory } from '../highlights/categories';
import type { MessageKey, Translate } from '../platform/i18n';
import { formatDate } from './dates';
import {
  ATTRIBUTION_LABEL,
  CITATION_ROLE_LABEL,
  CLAIM_KIND_LABEL,
  SOURCE_KIND_LABEL,
} from './labels';
import { speakerName } from './speaker';

/** A link of a card: an https address, its text, and its accessible name. */
export interface CardLink {
  url: string;
  text: string;
  label: string;
}

/** Where a claim comes from, as its card shows it. */
export interface CardSource {
  /** "Source" */
  label: string;
  /** "Post · Donald Trump · 24 Nov 2025", or "Not found in the public record". */
  summary: string;
  /** Where it was published, or what was looked for. */
  where: string;
  /** The fuller wording, the article's part marked; absent when not found. */
  parts?: PassagePart[];
  /** Whose words the passage holds, or why there is no passage. */
  caption: string;
  links: CardLink[];
  /** Further sources of the same claim, told apart in the side panel. */
  more?: string;
}

export interface CardContent {
  /** Small caps line above the title: "Person", "Claim · Warning". */
  eyebrow: string;
  title: string;
  /** Label → value rows, in order. */
  rows: Array<[string, string]>;
  /** Colour category of the highlight, e.g. 'entity-person'. */
  category: HighlightCategory;
  /** For a claim said elsewhere: its source. */
  source?: CardSource;
}

/** One entity's kind, in the singular (the UI's ENTITY_KIND_LABEL are the plural headings). */
export const ENTITY_KIND_SINGULAR: Record<EntityKind, MessageKey> = {
  person: 'kindPerson',
  organisation: 'kindOrganisation',
  place: 'kindPlace',
  thing: 'kindThing',
  event: 'kindEvent',
};

function describeEntity(entity: Entity, t: Translate, foundOnPage?: number): CardContent {
  const rows: Array<[string, string]> = [];
  if (entity.role) rows.push([t('cardRole'), entity.role]);
  rows.push([t('cardAbout'), entity.description]);
  const n = entity.mentions.length;
  rows.push([
    t('cardMentions'),
    foundOnPage === undefined || foundOnPage === n
      ? t('cardMentionsInArticle', [n])
      : t('cardMentionsInArticleAndPage', [n, foundOnPage]),
  ]);
  return {
    eyebrow: t(ENTITY_KIND_SINGULAR[entity.kind]),
    title: entity.name,
    rows,
    category: entityCategory(entity.kind),
  };
}

/**
 * Who a claim came through ("via Xinhua"), unless its medium already names them: "Chinese Foreign
 * Ministry statement, via Chinese Foreign Ministry" would say it twice. Shared with the side panel.
 */
export function viaName(pack: Pack, claim: Claim): string | null {
  const viaId = claim.said?.via;
  if (!viaId) return null;
  const via = pack.entities.find((e) => e.id === viaId)?.name ?? viaId;
  return claim.said?.medium?.toLowerCase().includes(via.toLowerCase()) ? null : via;
}

function describeClaim(pack: Pack, claim: Claim, t: Translate): CardContent {
  const rows: Array<[string, string]> = [
    [t('cardWhoSaysSo'), speakerName(pack, claim.speaker, t)],
    [t('cardHow'), t(ATTRIBUTION_LABEL[claim.attribution])],
  ];
  const said = claim.said;
  const via = viaName(pack, claim);
  const where = [said?.medium, via ? t('saidVia', [via]) : undefined].filter(Boolean).join(', ');
  if (where) rows.push([t('cardWhere'), where]);
  // Dates as the side panel shows them: Intl in the catalogue's own locale ('24 Nov 2025').
  if (said?.date)
    rows.push([t('cardWhen'), formatDate(said.date.value, said.date.precision, t('dateLocale'))]);
  const source = describeSource(pack, claim, t);
  return {
    eyebrow: t('cardClaimEyebrow', [t(CLAIM_KIND_LABEL[claim.kind])]),
    title: claim.target.quote.exact,
    rows,
    category: claimCategory(claim.kind),
    ...(source ? { source } : {}),
  };
}

/** A source in one line, as cards and panel show it: "Post · Donald Trump · 24 Nov 2025". */
export function sourceSummary(source: Source, t: Translate): string {
  return t('sourceSummary', [
    t(SOURCE_KIND_LABEL[source.kind]),
    source.issuer,
    formatDate(source.date.value, source.date.precision, t('dateLocale')),
  ]);
}

/**
 * The first source a claim rests on (the one that carries its words, when several do), with the
 * fuller wording and its citations; or the not-found entry that lists the claim.
 */
function describeSource(pack: Pack, claim: Claim, t: Translate): CardSource | undefined {
  const all = sourcesOfClaim(pack, claim.id);
  const first = all.find((s) => s.passage) ?? all[0];
  if (!first) {
    const missing = notFoundOfClaim(pack, claim.id);
    return missing
      ? {
          label: t('sourceLabel'),
          summary: t('notFoundTitle'),
          where: missing.subject,
          caption: t('sourceWordingNotFound'),
          links: [],
        }
      : undefined;
  }
  const { source, use, passage } = first;
  const citations = (passage ?? source).citations.filter((c) => c.url.startsWith('https://'));
  return {
    label: t('sourceLabel'),
    summary: sourceSummary(source, t),
    where: source.publishedIn,
    ...(passage ? { parts: markedParts(passage.text, use.marked) } : {}),
    caption: passage ? t('sourceWordingBy', [passage.speaker]) : t('sourceWordingNotFound'),
    links: citations.map((c) => ({
      url: c.url,
      text: c.outlet,
      label: t('citationLink', [c.outlet, t(CITATION_ROLE_LABEL[c.role])]),
    })),
    ...(all.length > 1 ? { more: t('cardMoreSources', [all.length - 1]) } : {}),
  };
}

/**
 * The card for a mention id, an entity id or a claim id; null if the pack has no such highlight.
 * `foundOnPage` counts the entity's mentions highlighted on this page, when known.
 */
export function describeHighlight(
  pack: Pack,
  id: string,
  t: Translate,
  foundOnPage?: (entityId: string) => number,
): CardContent | null {
  const claim = pack.claims.find((c) => c.id === id);
  if (claim) return describeClaim(pack, claim, t);
  // An entity by one of its mentions' ids, or by its own (a name in text the pack lacks).
  const entity = pack.entities.find((e) => e.id === id || e.mentions.some((m) => m.id === id));
  return entity ? describeEntity(entity, t, foundOnPage?.(entity.id)) : null;
}
