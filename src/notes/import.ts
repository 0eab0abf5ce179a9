/**
 * Reading a file of notes: Gloss's own export (a W3C AnnotationCollection), W3C Web Annotations
 * written by other tools, and the JSON the Hypothesis client exports
 * ({ export_date, export_userid, client_version, annotations: [...] }, each annotation in the
 * shape of its public API, which also answers searches as { total, rows: [...] }).
 *
 * Nothing here writes: `readNotesFile` says what the file holds and what is wrong with it, item by
 * item; `planImport` says what importing it would add, and what it would leave alone because a
 * note with that id is already here (never overwritten). The caller asks the reader before
 * importing a part of a file.
 */
import * as v from 'valibot';
import {
  ANNO_CONTEXT,
  describeIssues,
  LIMITS,
  type Note,
  NoteSchema,
  parseNote,
  READER_CREATOR,
  sameNote,
} from './model';

/** A notes file larger than this is refused before it is parsed. */
export const MAX_FILE_CHARS = 20_000_000;
export const MAX_ITEMS = 20_000;

export type NotesFileKind = 'gloss' | 'w3c' | 'hypothesis';

export interface ItemProblem {
  /** 0-based position of the item in the file. */
  index: number;
  /** The item's id, where it had a readable one. */
  id?: string;
  problems: string[];
}

export type NotesFile =
  | { ok: true; kind: NotesFileKind; notes: Note[]; rejected: ItemProblem[]; total: number }
  | { ok: false; error: string };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const asArray = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const typesOf = (x: Record<string, unknown>) =>
  asArray(x.type).filter((t) => typeof t === 'string');

/** Reads a notes file's text. `newId` gives a fresh id to a W3C annotation that has none. */
export function readNotesFile(text: string, now: Date, newId: () => string): NotesFile {
  if (text.length > MAX_FILE_CHARS)
    return {
      ok: false,
      error: `The file is too large (${Math.round(text.length / 1e6)} MB); Gloss reads notes files of up to ${MAX_FILE_CHARS / 1e6} MB.`,
    };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `The file is not JSON: ${(error as Error).message}` };
  }
  const found = itemsOf(json);
  if ('error' in found) return { ok: false, error: found.error };
  if (found.items.length > MAX_ITEMS)
    return {
      ok: false,
      error: `The file holds ${found.items.length} annotations; Gloss imports up to ${MAX_ITEMS} at a time.`,
    };

  const notes: Note[] = [];
  const rejected: ItemProblem[] = [];
  const ids = new Set<string>();
  let ownFormat = found.kind === 'w3c';
  found.items.forEach((item, index) => {
    const read =
      found.kind === 'hypothesis' || (found.kind === 'mixed' && looksLikeHypothesis(item))
        ? fromHypothesis(item)
        : fromW3c(item, now, newId);
    const id = isRecord(item) && typeof item.id === 'string' ? item.id.slice(0, 200) : undefined;
    if (!read.ok) {
      rejected.push({ index, ...(id ? { id } : {}), problems: read.problems });
      return;
    }
    if (ids.has(read.note.id)) {
      rejected.push({ index, id: read.note.id, problems: ['appears twice in the file'] });
      return;
    }
    ids.add(read.note.id);
    ownFormat &&= read.exact;
    notes.push(read.note);
  });
  const kind: NotesFileKind =
    found.kind === 'hypothesis' ? 'hypothesis' : ownFormat && notes.length > 0 ? 'gloss' : 'w3c';
  if (notes.length === 0 && rejected.length === 0)
    return { ok: false, error: 'The file holds no annotations.' };
  return { ok: true, kind, notes, rejected, total: found.items.length };
}

type Found = { kind: 'w3c' | 'hypothesis' | 'mixed'; items: unknown[] } | { error: string };

