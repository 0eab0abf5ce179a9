/**
 * The typed message protocol: every message Gloss sends between its contexts, per direction, as
 * valibot schemas with the types inferred from them. Receivers never trust a message: they parse
 * it with the schema of what may reach them, which rejects anything else and drops unknown fields.
 *
 * Senders import only the types (`import type`, see ./send.ts), so the gate, which runs on every
 * page of a supported site, carries no validator.
 */
import * as v from 'valibot';
import { RECOGNISED_BY } from '../detection/detect';
import { HIGHLIGHT_CATEGORIES } from '../highlights/categories';
import { ORPHAN_REASONS } from '../highlights/orphans';

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
/** The gate found a candidate article: inject the engine into this tab. */
const CandidateMessage = v.object({ type: v.literal('gloss/candidate'), articleId: Id });
const GetTabStateMessage = v.object({ type: v.literal('gloss/get-tab-state'), tabId: TabId });
const CheckPageMessage = v.object({ type: v.literal('gloss/check-page'), tabId: TabId });
const RevealMessage = v.object({
  type: v.literal('gloss/reveal'),
  annotationId: Id,
  occurrence: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** Content script → background. */
export const ContentToBackgroundSchema = v.variant('type', [PageStateMessage, CandidateMessage]);
export type ContentToBackground = v.InferOutput<typeof ContentToBackgroundSchema>;

/** Popup / side panel → background. */
export const UiToBackgroundSchema = v.variant('type', [GetTabStateMessage, CheckPageMessage]);
export type UiToBackground = v.InferOutput<typeof UiToBackgroundSchema>;

/** Popup / side panel → content script (sent through tabs.sendMessage). */
export const UiToContentSchema = RevealMessage;
export type UiToContent = v.InferOutput<typeof UiToContentSchema>;

/** Everything the background answers: from its content scripts and from its own pages. */
export const ToBackgroundSchema = v.variant('type', [
  PageStateMessage,
  CandidateMessage,
  GetTabStateMessage,
  CheckPageMessage,
]);
export type ToBackground = v.InferOutput<typeof ToBackgroundSchema>;

/** The answers, by request type. */
export const CheckPageReplySchema = v.object({ ok: v.boolean() });
export interface Replies {
  'gloss/page-state': null;
  'gloss/candidate': null;
  'gloss/get-tab-state': PageState;
  'gloss/check-page': v.InferOutput<typeof CheckPageReplySchema>;
  /** Whether the page had the annotation to show. */
  'gloss/reveal': boolean;
}

/** The engine's port to the background: open only so the engine learns when Gloss goes away. */
export const ENGINE_PORT = 'gloss-engine';

/**
 * The reader asked Gloss to check this page (popup button, context menu): the background sets
 * `globalThis[Symbol.for(REQUESTED_FLAG)] = true` in the content scripts' world just before it
 * injects the engine, which takes the flag once (a later automatic look is not a request). A
 * script injection, not a message: the engine may not be on the page yet to receive one.
 */
export const REQUESTED_FLAG = 'gloss.requested';

/** `raw` as a message of `schema`'s kind, or null if it is anything else. */
export function parse<S extends v.GenericSchema>(schema: S, raw: unknown): v.InferOutput<S> | null {
  const result = v.safeParse(schema, raw);
  return result.success ? result.output : null;
}
