/**
 * The schema (valibot) of the YAML files of a pack folder: shapes, enums and the fields each
 * object may have. What the fields mean is the model's (`../model.ts`); what is written
 * differently in the source than in the compiled pack:
 *  - quotes locate spans (`Anchor`), the compiler turns them into selectors;
 *  - dates are strings whose shape gives their precision: '2025-11-24', '2025-11', '2025';
 *  - a speaker is `reporter`, `{ entity: <id> }` or `{ unnamed: <who> }`;
 *  - a mention is either explicit (`id` + anchor) or `all: <quote>` (every occurrence, ids derived);
 *  - `draft: <how it was found>` marks what a person has not reviewed yet (`npm run pack:draft`).
 * Cross-references, ids and the text itself are checked on the compiled pack (`../validate.ts`),
 * whose errors are mapped back to the source lines.
 */
import * as v from 'valibot';
import { ATTRIBUTIONS, CLAIM_KINDS, ENTITY_KINDS, MENTION_FORMS } from '../model';

const text = v.pipe(v.string(), v.minLength(1, 'is empty'));
const ids = v.array(text);
const draft = v.optional(text);
const allowOverlap = v.optional(ids);
const date = v.pipe(
  v.string('is not a date in quotes'),
  v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'is not a date like 2025-11-24, 2025-11 or 2025'),
);

const AnchorObject = v.strictObject({
  quote: text,
  para: v.optional(text),
  nth: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  within: v.optional(text),
});
/** A span of the text: its exact words, narrowed to a paragraph, a longer phrase or the nth hit. */
export const AnchorSchema = v.union(
  [text, AnchorObject],
  'is not a quote; expected the exact words, or { quote, para?, nth?, within? }',
);
export type Anchor = v.InferOutput<typeof AnchorSchema>;

export const MentionSourceSchema = v.strictObject({
  id: v.optional(text),
  form: v.picklist(MENTION_FORMS),
  quote: v.optional(text),
  para: v.optional(text),
  nth: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  within: v.optional(text),
  all: v.optional(text),
  allowOverlap,
  draft,
});
export type MentionSource = v.InferOutput<typeof MentionSourceSchema>;

export const EntitySourceSchema = v.strictObject({
  id: text,
  kind: v.picklist(ENTITY_KINDS),
  name: text,
  role: v.optional(text),
  description: text,
  note: v.optional(text),
  mentions: v.array(MentionSourceSchema),
  draft,
});
export type EntitySource = v.InferOutput<typeof EntitySourceSchema>;

export const SpeakerSourceSchema = v.union(
  [v.literal('reporter'), v.strictObject({ entity: text }), v.strictObject({ unnamed: text })],
  'is not a speaker; expected reporter, { entity: <id> } or { unnamed: <who> }',
);

export const ClaimSourceSchema = v.strictObject({
  id: text,
  kind: v.picklist(CLAIM_KINDS),
  target: AnchorSchema,
  cue: v.optional(AnchorSchema),
  speaker: SpeakerSourceSchema,
  attribution: v.picklist(ATTRIBUTIONS),
  said: v.optional(
    v.strictObject({ medium: v.optional(text), date: v.optional(date), via: v.optional(text) }),
  ),
  involves: ids,
  topics: ids,
  note: v.optional(text),
  allowOverlap,
  draft,
});
export type ClaimSource = v.InferOutput<typeof ClaimSourceSchema>;

export const TimelineSourceSchema = v.strictObject({
  id: text,
  label: text,
  date,
  dateNote: v.optional(text),
  /** The words the date was resolved from, when not the target's words. */
  resolvedFrom: v.optional(text),
  target: AnchorSchema,
  otherTargets: v.optional(v.array(AnchorSchema)),
  entities: ids,
  claims: v.optional(ids),
  allowOverlap,
  draft,
});
export type TimelineSource = v.InferOutput<typeof TimelineSourceSchema>;

export const TopicSourceSchema = v.strictObject({ id: text, label: text, paragraphs: ids });
export const ExclusionSourceSchema = v.strictObject({ text, reason: text });

export const ArticleSourceSchema = v.strictObject({
  draft,
  headline: text,
  headlineNote: v.optional(text),
  language: v.literal('en'),
  published: v.strictObject({ date, note: text }),
  wireCredit: v.optional(text),
  publisher: text,
  canonicalUrl: text,
  sites: v.array(
    v.strictObject({
      host: text,
      name: text,
      matches: ids,
      urls: v.array(text),
      style: v.picklist(['uk', 'us']),
    }),
  ),
});
export type ArticleSource = v.InferOutput<typeof ArticleSourceSchema>;

/** The schema of each YAML file of the folder, by role (see `folder.ts`). */
export const YAML_FILE_SCHEMAS = {
  article: ArticleSourceSchema,
  entities: v.array(EntitySourceSchema),
  claims: v.array(ClaimSourceSchema),
  timeline: v.array(TimelineSourceSchema),
  topics: v.array(TopicSourceSchema),
  exclusions: v.array(ExclusionSourceSchema),
  // Written as in the compiled pack (no quotes to locate); its rules are the pack's
  // (`../validate-sources.ts`), checked on the compiled pack and mapped back to the lines.
  sources: v.unknown(),
} as const;

export type YamlFileRole = keyof typeof YAML_FILE_SCHEMAS;
export type YamlFileContent = { [R in YamlFileRole]: v.InferOutput<(typeof YAML_FILE_SCHEMAS)[R]> };

/** Precision of a source date, read from its shape. */
export function precisionOf(value: string): 'day' | 'month' | 'year' {
  return value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';
}
