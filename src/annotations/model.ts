/**
 * The Gloss annotation model, version 1.
 *
 * A *pack* (compiled from the folder `src/annotations/packs/<article-id>/`, see `authoring/`) holds one known article and everything Gloss
 * says about it: the entities it mentions, the claims made in it (and who makes them), the dated
 * events it reports, and the topics (threads) it runs through.
 *
 * The model follows the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/):
 * every annotation *targets* a span of the article through a TextQuoteSelector (the exact words
 * plus some context) and a TextPositionSelector (offsets), so it can be anchored in any page that
 * carries the article, and exported as Web Annotation JSON-LD (see `export-jsonld.ts`).
 *
 * ## The canonical text and offsets
 *
 * The canonical text of an article is `article.text.paragraphs.map((p) => p.text).join('\n\n')`
 * (see `canonicalText()` in `text.ts`). Every TextPositionSelector `start`/`end` is an offset in
 * UTF-16 code units (JavaScript string indices) into that canonical text, `start` inclusive, `end`
 * exclusive, so `canonical.slice(start, end) === quote.exact`. `prefix`/`suffix` are the (up to)
 * 32 code units of canonical text immediately before/after the quote, cut short at the start/end
 * of the text; they may cross paragraph breaks ("\n\n").
 *
 * ## Nesting and overlaps
 *
 * Annotations of different categories may overlap freely. The categories are: entity mentions of
 * each entity kind (person, organisation, place, thing, event: one category each), claims (all
 * kinds together) and timeline events. So "US" (place) may be annotated inside
 * "US President Donald Trump" (person), and "Chinese" (place, demonym) inside
 * "Chinese Foreign Ministry" (organisation). Two annotations of the same category must not
 * overlap unless one of them lists the other's id in `allowOverlap`.
 *
 * Names that contain another name without referring to it are not split: "East China Sea" is one
 * mention of the sea, not a mention of China.
 *
 * Versioning: `schemaVersion` is 1. Changes to version 1 are additive only (new optional fields,
 * new union members are announced in the changelog of this file).
 */

export const SCHEMA_VERSION = 1 as const;

// ---------------------------------------------------------------------------------------------
// Selectors and targets
// ---------------------------------------------------------------------------------------------

/** W3C TextQuoteSelector: the exact words, with context before and after. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  /** The quoted span, exactly as in the canonical text (non-empty). */
  exact: string;
  /** Up to 32 UTF-16 code units of canonical text right before `exact` ('' at the text start). */
  prefix: string;
  /** Up to 32 UTF-16 code units of canonical text right after `exact` ('' at the text end). */
  suffix: string;
}

/** W3C TextPositionSelector: UTF-16 offsets into the canonical text; `end` is exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Where an annotation points: a span of the article's canonical text, by quote and position. */
export interface Target {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** How precise a date is. */
export type DatePrecision = 'day' | 'month' | 'year';
export const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'year'] as const;

/**
 * A calendar date of a given precision. `value` is ISO 8601 and has exactly the precision's
 * shape: 'day' → 'YYYY-MM-DD', 'month' → 'YYYY-MM', 'year' → 'YYYY'.
 */
export interface PartialDate {
  value: string;
  precision: DatePrecision;
}

// ---------------------------------------------------------------------------------------------
// Article
// ---------------------------------------------------------------------------------------------

export type ParagraphRole = 'standfirst' | 'body' | 'subheading';
export const PARAGRAPH_ROLES: readonly ParagraphRole[] = ['standfirst', 'body', 'subheading'];

export interface Paragraph {
  /** 'p0', 'p1', ... in order. */
  id: string;
  role: ParagraphRole;
  /** The paragraph's text, without line breaks. */
  text: string;
}

/** House style of a site: UK ("Mr Trump", "soya beans", "licences") or US ("Trump", "soybeans"). */
export type SiteStyle = 'uk' | 'us';

/** A site that carries the article and on which Gloss runs by default. */
export interface Site {
  /** Host name, e.g. 'www.straitstimes.com'. */
  host: string;
  /** Display name, e.g. 'The Straits Times'. */
  name: string;
  /** Extension match patterns, e.g. 'https://www.straitstimes.com/*'. */
  matches: string[];
  /** Known URLs of the article on this site ([] when not known). */
  urls: string[];
  style: SiteStyle;
}