function itemsOf(json: unknown): Found {
  if (Array.isArray(json)) return { kind: 'mixed', items: json };
  if (!isRecord(json)) return { error: 'The file holds no annotations (expected a JSON object).' };
  // Hypothesis: the client's export, or an API search result.
  if (Array.isArray(json.annotations) && ('export_date' in json || 'client_version' in json))
    return { kind: 'hypothesis', items: json.annotations };
  if (Array.isArray(json.rows) && 'total' in json) return { kind: 'hypothesis', items: json.rows };
  if (looksLikeHypothesis(json)) return { kind: 'hypothesis', items: [json] };

  const types = typesOf(json);
  if (types.length === 0)
    return {
      error:
        'The file is neither a W3C Web Annotation file nor a Hypothesis export: its top level has no "type" (AnnotationCollection, AnnotationPage or Annotation) and no "annotations" list.',
    };
  if (!hasAnnoContext(json['@context']))
    return {
      error: `The file's "@context" is not the W3C annotation context (${ANNO_CONTEXT}).`,
    };
  if (types.includes('Annotation')) return { kind: 'w3c', items: [json] };
  if (types.includes('AnnotationPage')) return pageItems(json);
  if (types.includes('AnnotationCollection')) {
    if (typeof json.first === 'string')
      return {
        error:
          'The collection only names its first page ("first" is a link): Gloss reads files that include their annotations.',
      };
    if (json.first === undefined) {
      return json.total === 0
        ? { kind: 'w3c', items: [] }
        : { error: 'The collection has no "first" page of annotations.' };
    }
    if (!isRecord(json.first)) return { error: 'The collection\'s "first" page is not an object.' };
    return pageItems(json.first);
  }
  return { error: `The file's type "${String(types[0]).slice(0, 50)}" is not an annotation type.` };
}

function pageItems(page: Record<string, unknown>): Found {
  if (!typesOf(page).includes('AnnotationPage'))
    return { error: 'The collection\'s "first" is not an AnnotationPage.' };
  if (page.next !== undefined)
    return {
      error:
        'The collection continues on other pages ("next"): Gloss reads files that hold all their annotations on one page.',
    };
  if (!Array.isArray(page.items)) return { error: 'The page has no "items" list.' };
  return { kind: 'w3c', items: page.items };
}

function hasAnnoContext(context: unknown): boolean {
  return asArray(context).some(
    (c) => c === ANNO_CONTEXT || c === 'https://www.w3.org/ns/anno.jsonld',
  );
}

const looksLikeHypothesis = (x: unknown) =>
  isRecord(x) && typeof x.uri === 'string' && Array.isArray(x.target) && !('type' in x);

type Read = { ok: true; note: Note; exact: boolean } | { ok: false; problems: string[] };

/**
 * A W3C annotation. Gloss's own notes parse as they are (exact: true); another tool's are read
 * leniently (a body or target given as one object, the quote's target among several, a source as
 * an object with an id, `bodyValue`) and must then pass the same checks.
 */
function fromW3c(item: unknown, now: Date, newId: () => string): Read {
  const exact = parseNote(item);
  if (exact.ok) return { ok: true, note: exact.note, exact: true };
  if (!isRecord(item)) return { ok: false, problems: ['is not an annotation object'] };
  if (!typesOf(item).includes('Annotation'))
    return { ok: false, problems: ['type: is not "Annotation"'] };

  const target = asArray(item.target).find((t) => isRecord(t) && quoteOf(t.selector));
  if (!isRecord(target))
    return {
      ok: false,
      problems: ['target: has no TextQuoteSelector (Gloss keeps notes on text)'],
    };
  const quote = quoteOf(target.selector) as Record<string, unknown>;
  const position = asArray(target.selector).find(
    (s) => isRecord(s) && s.type === 'TextPositionSelector',
  );
  const source = isRecord(target.source) ? target.source.id : target.source;

  const comments: string[] = [];
  const tags: string[] = [];
  if (typeof item.bodyValue === 'string') comments.push(item.bodyValue);
  for (const [index, body] of asArray(item.body).entries()) {
    if (!isRecord(body) || typeof body.value !== 'string') continue;
    if (body.format !== undefined && body.format !== 'text/plain')
      return {
        ok: false,
        problems: [
          `body.${index}.format: is "${String(body.format).slice(0, 40)}"; Gloss keeps notes as plain text`,
        ],
      };
    if (body.purpose === 'tagging') tags.push(body.value);
    else if (body.purpose === undefined || body.purpose === 'commenting') comments.push(body.value);
  }
  const creator = isRecord(item.creator) ? item.creator : undefined;
  const candidate = {
    id: typeof item.id === 'string' ? item.id : newId(),
    type: 'Annotation',
    motivation: comments.some((c) => c.trim()) ? 'commenting' : 'highlighting',
    created: typeof item.created === 'string' ? item.created : now.toISOString(),
    modified:
      typeof item.modified === 'string'
        ? item.modified
        : typeof item.created === 'string'
          ? item.created
          : now.toISOString(),
    creator:
      creator && typeof creator.name === 'string'
        ? { type: typesOf(creator)[0] ?? 'Person', name: creator.name }
        : READER_CREATOR,
    body: [
      ...(comments.some((c) => c.trim())
        ? [{ type: 'TextualBody', purpose: 'commenting', value: comments.join('\n\n') }]
        : []),
      ...tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
    ],
    target: {
      type: 'SpecificResource',
      source,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: quote.exact,
          prefix: quote.prefix ?? '',
          suffix: quote.suffix ?? '',
        },
        ...(isRecord(position) ? [position] : []),
      ],
    },
    pageTitle: typeof item.pageTitle === 'string' ? item.pageTitle : '',
    ...(typeof item.articleId === 'string' ? { articleId: item.articleId } : {}),
  };
  const read = v.safeParse(NoteSchema, candidate);
  return read.success
    ? { ok: true, note: read.output, exact: false }
    : { ok: false, problems: describeIssues(read.issues) };
}

