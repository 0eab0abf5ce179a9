/**
 * The reader's own highlights and notes. A note IS a W3C Web Annotation
 * (https://www.w3.org/TR/annotation-model/): what Gloss keeps in storage, what it exports and what
 * it imports are the same object, so a round trip has nothing to translate and nothing to lose.
 *
 *  - motivation 'highlighting' (no text) or 'commenting' (the reader wrote something);
 *  - body: the note's text as one TextualBody (purpose 'commenting', text/plain, line breaks kept)
 *    and one TextualBody per tag (purpose 'tagging'); a bare highlight has no comment body;
 *  - target: a SpecificResource on the page's canonical URL with a TextQuoteSelector (exact, prefix,
 *    suffix) and, where known, a TextPositionSelector in Unicode code points of Gloss's page text;
 *  - pageTitle / articleId: the page's title and the recognised article's id (Gloss terms, defined
 *    in NOTES_CONTEXT), so the list of all notes can name the page without visiting it.
 *
 * Pure: no browser APIs. Parsing (valibot) sets hard limits on every size, so a hostile file or a
 * corrupted storage entry is refused with a message, never half-read.
 */
import * as v from 'valibot';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The two Gloss terms a note carries beyond the W3C model. */
export const NOTES_CONTEXT = {
  pageTitle: 'urn:gloss:terms:pageTitle',
  articleId: 'urn:gloss:terms:articleId',
} as const;

/** Who made a note: the reader, on this device. No name, no id: nothing that identifies them. */
export const READER_CREATOR = Object.freeze({
  type: 'Person',
  name: 'Gloss reader (this device)',
} as const);

export const LIMITS = {
  /** Characters of a quote: a long paragraph, not a chapter. */
  exact: 20_000,
  context: 200,
  text: 50_000,
  tags: 30,
  tag: 100,
  url: 4_000,
  title: 1_000,
  id: 300,
} as const;

const iso = v.pipe(
  v.string(),
  v.maxLength(40),
  v.isoTimestamp('is not a date and time (ISO 8601)'),
);
const webUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url, 'is too long for a web address'),
  v.check((s) => /^https?:\/\/[^\s]+$/i.test(s) && URL.canParse(s), 'is not a web page address'),
);
/** A note's id: an IRI (urn:uuid:… for Gloss's own; another tool's address for imported ones). */
export const NoteIdSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.id),
  v.regex(/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i, 'is not an IRI'),
);
const noteId = NoteIdSchema;
const tagText = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'is an empty tag'),
  v.maxLength(LIMITS.tag, `is a tag longer than ${LIMITS.tag} characters`),
  v.check((s) => !/[\n\r]/.test(s), 'is a tag with a line break'),
);

export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1, 'is an empty quote'), v.maxLength(LIMITS.exact)),
  prefix: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.context)), ''),
  suffix: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.context)), ''),
});
export const TextPositionSelectorSchema = v.pipe(
  v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
  }),
  v.check((p) => p.start < p.end, 'has start not before end'),
);

export const CommentBodySchema = v.object({
  type: v.literal('TextualBody'),
  purpose: v.literal('commenting'),
  value: v.pipe(v.string(), v.maxLength(LIMITS.text, `is longer than ${LIMITS.text} characters`)),
  format: v.optional(v.literal('text/plain'), 'text/plain'),
});
export const TagBodySchema = v.object({
  type: v.literal('TextualBody'),
  purpose: v.literal('tagging'),
  value: tagText,
});

export const NoteTargetSchema = v.object({
  type: v.literal('SpecificResource'),
  source: webUrl,
  selector: v.union([
    v.strictTuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]),
    v.strictTuple([TextQuoteSelectorSchema]),
  ]),
});

export const NoteSchema = v.pipe(
  v.object({
    id: noteId,
    type: v.literal('Annotation'),
    motivation: v.picklist(['highlighting', 'commenting']),
    created: iso,
    modified: iso,
    creator: v.optional(
      v.object({
        type: v.picklist(['Person', 'Software', 'Organization']),
        name: v.pipe(v.string(), v.maxLength(200)),
      }),
      READER_CREATOR,
    ),
    body: v.optional(
      v.pipe(
        v.array(v.variant('purpose', [CommentBodySchema, TagBodySchema])),
        v.maxLength(LIMITS.tags + 1, `has more than ${LIMITS.tags} tags`),
      ),
      [],
    ),
    target: NoteTargetSchema,
    pageTitle: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.title)), ''),
    articleId: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.id), v.regex(/^[\w.:-]+$/))),
  }),
  v.check(
    (n) => n.body.filter((b) => b.purpose === 'commenting').length <= 1,
    'has more than one comment body',
  ),
);

export type Note = v.InferOutput<typeof NoteSchema>;
export type NoteTarget = Note['target'];
export type TextQuote = v.InferOutput<typeof TextQuoteSelectorSchema>;
export type TextPosition = v.InferOutput<typeof TextPositionSelectorSchema>;