/** When the article was published, to the precision known, and how that was established. */
export interface Published {
  /** ISO 8601 date with the shape of `precision` (see PartialDate). */
  date: string;
  precision: DatePrecision;
  /** How the date was derived (stated, inferred, from what). */
  note: string;
}

export interface Article {
  /** Stable id, also the pack's file name: e.g. '2025-11-24-trump-xi-call'. */
  id: string;
  headline: string;
  /** Where the headline comes from and anything uncertain about it. */
  headlineNote?: string;
  standfirst: string;
  language: 'en';
  published: Published;
  /** Wire agency credited for the story, e.g. 'Bloomberg'. */
  wireCredit?: string;
  /** The publication the canonical text was taken from, e.g. 'The Straits Times'. */
  publisher: string;
  canonicalUrl: string;
  sites: Site[];
  text: { paragraphs: Paragraph[] };
}

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

/**
 * What an entity is.
 *  - person: a named person ("Donald Trump", "Sanae Takaichi").
 *  - organisation: a body, institution, government department, company, media outlet, armed
 *    force ("Chinese Foreign Ministry", "CBS News", "Trump administration", "US forces").
 *  - place: a geographical or geopolitical entity: country, city, region, sea ("China", "Tokyo",
 *    "East China Sea"). A country's government referred to by the country or its capital is a
 *    mention of the country ("Beijing agree to remove..." → China, form 'metonym').
 *  - thing: products, commodities, technologies, weapons, media works: "soya beans",
 *    "rare earths", "critical minerals", "fentanyl", "AI chips", "seafood", "missiles",
 *    "60 Minutes" (a television programme).
 *  - event: something that happens or happened: a war, a meeting, a call, an agreement, a row
 *    ("World War II", "the Nov 24 call", "the tariff truce").
 */
export type EntityKind = 'person' | 'organisation' | 'place' | 'thing' | 'event';
export const ENTITY_KINDS: readonly EntityKind[] = [
  'person',
  'organisation',
  'place',
  'thing',
  'event',
] as const;

/**
 * How a mention refers to its entity.
 *  - name: the name alone ("Taiwan", "Donald Trump", "Trump" in "Trump administration").
 *  - title-and-name: a title with the name ("US President Donald Trump").
 *  - honorific: honorific and name ("Mr Trump", "Ms Takaichi").
 *  - title: a title without the name ("The US President").
 *  - reference: a descriptive reference ("The US leader", "the ministry", "the island").
 *  - metonym: a name standing for something else ("Beijing" for the Chinese government,
 *    "Tokyo" for Japan's, "Washington" for the US government).
 *  - demonym: the adjective of a place ("Chinese" in "Chinese goods" → China).
 * Pronouns ("he", "they") and collective references to several entities ("the two leaders",
 * "both countries") are not mentions.
 */
export type MentionForm =
  | 'name'
  | 'title-and-name'
  | 'honorific'
  | 'title'
  | 'reference'
  | 'metonym'
  | 'demonym';
export const MENTION_FORMS: readonly MentionForm[] = [
  'name',
  'title-and-name',
  'honorific',
  'title',
  'reference',
  'metonym',
  'demonym',
] as const;

export interface Mention {
  /** Unique in the pack, e.g. 'm-trump-3'. */
  id: string;
  target: Target;
  form: MentionForm;
  /** Ids of same-category annotations this one is declared to overlap. */
  allowOverlap?: string[];
}

