/**
 * The "My notes" tab's effects: the notes in storage (live, from any context), and what the page
 * in the tab says of its notes (asked of its notes layer; again when the notes change, and every
 * second while the view is visible, as the page state is).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type NotesOnPage, NotesOnPageSchema, parse } from '../../messages/protocol';
import { sendUiToContent } from '../../messages/send';
import type { NotesInStorage } from '../../notes/format';
import { onNotesChanged, readNotes } from '../../notes/store';
import { POLL_MS } from '../hooks';

export type StoredNotes = { status: 'pending' } | ({ status: 'ready' } & NotesInStorage);

/** Every note on this device, kept fresh. */
export function useStoredNotes(): StoredNotes {
  const [stored, setStored] = useState<StoredNotes>({ status: 'pending' });
  useEffect(() => {
    let alive = true;
    const load = () =>
      readNotes()
        .then((found) => alive && setStored({ status: 'ready', ...found }))
        .catch(
          () =>
            alive &&
            setStored({ status: 'ready', notes: [], migrated: [], unreadable: [], newer: [] }),
        );
    load();
    const stop = onNotesChanged(load);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return stored;
}

/**
 * What the tab's page says of its notes: `pending` until it answers; `absent` when Gloss is not
 * running there (nothing answers), else the page and each note's state.
 */
export type PageNotes =
  | { status: 'pending' }
  | { status: 'absent' }
  | ({ status: 'ready' } & NotesOnPage);

export function usePageNotes(tabId: number | null, storedNotes: StoredNotes): PageNotes {
  const [page, setPage] = useState<PageNotes>({ status: 'pending' });
  const last = useRef('');
  const ask = useCallback(async () => {
    let next: PageNotes = { status: 'absent' };
    if (tabId !== null) {
      try {
        const answer = parse(
          NotesOnPageSchema,
          await sendUiToContent(tabId, { type: 'gloss/get-notes' }),
        );
        if (answer) next = { status: 'ready', ...answer };
      } catch {
        // No engine in the tab: Gloss is not reading the page.
      }
    }
    const json = JSON.stringify(next);
    if (json !== last.current) {
      last.current = json;
      setPage(next);
    }
  }, [tabId]);

  useEffect(() => {
    last.current = '';
    setPage({ status: 'pending' });
    ask();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') ask();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [ask]);

  // The notes changed (saved, edited, deleted, imported): the page re-anchors them; ask again.
  const notesVersion = storedNotes.status === 'ready' ? storedNotes.notes : null;
  useEffect(() => {
    if (notesVersion) ask();
  }, [notesVersion, ask]);
  return page;
}

/** Asks the page to scroll to a note, flash it and show its card. */
export async function revealNote(tabId: number, noteId: string): Promise<boolean> {
  try {
    return (await sendUiToContent(tabId, { type: 'gloss/reveal-note', noteId })) === true;
  } catch {
    return false;
  }
}
