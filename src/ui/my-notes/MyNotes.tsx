/**
 * The "My notes" tab: this page's notes in page order, with where each stands (placed, placed on
 * edited words, not found and why); then every note on this device, searchable by words, tag and
 * site, by page, each page a link. Delete has an undo. Export and import are at the end.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Note } from '../../notes/model';
import { deleteNote, saveNote } from '../../notes/store';
import { t } from '../../platform/i18n';
import { keepsSite, requestSite, siteName, sitePattern } from '../../platform/site-access';
import { Count } from '../components';
import { type PageNotes, type StoredNotes, usePageNotes, useStoredNotes } from './hooks';
import {
  allSites,
  allTags,
  NO_FILTER,
  type NotesFilter,
  notesByPage,
  notesHere,
  quoteStart,
} from './lists';
import { NoteItem } from './NoteItem';
import { Transfer } from './Transfer';

/** The most notes the list of all notes draws at once; a search narrows it. */
const ALL_NOTES_SHOWN = 200;

export interface MyNotesData {
  stored: StoredNotes;
  page: PageNotes;
}

/** The notes in storage and the tab's page's word on them (for the tab's count, and the tab). */
export function useMyNotes(tabId: number | null): MyNotesData {
  const stored = useStoredNotes();
  const page = usePageNotes(tabId, stored);
  return { stored, page };
}

/** How many notes the page has (for the tab's count), or undefined while unknown. */
export function countHere({ stored, page }: MyNotesData): number | undefined {
  if (stored.status !== 'ready' || page.status !== 'ready') return undefined;
  return notesHere(stored.notes, page).length;
}

export function MyNotes({
  data,
  tabId,
  announce,
  headingLevel = 'hidden',
  popup = false,
}: {
  data: MyNotesData;
  tabId: number | null;
  /** In the popup, which cannot keep a file chooser open: import is offered in the side panel. */
  popup?: boolean;
  announce(message: string): void;
  /** 'hidden': the tab names the section; 'shown': the section stands alone under a page state. */
  headingLevel?: 'hidden' | 'shown';
}) {
  const { stored, page } = data;
  const [deleted, setDeleted] = useState<Note | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const notes = stored.status === 'ready' ? stored.notes : [];
  const here = useMemo(
    () => notesHere(notes, page.status === 'ready' ? page : null),
    [notes, page],
  );

  const remove = async (note: Note) => {
    try {
      await deleteNote(note.id);
      setDeleted(note);
      requestAnimationFrame(() => undoButton.current?.focus());
    } catch (e) {
      announce((e as Error).message);
    }
  };
  const undo = async () => {
    if (!deleted) return;
    try {
      await saveNote(deleted);
      setDeleted(null);
      announce(t('noteRestored'));
    } catch (e) {
      announce((e as Error).message);
    }
  };

  return (
    <div class="my-notes">
      <h2 class={headingLevel === 'hidden' ? 'section-title' : 'my-notes-title'}>
        {t('tabMyNotes')}
      </h2>
      <p class="hint">{t('myNotesPrivate')}</p>
      {deleted && (
        <p class="undo-bar" data-testid="undo-bar">
          <span>{t('noteDeleted', [quoteStart(deleted.target.selector[0].exact)])}</span>
          <button type="button" ref={undoButton} data-action="undo" onClick={undo}>
            {t('noteUndo')}
          </button>
        </p>
      )}
      {stored.status === 'ready' && stored.unreadable.length + stored.newer.length > 0 && (
        <p class="banner">
          {t('myNotesUnreadable', [stored.unreadable.length + stored.newer.length])}
        </p>
      )}

      <section class="group" aria-labelledby="my-notes-here" data-testid="notes-here">
        <h3 id="my-notes-here">
          {t('myNotesHere')} {page.status === 'ready' && <Count n={here.length} />}
        </h3>
        {page.status === 'pending' || stored.status === 'pending' ? (
          <p class="muted">{t('loading')}</p>
        ) : page.status === 'absent' ? (
          <p class="muted">{t('myNotesNotRunning')}</p>
        ) : page.page === null ? (
          <p class="muted">{t('myNotesReading')}</p>
        ) : here.length === 0 ? (
          <p class="muted">{t('myNotesHereNone')}</p>
        ) : (
          <ul class="my-notes-list">
            {!page.page.articleId && <SiteOffer url={page.page.url} announce={announce} />}
            {here.map(({ note, status }) => (
              <NoteItem
                key={note.id}
                list="here"
                note={note}
                status={status}
                tabId={tabId}
                announce={announce}
                onDelete={remove}
              />
            ))}
          </ul>
        )}
      </section>

      <AllNotes
        notes={notes}
        ready={stored.status === 'ready'}
        statusOf={(id) =>
          page.status === 'ready' ? page.notes.find((n) => n.id === id) : undefined
        }
        tabId={tabId}
        announce={announce}
        onDelete={remove}
      />

      <Transfer
        here={here.map((h) => h.note)}
        all={notes}
        pageTitle={page.status === 'ready' ? (page.page?.title ?? '') : ''}
        tabId={tabId}
        popup={popup}
        announce={announce}
      />
    </div>
  );
}