export interface Entity {
  /** Unique in the pack, e.g. 'trump'. */
  id: string;
  kind: EntityKind;
  /** Canonical name, e.g. 'Donald Trump'. */
  name: string;
  /** Role as the article gives it, e.g. 'US President'. */
  role?: string;
  /** Short, neutral description drawn only from the article. */
  description: string;
  /** Every mention of the entity in the canonical text, in text order. */
  mentions: Mention[];
  /** Authoring decisions worth recording (e.g. why a span is or is not a mention). */
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------------

/**
 * What a claim does.
 *  - fact: a statement of fact (something is or happened).
 *  - commitment: a commitment, pledge, plan or intention.
 *  - assessment: an assessment, opinion, characterisation or position.
 *  - warning: a warning, risk or prediction.
 * Kinds describe the statement, never its truth: Gloss gives no verdicts.
 */
export type ClaimKind = 'fact' | 'commitment' | 'assessment' | 'warning';
export const CLAIM_KINDS: readonly ClaimKind[] = [
  'fact',
  'commitment',
  'assessment',
  'warning',
] as const;

/**
 * How the article attributes a claim.
 *  - direct-quote: the speaker's words in quotation marks (wholly or partly).
 *  - reported-speech: the speaker's words paraphrased ("Mr Trump said that...").
 *  - official-statement: from an official statement ("according to a Chinese Foreign Ministry
 *    statement"); `said.via` names the body that issued it.
 *  - anonymous-sources: unnamed sources ("according to people familiar with the matter").
 *  - reporter-background: stated by the reporter without attribution, as fact or context.
 *  - reporter-analysis: the reporter's own interpretation, assessment or prediction.
 */
export type Attribution =
  | 'direct-quote'
  | 'reported-speech'
  | 'official-statement'
  | 'anonymous-sources'
  | 'reporter-background'
  | 'reporter-analysis';
export const ATTRIBUTIONS: readonly Attribution[] = [
  'direct-quote',
  'reported-speech',
  'official-statement',
  'anonymous-sources',
  'reporter-background',
  'reporter-analysis',
] as const;

/** Who makes a claim: a known entity, someone the article leaves unnamed, or the reporter. */
export type Speaker =
  | { type: 'entity'; entity: string }
  | { type: 'unnamed'; description: string }
  | { type: 'reporter' };

/** How, when and through whom a claim was made, as the article says. */
export interface Said {
  /** As the article words it: 'posted on social media', 'a Bloomberg Television interview'. */
  medium?: string;
  date?: PartialDate;
  /** Entity through which the words reached the article (a ministry, a broadcaster). */
  via?: string;
}

export interface Claim {
  /** Unique in the pack, e.g. 'c-05'. */
  id: string;
  kind: ClaimKind;
  /** The span stating the claim (without the attribution phrase where they are separable). */
  target: Target;
  speaker: Speaker;
  attribution: Attribution;
  said?: Said;
  /** Ids of the entities the claim is about. */
  involves: string[];
  /** Ids of the topics the claim belongs to. */
  topics: string[];
  /** The attribution phrase ("Mr Trump said", "according to a ... statement"), if any. */
  cue?: Target;
  allowOverlap?: string[];
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

export interface TimelineDate extends PartialDate {
  /** The words of the text the date was resolved from: 'Nov 24', 'in April', 'earlier in November'. */
  resolvedFrom: string;
  /** How the date was resolved, when it is not obvious. */
  note?: string;
}

export interface TimelineEvent {
  id: string;
  /** Neutral label, drawn from the article. */
  label: string;
  date: TimelineDate;
  /** The words that date the event (first occurrence). */
  target: Target;
  /** Further places in the text where the same event is dated. */
  otherTargets?: Target[];
  /** Ids of the entities taking part. */
  entities: string[];
  /** Ids of claims that report the event. */
  claims?: string[];
  allowOverlap?: string[];
}

// ---------------------------------------------------------------------------------------------
// Topics, exclusions, pack
// ---------------------------------------------------------------------------------------------

/** A thread running through the article ("Taiwan", "rare earths"). */
export interface Topic {
  id: string;
  label: string;
  /** Ids of the paragraphs the topic runs through, in text order. */
  paragraphs: string[];
  /** Ids of the claims about it (the same set as the claims listing this topic). */
  claims: string[];
}

/** A deliberate non-annotation: text the coverage check would flag, and why it is left out. */
export interface Exclusion {
  /** The words (every occurrence in the canonical text is excused). */
  text: string;
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Sources: where the article's quoted and reported words were first said or published
// ---------------------------------------------------------------------------------------------

/** What a source is. */
export type SourceKind = 'post' | 'statement' | 'interview' | 'readout' | 'remarks';
export const SOURCE_KINDS: readonly SourceKind[] = [
  'post',
  'statement',
  'interview',
  'readout',
  'remarks',
] as const;

/** A citation's part in establishing a source: the original itself, or a reproduction of it. */
export type CitationRole = 'original' | 'reproduction';
export const CITATION_ROLES: readonly CitationRole[] = ['original', 'reproduction'] as const;

/** A public page that establishes (part of) a source. */
export interface Citation {
  /** Absolute https address. */
  url: string;
  /** Who published the page: 'CNA', 'The Independent'. */
  outlet: string;
  role: CitationRole;
  /** In our own words: which part the page carries, how its typography differs. */
  note?: string;
}

/**
 * A passage of a source: the speaker's words, exactly as the citations give them. A quotation,
 * never an outlet's own sentence; `citations` are the pages that reproduce these words (at least
 * two independent outlets), and the original where it exists.
 */
export interface SourcePassage {
  /** Unique in its source, e.g. 'p1'. */
  id: string;
  text: string;
  /** Who the words are by, as a display name ('Donald Trump', 'Chinese Foreign Ministry'). */
  speaker: string;
  citations: Citation[];
  note?: string;
}

/** A claim of the article that rests on a source, and the words of the source it uses. */
export interface SourceUse {
  claim: string;
  /** The passage carrying the words the claim quotes or reports; absent when none was found. */
  passage?: string;
  /**
   * The part of the passage the article uses (marked in the fuller wording). For a direct quote
   * it contains the article's quoted words (quotes and case normalised).
   */
  marked?: string;
  note?: string;
}

/** One search made for a part of the public record. */
export interface Search {
  corpus: 'pages' | 'docs' | 'issues' | 'code';
  query: string;
}

/** A part of a source that is not found in the public record (or not in the stored pages). */
export interface SourceGap {
  /** What was looked for, in our own words. */
  what: string;
  searched: Search[];
  /** What turned up instead, if anything, in our own words. */
  found?: string;
}

export interface Source {
  /** Unique in the pack's sources, e.g. 'src-trump-post'. */
  id: string;
  kind: SourceKind;
  /** Who issued it, as a display name. */
  issuer: string;
  /** The pack entity that issued it, when there is one. */
  issuerEntity?: string;
  date: PartialDate;
  /** Where it was published or broadcast, in our own words. */
  publishedIn: string;
  /** What the source is, in our own words (never an outlet's sentence). */
  description: string;
  /** Pages that establish the source: the original where it exists, and reproductions. */
  citations: Citation[];
  passages: SourcePassage[];
  uses: SourceUse[];
  gaps?: SourceGap[];
}

/** Claims whose source was searched for and not found in the public record. */
export interface SourceNotFound {
  id: string;
  claims: string[];
  /** What was looked for, in our own words. */
  subject: string;
  searched: Search[];
  found?: string;
}

/** One account among several of the same thing. */
export interface Account {
  /** Whose account: 'Mr Trump’s post', 'The Chinese readout'. */
  label: string;
  /** The pack source giving this account, when it is one. */
  source?: string;
  /** What this account says, in our own words. */
  says: string;
  /** A speaker's own words in this account, exactly as the citations give them. */
  quote?: string;
  citations: Citation[];
}

/** Accounts of the same thing that differ, shown side by side without comment. */
export interface SourceComparison {
  id: string;
  /** What the accounts are of, in our own words. */
  subject: string;
  accounts: Account[];
}

/** Everything the pack records about the article's sources. */
export interface PackSources {
  sources: Source[];
  notFound: SourceNotFound[];
  comparisons: SourceComparison[];
}

export interface Pack {
  schemaVersion: typeof SCHEMA_VERSION;
  article: Article;
  entities: Entity[];
  claims: Claim[];
  timeline: TimelineEvent[];
  topics: Topic[];
  exclusions: Exclusion[];
  /** Where the article's quoted and reported words come from (optional, additive). */
  sources?: PackSources;
}
