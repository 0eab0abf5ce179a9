/**
 * One of the reader's notes in the "My notes" tab: its quote, its text (line breaks kept), its
 * tags, where it stands on the page, and its actions: show in page, edit (in place), delete.
 * Everything the note holds is rendered as text.
 */
import { useRef, useState } from 'preact/hooks';
import type { NoteOnPage } from '../../messages/protocol';
import { editNote, type Note, noteQuote, noteTags, noteText, splitTags } from '../../notes/model';
import { saveNote } from '../../notes/store';
import { t } from '../../platform/i18n';
import { NOTE_UNPLACED_LABEL } from '../../presentation/labels';
import { revealNote } from './hooks';
import { quoteStart } from './lists';

const QUOTE_SHOWN = 400;

function when(iso: string): string {
  try {
    return new Intl.DateTimeFormat(t('dateLocale'), {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  } catch {
    return iso;
  }
}

export function NoteItem({
  list,
  note,
  status,
  tabId,
  announce,
  onDelete,
}: {
  /** Which list it is in: a note of this page is in both, and element ids must differ. */
  list: 'here' | 'all';
  note: Note;
  /** Where it stands on the tab's page, when it belongs to that page. */
  status?: NoteOnPage | undefined;
  tabId: number | null;
  announce(message: string): void;
  onDelete(note: Note): void;
}) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const quote = noteQuote(note).exact;
  const text = noteText(note);
  const tags = noteTags(note);
  const placed = status && status.state !== 'orphan';
  const quoteId = `${list}-quote-${cssSafe(note.id)}`;
  return (
    <li class="my-note" data-note={note.id} data-state={status?.state ?? 'elsewhere'}>
      <blockquote class="my-note-quote" id={quoteId}>
        {quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN)}…` : quote}
      </blockquote>
      {text ? (
        <p class="my-note-text">{text}</p>
      ) : (
        <p class="my-note-text muted">{t('myNotesHighlightOnly')}</p>
      )}
      {tags.length > 0 && (
        <ul class="chips my-note-tags" aria-label={t('noteTagsRow')}>
          {tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      {status?.state === 'edited' && <p class="my-note-state edited">{t('myNotesEdited')}</p>}
      {status?.state === 'orphan' && (
        <p class="my-note-state orphan" data-reason={status.reason}>
          <strong>{t('myNotesNotFound')}</strong> {t(NOTE_UNPLACED_LABEL[status.reason])}
        </p>
      )}
      <p class="my-note-meta">{t('noteModified', [when(note.modified)])}</p>
      {editing ? (
        <NoteEditor
          idPrefix={list}
          note={note}
          close={(saved) => {
            setEditing(false);
            if (saved) announce(t('noteSavedMessage'));
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <div class="my-note-actions">
          {placed && tabId !== null && (
            <button
              type="button"
              class="reveal"
              data-action="reveal"
              aria-describedby={quoteId}
              onClick={async () => {
                const ok = await revealNote(tabId, note.id);
                announce(ok ? t('revealDone') : t('revealFailed'));
              }}
            >
              {t('showInPage')}
            </button>
          )}
          <button
            type="button"
            data-action="edit"
            ref={editButton}
            aria-describedby={quoteId}
            onClick={() => setEditing(true)}
          >
            {t('noteEdit')}
          </button>
          <button
            type="button"
            data-action="delete"
            aria-describedby={quoteId}
            onClick={() => onDelete(note)}
          >
            {t('noteDelete')}
          </button>
        </div>
      )}
    </li>
  );
}

/** An id that is safe inside an element id (note ids are IRIs with ':' and '/'). */
const cssSafe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * The note's text and tags, edited in place. Ctrl/Cmd+Enter saves, Escape cancels. A save the
 * browser refuses keeps the editor open with everything typed, and says why.
 */
function NoteEditor({
  idPrefix,
  note,
  close,
}: {
  idPrefix: string;
  note: Note;
  close(saved: boolean): void;
}) {
  const [text, setText] = useState(noteText(note));
  const [tags, setTags] = useState(noteTags(note).join(', '));
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const base = `${idPrefix}-edit-${cssSafe(note.id)}`;
  const save = async () => {
    setSaving(true);
    setError('');
    try {
      await saveNote(editNote(note, { text, tags: splitTags(tags) }, new Date()));
      close(true);
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };
  return (
    <form
      class="my-note-editor"
      aria-label={t('noteEditLabel', [quoteStart(noteQuote(note).exact)])}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close(false);
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <label for={`${base}-text`}>{t('noteTextLabel')}</label>
      <textarea
        id={`${base}-text`}
        data-field="text"
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the reader just asked to edit this note
        autoFocus
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <label for={`${base}-tags`}>{t('noteTagsLabel')}</label>
      <input
        id={`${base}-tags`}
        data-field="tags"
        autocomplete="off"
        value={tags}
        onInput={(e) => setTags((e.target as HTMLInputElement).value)}
      />
      {error && (
        <p class="my-note-error" role="alert">
          {error}
        </p>
      )}
      <div class="my-note-actions">
        <button type="button" data-action="cancel" onClick={() => close(false)}>
          {t('noteCancel')}
        </button>
        <button type="submit" class="primary" data-action="save" disabled={saving}>
          {saving ? t('noteSaving') : t('noteSave')}
        </button>
      </div>
    </form>
  );
}