/** A TextQuoteSelector among a target's selectors (one object or a list). */
function quoteOf(selector: unknown): Record<string, unknown> | undefined {
  return asArray(selector).find((s) => isRecord(s) && s.type === 'TextQuoteSelector') as
    | Record<string, unknown>
    | undefined;
}

/** The parts of a Hypothesis API annotation Gloss reads; the rest (groups, permissions…) is left. */
const HypothesisSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[\w-]{1,100}$/, 'is not a Hypothesis annotation id')),
  created: v.string(),
  updated: v.optional(v.string()),
  uri: v.string(),
  user: v.optional(v.string()),
  text: v.optional(v.string(), ''),
  tags: v.optional(v.array(v.string()), []),
  references: v.optional(v.array(v.string()), []),
  target: v.array(
    v.object({ source: v.optional(v.string()), selector: v.optional(v.array(v.unknown())) }),
  ),
  document: v.optional(v.object({ title: v.optional(v.array(v.string())) })),
  links: v.optional(v.object({ html: v.optional(v.string()) })),
  user_info: v.optional(v.object({ display_name: v.optional(v.nullable(v.string())) })),
});

function fromHypothesis(item: unknown): Read {
  const read = v.safeParse(HypothesisSchema, item);
  if (!read.success) return { ok: false, problems: describeIssues(read.issues) };
  const h = read.output;
  if (h.references.length > 0)
    return {
      ok: false,
      problems: ['is a reply to another annotation (Gloss keeps notes on text)'],
    };
  const target = h.target.find((t) => quoteOf(t.selector));
  if (!target) return { ok: false, problems: ['has no quoted text (a page note)'] };
  const quote = quoteOf(target.selector) as Record<string, unknown>;
  const position = asArray(target.selector).find(
    (s) => isRecord(s) && s.type === 'TextPositionSelector',
  );
  const html = h.links?.html;
  const id = html && /^https:\/\/[^\s]+$/.test(html) ? html : `urn:x-hypothesis:${h.id}`;
  const tags = h.tags.slice(0, LIMITS.tags);
  const candidate = {
    id,
    type: 'Annotation',
    motivation: h.text.trim() ? 'commenting' : 'highlighting',
    created: h.created,
    modified: h.updated ?? h.created,
    creator: { type: 'Person', name: h.user_info?.display_name || h.user || 'Hypothesis user' },
    body: [
      // Hypothesis keeps Markdown: Gloss shows it as the plain text it is.
      ...(h.text.trim() ? [{ type: 'TextualBody', purpose: 'commenting', value: h.text }] : []),
      ...tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
    ],
    target: {
      type: 'SpecificResource',
      source: target.source ?? h.uri,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: quote.exact,
          prefix: quote.prefix ?? '',
          suffix: quote.suffix ?? '',
        },
        ...(isRecord(position) ? [position] : []),
      ],
    },
    pageTitle: h.document?.title?.[0] ?? '',
  };
  const parsed = v.safeParse(NoteSchema, candidate);
  return parsed.success
    ? { ok: true, note: parsed.output, exact: false }
    : { ok: false, problems: describeIssues(parsed.issues) };
}

export interface ImportPlan {
  /** Notes new to this device. */
  add: Note[];
  /** Already here, identical: nothing to do. */
  same: Note[];
  /** A note with this id is here and differs: kept as it is, the file's version not imported. */
  conflicts: Note[];
}

export function planImport(existing: readonly Note[], incoming: readonly Note[]): ImportPlan {
  const here = new Map(existing.map((n) => [n.id, n]));
  const plan: ImportPlan = { add: [], same: [], conflicts: [] };
  for (const note of incoming) {
    const mine = here.get(note.id);
    if (!mine) plan.add.push(note);
    else if (sameNote(mine, note)) plan.same.push(note);
    else plan.conflicts.push(note);
  }
  return plan;
}

/** Importing all of the plan would leave something of the file out: ask the reader first. */
export const importIsPartial = (file: Extract<NotesFile, { ok: true }>, plan: ImportPlan) =>
  file.rejected.length > 0 || plan.conflicts.length > 0;
