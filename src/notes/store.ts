/**
 * The reader's notes in the browser's extension storage (storage.local, this device only; no
 * account, no server, no request). One key per note (see format.ts). Every effect goes through the
 * platform module's `browser`.
 *
 * A failed write throws a NotesStorageError whose message says what happened and what to do;
 * callers keep what the reader typed (the editor stays open, the draft is kept in session storage).
 */
import { browser } from '../platform/browser';
import { isNoteKey, type NotesInStorage, noteKey, readAllRecords, writeRecord } from './format';
import type { Note } from './model';

export type StorageFailure = 'quota' | 'other';

export class NotesStorageError extends Error {
  constructor(
    readonly failure: StorageFailure,
    message: string,
  ) {
    super(message);
    this.name = 'NotesStorageError';
  }
}

/** Chrome: "QUOTA_BYTES quota exceeded"; Firefox: QuotaExceededError / "quota". */
const isQuotaError = (error: unknown) =>
  /quota/i.test(String((error as { name?: string })?.name)) || /quota/i.test(String(error));

function storageError(error: unknown, what: string): NotesStorageError {
  if (isQuotaError(error))
    return new NotesStorageError(
      'quota',
      `Gloss could not ${what}: this browser's storage for Gloss is full. Export your notes, delete some you no longer need, then try again. What you typed is kept.`,
    );
  return new NotesStorageError(
    'other',
    `Gloss could not ${what}: the browser refused to store it (${String(error).slice(0, 200)}). What you typed is kept.`,
  );
}

/** Every note on this device, plus what storage holds that Gloss cannot read (kept untouched). */
export async function readNotes(): Promise<NotesInStorage> {
  const items = (await browser.storage.local.get(null)) as Record<string, unknown>;
  const found = readAllRecords(items);
  if (found.migrated.length > 0) {
    // Older records are rewritten in the current format; if that fails they stay readable as are.
    const rewrite = Object.fromEntries(
      found.notes
        .filter((n) => found.migrated.includes(noteKey(n.id)))
        .map((n) => [noteKey(n.id), writeRecord(n)]),
    );
    await browser.storage.local.set(rewrite).catch(() => {});
  }
  return found;
}

export async function saveNote(note: Note): Promise<void> {
  try {
    await browser.storage.local.set({ [noteKey(note.id)]: writeRecord(note) });
  } catch (error) {
    throw storageError(error, 'save this note');
  }
}

/** Saves many notes in one write: all of them, or (when the browser refuses) none. */
export async function saveNotes(notes: readonly Note[]): Promise<void> {
  if (notes.length === 0) return;
  try {
    await browser.storage.local.set(
      Object.fromEntries(notes.map((n) => [noteKey(n.id), writeRecord(n)])),
    );
  } catch (error) {
    throw storageError(error, `import ${notes.length} notes`);
  }
}

export async function deleteNote(id: string): Promise<void> {
  try {
    await browser.storage.local.remove(noteKey(id));
  } catch (error) {
    throw storageError(error, 'delete this note');
  }
}

/** Calls `listener` whenever any note is added, changed or removed, from any context. */
export function onNotesChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some(isNoteKey)) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

// -------------------------------------------------------------------------------------------
// Drafts: what the reader is typing, kept in session storage (in memory, gone when the browser
// closes) so that a failed save or a closed editor loses nothing.
// -------------------------------------------------------------------------------------------

const DRAFT_PREFIX = 'gloss.draft.';
export interface NoteDraftText {
  text: string;
  tags: string;
}

type SessionArea = {
  get(k: string): Promise<Record<string, unknown>>;
  set(i: object): Promise<void>;
  remove(k: string): Promise<void>;
};
const sessionArea = (): SessionArea | undefined =>
  (browser.storage as unknown as { session?: SessionArea }).session;

export async function keepDraft(key: string, draft: NoteDraftText): Promise<void> {
  await sessionArea()
    ?.set({ [DRAFT_PREFIX + key]: draft })
    .catch(() => {});
}

export async function readDraft(key: string): Promise<NoteDraftText | undefined> {
  const stored = await sessionArea()
    ?.get(DRAFT_PREFIX + key)
    .catch(() => undefined);
  const draft = stored?.[DRAFT_PREFIX + key] as Partial<NoteDraftText> | undefined;
  return typeof draft?.text === 'string' && typeof draft.tags === 'string'
    ? { text: draft.text, tags: draft.tags }
    : undefined;
}

export async function dropDraft(key: string): Promise<void> {
  await sessionArea()
    ?.remove(DRAFT_PREFIX + key)
    .catch(() => {});
}
