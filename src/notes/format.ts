/**
 * How a note is kept in extension storage: one key per note (`gloss.note.<id>`), each holding a
 * record `{ format, note }`. One key per note, so that a save from a page and an edit from the side
 * panel never overwrite each other's changes, and a failed write touches one note only.
 *
 * `format` is the version of the record. Reading a record runs it through MIGRATIONS, one step
 * per version, up to NOTES_FORMAT, and validates the result. A record Gloss cannot read (from a
 * newer Gloss, or damaged) is never deleted or rewritten: it is reported, and stays as it is.
 *
 * Format history:
 *  1 — the note is a W3C Web Annotation (model.ts). The first format that shipped.
 */
import { type Note, parseNote } from './model';

export const NOTES_FORMAT = 1;
export const NOTE_KEY_PREFIX = 'gloss.note.';

export interface NoteRecord {
  format: typeof NOTES_FORMAT;
  note: Note;
}

/** One step: a record of version `n` → a record of version `n + 1`. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;
/** Migrations by the version they start from. None yet: format 1 is the first. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = Object.freeze({});

export type ReadRecord =
  | { status: 'ok'; note: Note; migrated: boolean }
  | { status: 'newer'; format: number }
  | { status: 'unreadable'; problems: string[] };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads one stored record, migrating it to the current format in memory. */
export function readRecord(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = NOTES_FORMAT,
): ReadRecord {
  if (!isRecord(raw)) return { status: 'unreadable', problems: ['is not a note record'] };
  const format = raw.format;
  if (!Number.isInteger(format) || (format as number) < 1)
    return { status: 'unreadable', problems: ['format: is not a format version'] };
  if ((format as number) > current) return { status: 'newer', format: format as number };
  let record = raw;
  for (let version = format as number; version < current; version++) {
    const step = migrations[version];
    if (!step)
      return { status: 'unreadable', problems: [`format: no way from version ${version}`] };
    try {
      record = { ...step(record), format: version + 1 };
    } catch (error) {
      return { status: 'unreadable', problems: [`format ${version}: ${String(error)}`] };
    }
  }
  const parsed = parseNote(record.note);
  if (!parsed.ok)
    return { status: 'unreadable', problems: parsed.problems.map((p) => `note.${p}`) };
  return { status: 'ok', note: parsed.note, migrated: format !== current };
}

export const writeRecord = (note: Note): NoteRecord => ({ format: NOTES_FORMAT, note });

/** The storage key of a note. Ids are IRIs; the key keeps them whole. */
export const noteKey = (id: string) => `${NOTE_KEY_PREFIX}${id}`;
export const isNoteKey = (key: string) => key.startsWith(NOTE_KEY_PREFIX);

export interface NotesInStorage {
  notes: Note[];
  /** Keys whose records must be written back in the current format (read fine, older format). */
  migrated: string[];
  /** Keys Gloss cannot read, kept untouched, with why. */
  unreadable: Array<{ key: string; problems: string[] }>;
  /** Keys written by a newer Gloss, kept untouched. */
  newer: Array<{ key: string; format: number }>;
}

/** Everything in storage (a `storage.local.get(null)` result) → the notes and what was left alone. */
export function readAllRecords(
  items: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = NOTES_FORMAT,
): NotesInStorage {
  const out: NotesInStorage = { notes: [], migrated: [], unreadable: [], newer: [] };
  for (const [key, raw] of Object.entries(items)) {
    if (!isNoteKey(key)) continue;
    const read = readRecord(raw, migrations, current);
    if (read.status === 'ok') {
      if (noteKey(read.note.id) !== key) {
        out.unreadable.push({ key, problems: ['is stored under another note’s key'] });
        continue;
      }
      out.notes.push(read.note);
      if (read.migrated) out.migrated.push(key);
    } else if (read.status === 'newer') out.newer.push({ key, format: read.format });
    else out.unreadable.push({ key, problems: read.problems });
  }
  out.notes.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  return out;
}