/** What the content script knows of the selection when the reader makes a note. */
export interface NoteDraft {
  url: string;
  title: string;
  articleId?: string;
  quote: { exact: string; prefix: string; suffix: string };
  /** Code points of Gloss's page text. */
  position?: { start: number; end: number };
  text: string;
  tags: readonly string[];
}

/** One readable line per problem: "target.source: is not a web page address". */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], limit = 5): string[] {
  const lines = issues.slice(0, limit).map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  if (issues.length > limit) lines.push(`… and ${issues.length - limit} more`);
  return lines;
}

export type ParsedNote = { ok: true; note: Note } | { ok: false; problems: string[] };

export function parseNote(raw: unknown): ParsedNote {
  const result = v.safeParse(NoteSchema, raw);
  return result.success
    ? { ok: true, note: result.output }
    : { ok: false, problems: describeIssues(result.issues) };
}

/** Tags as the reader typed them: trimmed, no empties, no duplicates (case-insensitively). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, LIMITS.tag);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
    if (out.length === LIMITS.tags) break;
  }
  return out;
}

/** "a, b,  c" → ['a', 'b', 'c'] */
export const splitTags = (input: string) => cleanTags(input.split(/[,\n]/));

/** Normalises line endings only: the reader's line breaks and spacing are kept as typed. */
const cleanText = (text: string) => text.replace(/\r\n?/g, '\n').slice(0, LIMITS.text);

function bodyOf(text: string, tags: readonly string[]): Note['body'] {
  const body: Note['body'] = [];
  if (text.trim())
    body.push({ type: 'TextualBody', purpose: 'commenting', value: text, format: 'text/plain' });
  for (const tag of cleanTags(tags))
    body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return body;
}

const motivationOf = (body: Note['body']): Note['motivation'] =>
  body.some((b) => b.purpose === 'commenting') ? 'commenting' : 'highlighting';

/** A new note (or bare highlight) from the selection. `id` is a fresh urn:uuid. */
export function createNote(draft: NoteDraft, id: string, now: Date): Note {
  const body = bodyOf(cleanText(draft.text), draft.tags);
  const quote = {
    type: 'TextQuoteSelector' as const,
    exact: draft.quote.exact,
    prefix: draft.quote.prefix,
    suffix: draft.quote.suffix,
  };
  const note: Note = {
    id,
    type: 'Annotation',
    motivation: motivationOf(body),
    created: now.toISOString(),
    modified: now.toISOString(),
    creator: { ...READER_CREATOR },
    body,
    target: {
      type: 'SpecificResource',
      source: draft.url,
      selector: draft.position
        ? [quote, { type: 'TextPositionSelector', ...draft.position }]
        : [quote],
    },
    pageTitle: draft.title.slice(0, LIMITS.title),
    ...(draft.articleId ? { articleId: draft.articleId } : {}),
  };
  const checked = parseNote(note);
  if (!checked.ok) throw new Error(`Gloss made an invalid note: ${checked.problems.join('; ')}`);
  return checked.note;
}

/** The note with new text and tags; `modified` moves on, nothing else changes. */
export function editNote(
  note: Note,
  change: { text: string; tags: readonly string[] },
  now: Date,
): Note {
  const body = bodyOf(cleanText(change.text), change.tags);
  return { ...note, body, motivation: motivationOf(body), modified: now.toISOString() };
}

export const noteText = (note: Note) =>
  note.body.find((b) => b.purpose === 'commenting')?.value ?? '';
export const noteTags = (note: Note) =>
  note.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
export const noteQuote = (note: Note) => note.target.selector[0];
export const notePosition = (note: Note): TextPosition | undefined => note.target.selector[1];

/** The page a note belongs to, as the list of all notes groups them: origin + path, no hash. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** The site a note is on ("www.straitstimes.com"), for search and the list of all notes. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Notes in reading order: by position where known, else by creation. */
export function inPageOrder(notes: readonly Note[]): Note[] {
  return [...notes].sort(
    (a, b) =>
      (notePosition(a)?.start ?? Number.MAX_SAFE_INTEGER) -
        (notePosition(b)?.start ?? Number.MAX_SAFE_INTEGER) || a.created.localeCompare(b.created),
  );
}

/** Does the note match a search? Words all found in its text, quote, tags, title or site. */
export function matchesSearch(note: Note, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    noteText(note),
    noteQuote(note).exact,
    noteTags(note).join(' '),
    note.pageTitle,
    siteOf(note.target.source),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((w) =>
    w.startsWith('#')
      ? noteTags(note).some((t) => t.toLowerCase() === w.slice(1))
      : haystack.includes(w),
  );
}

/** Two notes say the same thing (ignoring defaults that parsing fills in). */
export const sameNote = (a: Note, b: Note) => JSON.stringify(a) === JSON.stringify(b);
