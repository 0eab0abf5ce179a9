/**
 * What the "My notes" tab lists, from the notes in storage and what the page says of them. Pure.
 *
 *  - this page: the notes the page's notes layer reports, in its (page) order, each with its state;
 *  - all notes: filtered by a search (words, #tag), a tag and a site, grouped by page, the pages
 *    most recently noted first.
 */
import type { NoteOnPage, NotesOnPage } from '../../messages/protocol';
import { matchesSearch, type Note, noteTags, pageKey, siteOf } from '../../notes/model';

export interface NoteHere {
  note: Note;
  status: NoteOnPage;
}

/** The page's notes in page order; a note the page reports but storage no longer has is left out. */
export function notesHere(notes: readonly Note[], page: NotesOnPage | null): NoteHere[] {
  if (!page) return [];
  const byId = new Map(notes.map((n) => [n.id, n]));
  return page.notes.flatMap((status) => {
    const note = byId.get(status.id);
    return note ? [{ note, status }] : [];
  });
}

export interface NotesFilter {
  query: string;
  /** '' for any tag. */
  tag: string;
  /** '' for any site. */
  site: string;
}

export const NO_FILTER: NotesFilter = { query: '', tag: '', site: '' };

export function matchesFilter(note: Note, filter: NotesFilter): boolean {
  if (filter.site && siteOf(note.target.source) !== filter.site) return false;
  if (filter.tag && !noteTags(note).some((t) => t.toLowerCase() === filter.tag.toLowerCase()))
    return false;
  return matchesSearch(note, filter.query);
}

export interface PageOfNotes {
  key: string;
  url: string;
  title: string;
  site: string;
  notes: Note[];
}

/** The matching notes by page: pages by their latest note, newest first; notes oldest first. */
export function notesByPage(notes: readonly Note[], filter: NotesFilter): PageOfNotes[] {
  const pages = new Map<string, PageOfNotes>();
  for (const note of notes) {
    if (!matchesFilter(note, filter)) continue;
    const key = pageKey(note.target.source);
    let page = pages.get(key);
    if (!page) {
      page = {
        key,
        url: note.target.source,
        title: '',
        site: siteOf(note.target.source),
        notes: [],
      };
      pages.set(key, page);
    }
    page.notes.push(note);
    if (note.pageTitle) page.title = note.pageTitle;
  }
  const latest = (p: PageOfNotes) =>
    p.notes
      .map((n) => n.modified)
      .sort()
      .at(-1) ?? '';
  for (const page of pages.values())
    page.notes.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  return [...pages.values()].sort((a, b) => latest(b).localeCompare(latest(a)));
}

/** Every tag in use, as first written, sorted case-insensitively. */
export function allTags(notes: readonly Note[]): string[] {
  const tags = new Map<string, string>();
  for (const note of notes)
    for (const tag of noteTags(note))
      if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
  return [...tags.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

/** Every site with notes, sorted. */
export function allSites(notes: readonly Note[]): string[] {
  return [...new Set(notes.map((n) => siteOf(n.target.source)).filter(Boolean))].sort();
}

/** The start of a quote, for a short mention ("Deleted your note on “…”"). */
export function quoteStart(exact: string, max = 60): string {
  const flat = exact.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
