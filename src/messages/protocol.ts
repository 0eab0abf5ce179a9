/**
 * The typed message protocol: every message Gloss sends between its contexts, per direction, as
 * valibot schemas with the types inferred from them. Receivers never trust a message: they parse
 * it with the schema of what may reach them, which rejects anything else and drops unknown fields.
 *
 * Senders import only the types (`import type`, see ./send.ts), so the gate, which runs on every
 * page of a supported site, carries no validator.
 */
import * as v from 'valibot';
import type { UnanchoredReason } from '../anchoring';
import { RECOGNISED_BY } from '../detection/detect';
import { PAGE_KINDS, PROBE_MAX_CHARS } from '../detection/probe';
import { HIGHLIGHT_CATEGORIES } from '../highlights/categories';
import { ORPHAN_REASONS } from '../highlights/orphans';
import { NoteIdSchema } from '../notes/model';

/** An annotation or article id: short, and nothing that could be markup. */
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.regex(/^[\w.:-]+$/));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * Why Gloss could not look at a page, as a code the UI puts in words: the browser refused to let
 * Gloss read the page; the engine failed on it; the background did not answer the popup or side
 * panel (set by the UI itself).
 */
export const PAGE_ERRORS = ['page-unreadable', 'engine-failed', 'no-answer'] as const;
export type PageError = (typeof PAGE_ERRORS)[number];

export const PageStateSchema = v.variant('status', [
  v.object({ status: v.literal('none') }),
  v.object({ status: v.literal('loading'), articleId: Id }),
  v.object({
    status: v.picklist(['article', 'partial']),
    articleId: Id,
    recognisedBy: v.picklist(RECOGNISED_BY),
    /** Annotation ids anchored on the page, by highlight category (e.g. 'entity-person'). */
    anchored: v.record(v.picklist(HIGHLIGHT_CATEGORIES), v.array(Id)),
    /** Annotations not found on this page, with the reason. */
    orphans: v.array(v.object({ id: Id, reason: v.picklist(ORPHAN_REASONS) })),
  }),
  v.object({
    status: v.literal('error'),
    reason: v.picklist(PAGE_ERRORS),
    /** The browser's own words for what failed, shown as a technical detail. */
    detail: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
]);
/** What the content script found on its page. */
export type PageState = v.InferOutput<typeof PageStateSchema>;

const PageStateMessage = v.object({ type: v.literal('gloss/page-state'), state: PageStateSchema });
/** A URL as a page reports it (its own, its canonical link, og:url, JSON-LD url). */
const Url = v.pipe(v.string(), v.maxLength(4096));

/** What the gate reads of a page's head, sent once per page (the first probe). */
export const ProbeMetadataSchema = v.object({
  canonical: v.optional(Url),
  ogUrl: v.optional(Url),
  jsonLdUrl: v.optional(Url),
  /** og:title, JSON-LD headline, h1: what the page calls itself (may be rewritten). */
  titles: v.pipe(v.array(v.pipe(v.string(), v.maxLength(500))), v.maxLength(3)),
  kind: v.picklist(PAGE_KINDS),
});
export type ProbeMetadata = v.InferOutput<typeof ProbeMetadataSchema>;

/**
 * The gate's question: is this page one of the catalogue's articles? Sent as the gate reads the
 * page: `seq` 0 carries the metadata and resets the page's count in the background; each probe
 * carries the page text read since the last one, as it is, in pieces (shingles do not run across
 * pieces): the background makes the shingles (detection/probe-text.ts), off the page's main thread.
 * `requested`: the reader asked Gloss to check this page (popup, context menu).
 * `done`: the gate has read all it will read; the background answers for good.
 */
const ProbeMessageSchema = v.object({
  type: v.literal('gloss/probe'),
  doc: v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/)),
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  url: Url,
  meta: v.optional(ProbeMetadataSchema),
  text: v.pipe(
    v.array(v.string()),
    v.maxLength(PROBE_MAX_CHARS),
    v.check(
      (pieces) => pieces.reduce((chars, piece) => chars + piece.length, 0) <= PROBE_MAX_CHARS,
      'a probe carries at most PROBE_MAX_CHARS characters',
    ),
  ),
  requested: v.boolean(),
  done: v.boolean(),
});
export type ProbeMessage = v.InferOutput<typeof ProbeMessageSchema>;

/** The background's answer to a probe. */
export const ProbeAnswerSchema = v.variant('verdict', [
  v.object({ verdict: v.literal('candidate'), articleId: Id, by: v.picklist(RECOGNISED_BY) }),
  /** Nothing yet: keep reading. */
  v.object({ verdict: v.literal('none') }),
  /** This background does not know the page's earlier probes (it was restarted): send all again. */
  v.object({ verdict: v.literal('resend') }),
]);
export type ProbeAnswer = v.InferOutput<typeof ProbeAnswerSchema>;

/**
 * What the background hands the engine it injects (through scripting.executeScript's `args`,
 * set before the engine's file runs): the candidate article, how it was found, for which URL
 * (an address or metadata match vouches for that URL only: a single-page app may move on),
 * and whether the reader asked. The article's pack comes beside it (packs/<id>.js).
 */
