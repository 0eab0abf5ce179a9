/**
 * Runtime schema (valibot) of the pack format described in `model.ts`: shapes, types, enums and
 * length limits. Semantic rules (references, selectors against the text, dates, overlaps, hostile
 * strings) live in `validate.ts`.
 */
import * as v from 'valibot';
import {
  ATTRIBUTIONS,
  CITATION_ROLES,
  CLAIM_KINDS,
  DATE_PRECISIONS,
  ENTITY_KINDS,
  MENTION_FORMS,
  PARAGRAPH_ROLES,
  type Pack,
  SCHEMA_VERSION,
  SOURCE_KINDS,
} from './model';

/** Longest accepted paragraph text or quote, in UTF-16 code units. */
export const MAX_TEXT_LENGTH = 5000;
/** Longest accepted string of any other kind. */
export const MAX_STRING_LENGTH = 1000;
/** Longest accepted id. */
export const MAX_ID_LENGTH = 64;
/** Largest accepted number of items in any list. */
export const MAX_ITEMS = 5000;

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const str = (max = MAX_STRING_LENGTH) =>
  v.pipe(
    v.string(),
    v.maxLength(max, (i) => `is ${i.received} characters long; expected at most ${max}`),
  );
const nonEmpty = (max = MAX_STRING_LENGTH) => v.pipe(str(max), v.minLength(1, 'is empty'));
const id = v.pipe(
  v.string(),
  v.maxLength(MAX_ID_LENGTH, `is too long; expected an id of at most ${MAX_ID_LENGTH} characters`),
  v.regex(ID_PATTERN, 'is not a valid id; expected lowercase letters, digits and hyphens'),
);
const list = <T extends v.GenericSchema>(item: T) =>
  v.pipe(
    v.array(item),
    v.maxLength(MAX_ITEMS, `has too many items; expected at most ${MAX_ITEMS}`),
  );
const offset = v.pipe(
  v.number(),
  v.integer('is not an integer; expected a whole number of UTF-16 code units'),
  v.minValue(0, 'is negative; expected an offset of 0 or more'),
);

export const TextQuoteSelectorSchema = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: nonEmpty(MAX_TEXT_LENGTH),
  prefix: str(),
  suffix: str(),
});

export const TextPositionSelectorSchema = v.strictObject({
  type: v.literal('TextPositionSelector'),
  start: offset,
  end: offset,
});

export const TargetSchema = v.strictObject({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
});

const precision = v.picklist(DATE_PRECISIONS);
export const PartialDateSchema = v.strictObject({ value: nonEmpty(10), precision });

const SiteSchema = v.strictObject({
  host: nonEmpty(253),
  name: nonEmpty(),
  matches: list(nonEmpty()),
  urls: list(nonEmpty(2048)),
  style: v.picklist(['uk', 'us']),
});

export const ArticleSchema = v.strictObject({
  id,
  headline: nonEmpty(),
  headlineNote: v.optional(nonEmpty()),
  standfirst: str(MAX_TEXT_LENGTH),
  language: v.literal('en'),
  published: v.strictObject({ date: nonEmpty(10), precision, note: nonEmpty() }),
  wireCredit: v.optional(nonEmpty()),
  publisher: nonEmpty(),
  canonicalUrl: nonEmpty(2048),
  sites: v.pipe(list(SiteSchema), v.minLength(1, 'is empty; expected at least one site')),
  text: v.strictObject({
    paragraphs: v.pipe(
      list(
        v.strictObject({
          id: nonEmpty(16),
          role: v.picklist(PARAGRAPH_ROLES),
          text: nonEmpty(MAX_TEXT_LENGTH),
        }),
      ),
      v.minLength(1, 'is empty; expected at least one paragraph'),
    ),
  }),
});

const allowOverlap = v.optional(list(id));

export const MentionSchema = v.strictObject({
  id,
  target: TargetSchema,
  form: v.picklist(MENTION_FORMS),
  allowOverlap,
});

export const EntitySchema = v.strictObject({
  id,
  kind: v.picklist(ENTITY_KINDS),
  name: nonEmpty(),
  role: v.optional(nonEmpty()),
  description: nonEmpty(),
  mentions: list(MentionSchema),
  note: v.optional(nonEmpty()),
});

