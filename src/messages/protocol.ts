/**
 * The typed message protocol: every message Gloss sends between its contexts, per direction.
 * Receivers never trust a message: `parse*` functions check the shape and reject anything else.
 */
import { RECOGNISED_BY, type RecognisedBy } from '../detection/detect';
import { PAGE_KINDS, type PageKind, PROBE_MAX_SHINGLES } from '../detection/probe';
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
export type ContentToBackground = { type: 'gloss/page-state'; state: PageState } | ProbeMessage;

/** What the gate reads of a page's head, sent once per page (the first probe). */
export interface ProbeMetadata {
  canonical?: string | undefined;
  ogUrl?: string | undefined;
  jsonLdUrl?: string | undefined;
  /** og:title, JSON-LD headline, h1: what the page calls itself (may be rewritten). */
  titles: string[];
  kind: PageKind;
}

/**
 * The gate's question: is this page one of the catalogue's articles? Sent as the gate reads the
 * page: `seq` 0 carries the metadata and resets the page's count in the background; each later
 * probe carries only the probe shingles (detection/probe.ts) not sent before on this page (`doc`).
 * `requested`: the reader asked Gloss to check this page (popup, context menu).
 * `done`: the gate has read all it will read; the background answers for good.
 */
export interface ProbeMessage {
  type: 'gloss/probe';
  doc: string;
  seq: number;
  url: string;
  meta?: ProbeMetadata;
  shingles: number[];
  requested: boolean;
  done: boolean;
}

/** The background's answer to a probe. */
export type ProbeAnswer =
  | { verdict: 'candidate'; articleId: string; by: RecognisedBy }
  /** Nothing yet: keep reading. */
  | { verdict: 'none' }
  /** This background does not know the page's earlier probes (it was restarted): send all again. */
  | { verdict: 'resend' };

/**
 * What the background hands the engine it injects (through scripting.executeScript's `args`,
 * set before the engine's file runs): the candidate article, how it was found, for which URL
 * (an address or metadata match vouches for that URL only: a single-page app may move on),
 * and whether the reader asked. The article's pack comes beside it (packs/<id>.js).
 */
export interface EngineCandidate {
  articleId: string;
  recognisedBy: RecognisedBy;
  requested: boolean;
  url: string;
}
/** Where the injected engine finds its candidate (a global of the content script's world). */
export const ENGINE_CANDIDATE_KEY = 'gloss.candidate';

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
const isUrl = (v: unknown): v is string => typeof v === 'string' && v.length <= 4096;
const isShingle = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff;

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
    case 'gloss/probe':
      return parseProbe(v);
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

function parseProbeMetadata(v: unknown): ProbeMetadata | null {
  if (!isRecord(v) || !(PAGE_KINDS as readonly unknown[]).includes(v.kind)) return null;
  const titles = v.titles;
  if (!Array.isArray(titles) || titles.length > 3) return null;
  if (!titles.every((t) => typeof t === 'string' && t.length <= 500)) return null;
  const urls: Array<'canonical' | 'ogUrl' | 'jsonLdUrl'> = ['canonical', 'ogUrl', 'jsonLdUrl'];
  const meta: ProbeMetadata = { titles: titles as string[], kind: v.kind as PageKind };
  for (const name of urls) {
    if (v[name] === undefined) continue;
    if (!isUrl(v[name])) return null;
    meta[name] = v[name];
  }
  return meta;
}

function parseProbe(v: Record<string, unknown>): ProbeMessage | null {
  if (typeof v.doc !== 'string' || !/^[\w-]{1,64}$/.test(v.doc)) return null;
  if (!Number.isInteger(v.seq) || (v.seq as number) < 0 || !isUrl(v.url)) return null;
  if (typeof v.requested !== 'boolean' || typeof v.done !== 'boolean') return null;
  const shingles = v.shingles;
  if (!Array.isArray(shingles) || shingles.length > PROBE_MAX_SHINGLES) return null;
  if (!shingles.every(isShingle)) return null;
  const probe: ProbeMessage = {
    type: 'gloss/probe',
    doc: v.doc,
    seq: v.seq as number,
    url: v.url,
    shingles: shingles as number[],
    requested: v.requested,
    done: v.done,
  };
  if (v.meta !== undefined) {
    const meta = parseProbeMetadata(v.meta);
    if (!meta) return null;
    probe.meta = meta;
  }
  return probe;
}
