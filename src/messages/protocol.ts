/**
 * The typed message protocol: every message Gloss sends between its contexts, per direction.
 * Receivers never trust a message: `parse*` functions check the shape and reject anything else.
 */
import { RECOGNISED_BY, type RecognisedBy } from '../detection/detect';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from '../highlights/categories';
import { ORPHAN_REASONS, type OrphanReason } from '../highlights/orphans';

/** What the content script found on its page. */
export type PageState =
  | { status: 'none' }
  | { status: 'loading'; articleId: string }
  | {
      status: 'article' | 'partial';
      articleId: string;
      recognisedBy: RecognisedBy;
      /** Annotation ids anchored on the page, by highlight category (e.g. 'entity-person'). */
      anchored: Partial<Record<HighlightCategory, string[]>>;
      /** Annotations not found on this page, with the reason. */
      orphans: Array<{ id: string; reason: OrphanReason }>;
    }
  | { status: 'error'; message: string };

/** Content script → background. */
export type ContentToBackground =
  | { type: 'gloss/page-state'; state: PageState }
  /** The gate found a candidate article: inject the engine into this tab. */
  | { type: 'gloss/candidate'; articleId: string };

/** Popup / side panel → background. */
export type UiToBackground =
  | { type: 'gloss/get-tab-state'; tabId: number }
  | { type: 'gloss/check-page'; tabId: number };

/** Popup / side panel → content script (sent through tabs.sendMessage). */
export type UiToContent = { type: 'gloss/reveal'; annotationId: string; occurrence?: number };

export type GlossMessage = ContentToBackground | UiToBackground | UiToContent;

/** The engine's port to the background: open only so the engine learns when Gloss goes away. */
export const ENGINE_PORT = 'gloss-engine';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= 200 && /^[\w.:-]+$/.test(v);
const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function isPageState(v: unknown): v is PageState {
  if (!isRecord(v)) return false;
  switch (v.status) {
    case 'none':
      return true;
    case 'loading':
      return isId(v.articleId);
    case 'error':
      return typeof v.message === 'string' && v.message.length < 2000;
    case 'article':
    case 'partial': {
      if (!isId(v.articleId) || !(RECOGNISED_BY as readonly unknown[]).includes(v.recognisedBy))
        return false;
      if (!isRecord(v.anchored) || !Array.isArray(v.orphans)) return false;
      const groups = Object.entries(v.anchored);
      if (
        !groups.every(
          ([k, ids]) =>
            (HIGHLIGHT_CATEGORIES as readonly string[]).includes(k) &&
            Array.isArray(ids) &&
            ids.every(isId),
        )
      )
        return false;
      return v.orphans.every(
        (o) =>
          isRecord(o) && isId(o.id) && (ORPHAN_REASONS as readonly unknown[]).includes(o.reason),
      );
    }
    default:
      return false;
  }
}

/** The background accepts only these, and only from its own extension's contexts. */
export function parseMessage(v: unknown): GlossMessage | null {
  if (!isRecord(v) || typeof v.type !== 'string') return null;
  switch (v.type) {
    case 'gloss/page-state':
      return isPageState(v.state) ? { type: v.type, state: v.state } : null;
    case 'gloss/candidate':
      return isId(v.articleId) ? { type: v.type, articleId: v.articleId } : null;
    case 'gloss/get-tab-state':
    case 'gloss/check-page':
      return isTabId(v.tabId) ? { type: v.type, tabId: v.tabId } : null;
    case 'gloss/reveal':
      if (!isId(v.annotationId)) return null;
      if (
        v.occurrence !== undefined &&
        !(Number.isInteger(v.occurrence) && (v.occurrence as number) >= 0)
      )
        return null;
      return {
        type: v.type,
        annotationId: v.annotationId,
        ...(v.occurrence !== undefined ? { occurrence: v.occurrence as number } : {}),
      };
    default:
      return null;
  }
}