export const SpeakerSchema = v.variant('type', [
  v.strictObject({ type: v.literal('entity'), entity: id }),
  v.strictObject({ type: v.literal('unnamed'), description: nonEmpty() }),
  v.strictObject({ type: v.literal('reporter') }),
]);

export const ClaimSchema = v.strictObject({
  id,
  kind: v.picklist(CLAIM_KINDS),
  target: TargetSchema,
  speaker: SpeakerSchema,
  attribution: v.picklist(ATTRIBUTIONS),
  said: v.optional(
    v.strictObject({
      medium: v.optional(nonEmpty()),
      date: v.optional(PartialDateSchema),
      via: v.optional(id),
    }),
  ),
  involves: list(id),
  topics: list(id),
  cue: v.optional(TargetSchema),
  allowOverlap,
  note: v.optional(nonEmpty()),
});

export const TimelineEventSchema = v.strictObject({
  id,
  label: nonEmpty(),
  date: v.strictObject({
    value: nonEmpty(10),
    precision,
    resolvedFrom: nonEmpty(),
    note: v.optional(nonEmpty()),
  }),
  target: TargetSchema,
  otherTargets: v.optional(list(TargetSchema)),
  entities: list(id),
  claims: v.optional(list(id)),
  allowOverlap,
});

export const TopicSchema = v.strictObject({
  id,
  label: nonEmpty(),
  paragraphs: list(nonEmpty(16)),
  claims: list(id),
});

export const ExclusionSchema = v.strictObject({ text: nonEmpty(), reason: nonEmpty() });

const CitationSchema = v.strictObject({
  url: nonEmpty(2048),
  outlet: nonEmpty(),
  role: v.picklist(CITATION_ROLES),
  note: v.optional(nonEmpty()),
});

const SearchSchema = v.strictObject({
  corpus: v.picklist(['pages', 'docs', 'issues', 'code']),
  query: nonEmpty(),
});
const searches = v.pipe(list(SearchSchema), v.minLength(1, 'is empty; expected the searches made'));

export const SourceSchema = v.strictObject({
  id,
  kind: v.picklist(SOURCE_KINDS),
  issuer: nonEmpty(),
  issuerEntity: v.optional(id),
  date: PartialDateSchema,
  publishedIn: nonEmpty(),
  description: nonEmpty(),
  citations: list(CitationSchema),
  passages: list(
    v.strictObject({
      id,
      text: nonEmpty(MAX_TEXT_LENGTH),
      speaker: nonEmpty(),
      citations: list(CitationSchema),
      note: v.optional(nonEmpty()),
    }),
  ),
  uses: v.pipe(
    list(
      v.strictObject({
        claim: id,
        passage: v.optional(id),
        marked: v.optional(nonEmpty(MAX_TEXT_LENGTH)),
        note: v.optional(nonEmpty()),
      }),
    ),
    v.minLength(1, 'is empty; expected the claims that rest on this source'),
  ),
  gaps: v.optional(
    list(v.strictObject({ what: nonEmpty(), searched: searches, found: v.optional(nonEmpty()) })),
  ),
});

export const SourcesSchema = v.strictObject({
  sources: list(SourceSchema),
  notFound: list(
    v.strictObject({
      id,
      claims: v.pipe(list(id), v.minLength(1, 'is empty; expected the claims concerned')),
      subject: nonEmpty(),
      searched: searches,
      found: v.optional(nonEmpty()),
    }),
  ),
  comparisons: list(
    v.strictObject({
      id,
      subject: nonEmpty(),
      accounts: v.pipe(
        list(
          v.strictObject({
            label: nonEmpty(),
            source: v.optional(id),
            says: nonEmpty(),
            quote: v.optional(nonEmpty(MAX_TEXT_LENGTH)),
            citations: list(CitationSchema),
          }),
        ),
        v.minLength(2, 'has fewer than two accounts; a comparison needs at least two'),
      ),
    }),
  ),
});

export const PackSchema = v.strictObject({
  schemaVersion: v.literal(SCHEMA_VERSION),
  article: ArticleSchema,
  entities: list(EntitySchema),
  claims: list(ClaimSchema),
  timeline: list(TimelineEventSchema),
  topics: list(TopicSchema),
  exclusions: list(ExclusionSchema),
  sources: v.optional(SourcesSchema),
});

// The schema and the hand-written model must describe the same data.
type Output = v.InferOutput<typeof PackSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesModel: Same<Output, Pack> = true;
void schemaMatchesModel;