export const EngineCandidateSchema = v.object({
  articleId: Id,
  recognisedBy: v.picklist(RECOGNISED_BY),
  requested: v.boolean(),
  url: Url,
});
export type EngineCandidate = v.InferOutput<typeof EngineCandidateSchema>;
/** Where the injected engine finds its candidate (a global of the content script's world). */
export const ENGINE_CANDIDATE_KEY = 'gloss.candidate';
const GetTabStateMessage = v.object({ type: v.literal('gloss/get-tab-state'), tabId: TabId });
const CheckPageMessage = v.object({ type: v.literal('gloss/check-page'), tabId: TabId });
const RevealMessage = v.object({
  type: v.literal('gloss/reveal'),
  annotationId: Id,
  occurrence: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

// ---- The reader's notes (side panel ↔ the page's notes layer; page → background for site access)

/**
 * Why a note is not placed on its page: the anchoring engine's own reasons (UnanchoredReason),
 * listed once here for the message check; the type check below keeps the two the same.
 */
export const NOTE_UNPLACED_REASONS = [
  'not-found',
  'below-threshold',
  'ambiguous',
  'empty-quote',
] as const satisfies readonly UnanchoredReason[];
type MissingReason = Exclude<UnanchoredReason, (typeof NOTE_UNPLACED_REASONS)[number]>;
const everyReasonListed: MissingReason extends never ? true : false = true;
void everyReasonListed;

/** What the side panel asks the page: its notes, each placed, placed on edited words, or not found. */
const GetNotesMessage = v.object({ type: v.literal('gloss/get-notes') });
/** Scroll to one of the reader's notes and flash it (note ids are IRIs, not pack ids). */
const RevealNoteMessage = v.object({ type: v.literal('gloss/reveal-note'), noteId: NoteIdSchema });

export const NoteOnPageSchema = v.variant('state', [
  v.object({ id: NoteIdSchema, state: v.picklist(['anchored', 'edited']) }),
  v.object({
    id: NoteIdSchema,
    state: v.literal('orphan'),
    reason: v.picklist(NOTE_UNPLACED_REASONS),
  }),
]);
export type NoteOnPage = v.InferOutput<typeof NoteOnPageSchema>;
/**
 * The page's answer: which page its notes belong to (null while the engine has not read it), and
 * each of its notes in page order (placed ones by position, then the ones not found).
 */
export const NotesOnPageSchema = v.object({
  page: v.nullable(
    v.object({
      url: v.pipe(v.string(), v.maxLength(4_000)),
      title: v.pipe(v.string(), v.maxLength(1_000)),
      articleId: v.optional(Id),
    }),
  ),
  notes: v.pipe(v.array(NoteOnPageSchema), v.maxLength(20_000)),
});
export type NotesOnPage = v.InferOutput<typeof NotesOnPageSchema>;

/**
 * The page's notes layer, after the reader saved a note on a site Gloss does not come back to by
 * itself: does Gloss keep this site (`ask: false`), or open the page that asks the reader for it
 * (`ask: true`, from the reader's click). The site is the sender's, never a field of the message.
 */
const SiteAccessMessage = v.object({ type: v.literal('gloss/site-access'), ask: v.boolean() });
export const SiteAccessReplySchema = v.object({ kept: v.boolean() });

/** Content script → background. */
export const ContentToBackgroundSchema = v.variant('type', [
  PageStateMessage,
  ProbeMessageSchema,
  SiteAccessMessage,
]);
export type ContentToBackground = v.InferOutput<typeof ContentToBackgroundSchema>;

/** Popup / side panel → background. */
export const UiToBackgroundSchema = v.variant('type', [GetTabStateMessage, CheckPageMessage]);
export type UiToBackground = v.InferOutput<typeof UiToBackgroundSchema>;

/** Popup / side panel → content script (sent through tabs.sendMessage). */
export const UiToContentSchema = v.variant('type', [
  RevealMessage,
  RevealNoteMessage,
  GetNotesMessage,
]);
export type UiToContent = v.InferOutput<typeof UiToContentSchema>;

/** Everything the background answers: from its content scripts and from its own pages. */
export const ToBackgroundSchema = v.variant('type', [
  PageStateMessage,
  ProbeMessageSchema,
  SiteAccessMessage,
  GetTabStateMessage,
  CheckPageMessage,
]);
export type ToBackground = v.InferOutput<typeof ToBackgroundSchema>;

/** The answers, by request type. */
export const CheckPageReplySchema = v.object({ ok: v.boolean() });
export interface Replies {
  'gloss/page-state': null;
  'gloss/probe': ProbeAnswer;
  'gloss/get-tab-state': PageState;
  'gloss/check-page': v.InferOutput<typeof CheckPageReplySchema>;
  /** Whether the page had the annotation to show. */
  'gloss/reveal': boolean;
  'gloss/reveal-note': boolean;
  'gloss/get-notes': NotesOnPage;
  'gloss/site-access': v.InferOutput<typeof SiteAccessReplySchema>;
}

/** The engine's port to the background: open only so the engine learns when Gloss goes away. */
export const ENGINE_PORT = 'gloss-engine';

/** Names in the content scripts' world (the gate's handle, the reader's request): ./world-names.ts. */
export { GATE_HANDLE, GATE_REQUEST_FLAG } from './world-names';

/** `raw` as a message of `schema`'s kind, or null if it is anything else. */
export function parse<S extends v.GenericSchema>(schema: S, raw: unknown): v.InferOutput<S> | null {
  const result = v.safeParse(schema, raw);
  return result.success ? result.output : null;
}