function AllNotes({
  notes,
  ready,
  statusOf,
  tabId,
  announce,
  onDelete,
}: {
  notes: readonly Note[];
  ready: boolean;
  statusOf: (id: string) => Parameters<typeof NoteItem>[0]['status'];
  tabId: number | null;
  announce(message: string): void;
  onDelete(note: Note): void;
}) {
  const [filter, setFilter] = useState<NotesFilter>(NO_FILTER);
  const pages = useMemo(() => notesByPage(notes, filter), [notes, filter]);
  const tags = useMemo(() => allTags(notes), [notes]);
  const sites = useMemo(() => allSites(notes), [notes]);
  const shown = pages.reduce((n, p) => n + p.notes.length, 0);
  let budget = ALL_NOTES_SHOWN;
  return (
    <section class="group" aria-labelledby="my-notes-all" data-testid="notes-all">
      <h3 id="my-notes-all">
        {t('myNotesAll')} {ready && <Count n={notes.length} />}
      </h3>
      {ready && notes.length === 0 ? (
        <p class="muted">{t('myNotesAllNone')}</p>
      ) : (
        <>
          <search class="filters">
            <label class="search">
              {t('myNotesSearch')}
              <input
                type="search"
                data-field="search"
                value={filter.query}
                aria-describedby="my-notes-search-hint"
                onInput={(e) =>
                  setFilter({ ...filter, query: (e.target as HTMLInputElement).value })
                }
              />
            </label>
            <label>
              {t('myNotesTag')}
              <select
                data-field="tag"
                value={filter.tag}
                onChange={(e) =>
                  setFilter({ ...filter, tag: (e.target as HTMLSelectElement).value })
                }
              >
                <option value="">{t('myNotesAnyTag')}</option>
                {tags.map((tag) => (
                  <option key={tag} value={tag}>
                    {tag}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('myNotesSite')}
              <select
                data-field="site"
                value={filter.site}
                onChange={(e) =>
                  setFilter({ ...filter, site: (e.target as HTMLSelectElement).value })
                }
              >
                <option value="">{t('myNotesAnySite')}</option>
                {sites.map((site) => (
                  <option key={site} value={site}>
                    {site}
                  </option>
                ))}
              </select>
            </label>
          </search>
          <p class="hint" id="my-notes-search-hint">
            {t('myNotesSearchHint')}
          </p>
          <p class="hint" role="status" data-testid="notes-shown">
            {t('myNotesShown', [shown, notes.length])}
          </p>
          {shown === 0 && ready && <p class="muted">{t('myNotesNoMatch')}</p>}
          <ul class="my-notes-pages">
            {pages.map((page) => {
              if (budget <= 0) return null;
              const items = page.notes.slice(0, budget);
              budget -= items.length;
              return (
                <li key={page.key} class="my-notes-page" data-page={page.key}>
                  <h4>
                    <a href={page.url} target="_blank" rel="noopener noreferrer">
                      {page.title || page.url}
                    </a>
                  </h4>
                  <p class="my-notes-site">
                    {page.site} <Count n={page.notes.length} />
                  </p>
                  <ul class="my-notes-list">
                    {items.map((note) => (
                      <NoteItem
                        key={note.id}
                        list="all"
                        note={note}
                        status={statusOf(note.id)}
                        tabId={tabId}
                        announce={announce}
                        onDelete={onDelete}
                      />
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
          {shown > ALL_NOTES_SHOWN && <p class="hint">{t('myNotesMore', [ALL_NOTES_SHOWN])}</p>}
        </>
      )}
    </section>
  );
}

/**
 * On a page of a site Gloss does not support, whose notes the reader sees only after checking the
 * page: the offer to keep the site (the browser's prompt, on this click).
 */
function SiteOffer({ url, announce }: { url: string; announce(message: string): void }) {
  const site = sitePattern(url);
  const [kept, setKept] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    if (site) keepsSite(site).then((k) => alive && setKept(k));
    return () => {
      alive = false;
    };
  }, [site]);
  if (!site || kept !== false) return null;
  const name = siteName(site);
  return (
    <li class="site-offer" data-testid="site-offer">
      <p>{t('notesSiteNotKept', [name])}</p>
      <button
        type="button"
        data-action="keep-site"
        onClick={() => {
          // First thing in the click: the browser asks only in the reader's gesture.
          requestSite(site).then((granted) => {
            setKept(granted);
            if (granted) announce(t('notesSiteKept', [name]));
          });
        }}
      >
        {t('notesSiteKeep', [name])}
      </button>
    </li>
  );
}
