/**
 * Human labels for Gloss's codes, shared by the hover cards and the popup and side panel. Each map
 * is typed by its union, so a code without a label fails the type check. Every label is a message key, spelled out here (never built
 * from a code), so the type check and the catalogue test see every key.
 */
import type {
  Attribution,
  CitationRole,
  ClaimKind,
  DatePrecision,
  EntityKind,
  SourceKind,
} from '../annotations/model';
import type { RecognisedBy } from '../detection/detect';
import type { HighlightCategory } from '../highlights/categories';
import type { OrphanReason } from '../highlights/orphans';
import type { NOTE_UNPLACED_REASONS, PageError } from '../messages/protocol';
import type { MessageKey } from '../platform/i18n';

export const ENTITY_KIND_LABEL: Record<EntityKind, MessageKey> = {
  person: 'kindPeople',
  organisation: 'kindOrganisations',
  place: 'kindPlaces',
  thing: 'kindThings',
  event: 'kindEvents',
};

export const CLAIM_KIND_LABEL: Record<ClaimKind, MessageKey> = {
  fact: 'claimKindFact',
  commitment: 'claimKindCommitment',
  assessment: 'claimKindAssessment',
  warning: 'claimKindWarning',
};

export const CLAIM_KIND_PLURAL: Record<ClaimKind, MessageKey> = {
  fact: 'claimKindFacts',
  commitment: 'claimKindCommitments',
  assessment: 'claimKindAssessments',
  warning: 'claimKindWarnings',
};

export const ATTRIBUTION_LABEL: Record<Attribution, MessageKey> = {
  'direct-quote': 'attributionDirectQuote',
  'reported-speech': 'attributionReportedSpeech',
  'official-statement': 'attributionOfficialStatement',
  'anonymous-sources': 'attributionAnonymousSources',
  'reporter-background': 'attributionReporterBackground',
  'reporter-analysis': 'attributionReporterAnalysis',
};

export const ORPHAN_REASON_LABEL: Record<OrphanReason, MessageKey> = {
  paywall: 'orphanPaywall',
  edited: 'orphanEdited',
  ambiguous: 'orphanAmbiguous',
  hidden: 'orphanHidden',
  'not-found': 'orphanNotFound',
};

/** What the popup and side panel say when Gloss could not look at a page. */
export const PAGE_ERROR_LABEL: Record<PageError, MessageKey> = {
  'page-unreadable': 'errorPageUnreadable',
  'engine-failed': 'errorEngineFailed',
  'no-answer': 'errorNoAnswer',
};

export const PRECISION_LABEL: Record<DatePrecision, MessageKey> = {
  day: 'precisionDay',
  month: 'precisionMonth',
  year: 'precisionYear',
};

export const RECOGNISED_BY_LABEL: Record<RecognisedBy, MessageKey> = {
  url: 'recognisedByUrl',
  metadata: 'recognisedByMetadata',
  headline: 'recognisedByHeadline',
  text: 'recognisedByText',
};

/** The style cue that tells a category apart without its colour. */
export const CATEGORY_CUE: Record<HighlightCategory, MessageKey> = {
  'entity-person': 'cueShaded',
  'entity-organisation': 'cueShaded',
  'entity-place': 'cueShaded',
  'entity-thing': 'cueShaded',
  'entity-event': 'cueShaded',
  'claim-fact': 'cueSolid',
  'claim-commitment': 'cueDouble',
  'claim-assessment': 'cueDotted',
  'claim-warning': 'cueWavy',
  'note-highlight': 'cueMarked',
  'note-comment': 'cueMarked',
};

/** The underline line style of each claim category (as painted in the page). */
export const CLAIM_LINE: Record<ClaimKind, 'solid' | 'double' | 'dotted' | 'wavy'> = {
  fact: 'solid',
  commitment: 'double',
  assessment: 'dotted',
  warning: 'wavy',
};

export const CATEGORY_LABEL: Record<HighlightCategory, MessageKey> = {
  'entity-person': ENTITY_KIND_LABEL.person,
  'entity-organisation': ENTITY_KIND_LABEL.organisation,
  'entity-place': ENTITY_KIND_LABEL.place,
  'entity-thing': ENTITY_KIND_LABEL.thing,
  'entity-event': ENTITY_KIND_LABEL.event,
  'claim-fact': CLAIM_KIND_PLURAL.fact,
  'claim-commitment': CLAIM_KIND_PLURAL.commitment,
  'claim-assessment': CLAIM_KIND_PLURAL.assessment,
  'claim-warning': CLAIM_KIND_PLURAL.warning,
  'note-highlight': 'categoryMyHighlights',
  'note-comment': 'categoryMyNotes',
};

export const SOURCE_KIND_LABEL: Record<SourceKind, MessageKey> = {
  post: 'sourceKindPost',
  statement: 'sourceKindStatement',
  interview: 'sourceKindInterview',
  readout: 'sourceKindReadout',
  remarks: 'sourceKindRemarks',
};

export const CITATION_ROLE_LABEL: Record<CitationRole, MessageKey> = {
  original: 'citationOriginal',
  reproduction: 'citationReproduction',
};

/** Why one of the reader's notes is not placed on its page (the anchoring engine's reason). */
export const NOTE_UNPLACED_LABEL: Record<(typeof NOTE_UNPLACED_REASONS)[number], MessageKey> = {
  'not-found': 'noteReasonNotFound',
  'below-threshold': 'noteReasonBelowThreshold',
  ambiguous: 'noteReasonAmbiguous',
  'empty-quote': 'noteReasonEmptyQuote',
};
