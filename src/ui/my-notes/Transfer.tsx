/**
 * Export and import of the reader's notes, in the "My notes" tab.
 *
 * Export writes a W3C AnnotationCollection (src/notes/export.ts) of this page's notes or of all of
 * them, as a file the browser downloads. Import reads a file (src/notes/import.ts: Gloss's own,
 * other W3C Web Annotations, a Hypothesis export); a file it cannot read is refused with what is
 * wrong and nothing is imported; a file it can read only in part, or whose notes would take the id
 * of a different note already here, is shown item by item and imported only if the reader agrees,
 * the readable part only; nothing here is ever overwritten. The whole import is one storage write:
 * all of it, or (when the browser refuses) none.
 *
 * The popup does not import: choosing a file takes the focus, which closes a popup.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { exportFileName, exportNotes } from '../../notes/export';
import {
  type ImportPlan,
  importIsPartial,
  MAX_FILE_CHARS,
  type NotesFile,
  type NotesFileKind,
  planImport,
  readNotesFile,
} from '../../notes/import';
import type { Note } from '../../notes/model';
import { readNotes, saveNotes } from '../../notes/store';
import { type MessageKey, t } from '../../platform/i18n';
import { canOpenSidePanel, openSidePanel } from '../../platform/panel';

const KIND_LABEL: Record<NotesFileKind, MessageKey> = {
  gloss: 'importKindGloss',
  w3c: 'importKindW3c',
  hypothesis: 'importKindHypothesis',
};
/** A file is read as text only below this many bytes (a character is at most 4 bytes of UTF-8). */
const MAX_FILE_BYTES = MAX_FILE_CHARS * 4;
/** The problems listed before the reader chooses; the count says how many there are in all. */
const PROBLEMS_SHOWN = 20;

const newId = () => `urn:uuid:${crypto.randomUUID()}`;

type Phase =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'failed'; error: string }
  | { step: 'ask'; name: string; file: Extract<NotesFile, { ok: true }>; plan: ImportPlan }
  | { step: 'done'; message: string };

export function Transfer({
  here,
  all,
  pageTitle,
  tabId,
  popup,
  announce,
}: {
  /** This page's notes (empty when the page is not known). */
  here: readonly Note[];
  all: readonly Note[];
  pageTitle: string;
  tabId: number | null;
  popup: boolean;
  announce(message: string): void;
}) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const download = (notes: readonly Note[], scope: 'page' | 'all') => {
    const now = new Date();
    const label = scope === 'page' ? t('exportLabelPage', [pageTitle]) : t('exportLabelAll');
    const collection = exportNotes(notes, label, newId(), now);
    const blob = new Blob([`${JSON.stringify(collection, null, 2)}\n`], {
      type: 'application/ld+json',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(now, scope);
    document.body.append(link);
    link.click();
    link.remove();
    // The download has its copy once the click is handled; the URL is not needed after.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    announce(t('exportDone', [notes.length, link.download]));
  };

  const importAll = async (notes: readonly Note[], same: number) => {
    try {
      await saveNotes(notes);
    } catch (error) {
      setPhase({ step: 'failed', error: t('importFailed', [(error as Error).message]) });
      return;
    }
    const parts = [t('importDone', [notes.length])];
    if (same > 0) parts.push(t('importSame', [same]));
    setPhase({ step: 'done', message: parts.join(' ') });
  };

  const read = async (chosen: File) => {
    setPhase({ step: 'reading' });
    if (chosen.size > MAX_FILE_BYTES) {
      const mb = (n: number) => String(Math.round(n / 1e6));
      const error = t('importTooLarge', [mb(chosen.size), mb(MAX_FILE_CHARS)]);
      setPhase({ step: 'failed', error: t('importFailed', [error]) });
      return;
    }
    let text: string;
    try {
      text = await chosen.text();
    } catch (error) {
      setPhase({ step: 'failed', error: t('importFailed', [String(error)]) });
      return;
    }
    const file = readNotesFile(text, new Date(), newId);
    if (!file.ok) {
      setPhase({ step: 'failed', error: t('importFailed', [file.error]) });
      return;
    }
    const plan = planImport((await readNotes()).notes, file.notes);
    if (importIsPartial(file, plan)) {
      setPhase({ step: 'ask', name: chosen.name, file, plan });
      return;
    }
    if (plan.add.length === 0) {
      setPhase({ step: 'done', message: t('importNothingNew') });
      return;
    }
    await importAll(plan.add, plan.same.length);
  };

  return (
    <section
      class="group transfer"
      aria-labelledby="my-notes-transfer"
      data-testid="notes-transfer"
    >
      <h3 id="my-notes-transfer">{t('transferTitle')}</h3>
      <p class="hint">{t('transferHint')}</p>
      <div class="transfer-actions">
        <button
          type="button"
          data-action="export-page"
          disabled={here.length === 0}
          onClick={() => download(here, 'page')}
        >
          {t('exportPage')}
        </button>
        <button
          type="button"
          data-action="export-all"
          disabled={all.length === 0}
          onClick={() => download(all, 'all')}
        >
          {t('exportAll')}
        </button>
        {popup ? (
          canOpenSidePanel() && (
            <button
              type="button"
              data-action="import-in-panel"
              title={t('importInPanelHint')}
              onClick={() => {
                // First thing in the click: the browsers open panels only in a user gesture.
                openSidePanel(tabId).catch(() => announce(t('openSidePanelFailed')));
              }}
            >
              {t('importInPanel')}
            </button>
          )
        ) : (
          <>
            <button
              type="button"
              data-action="import"
              disabled={phase.step === 'reading'}
              onClick={() => input.current?.click()}
            >
              {t('importChoose')}
            </button>
            <input
              ref={input}
              type="file"
              class="sr-only"
              tabIndex={-1}
              aria-hidden="true"
              data-field="import-file"
              accept=".json,.jsonld,application/json,application/ld+json"
              onChange={(e) => {
                const el = e.target as HTMLInputElement;
                const chosen = el.files?.[0];
                el.value = '';
                if (chosen) void read(chosen);
              }}
            />
          </>
        )}
      </div>
      <ImportPhase
        phase={phase}
        confirm={(plan) => importAll(plan.add, plan.same.length)}
        cancel={() => setPhase({ step: 'done', message: t('importCancelled') })}
      />
    </section>
  );
}

function ImportPhase({
  phase,
  confirm,
  cancel,
}: {
  phase: Phase;
  confirm(plan: ImportPlan): void;
  cancel(): void;
}) {
  if (phase.step === 'idle') return null;
  if (phase.step === 'reading')
    return (
      <p class="hint" role="status">
        {t('importReading')}
      </p>
    );
  if (phase.step === 'failed')
    return (
      <p class="import-error" role="alert" data-testid="import-error">
        {phase.error}
      </p>
    );
  if (phase.step === 'done')
    return (
      <p class="import-done" role="status" data-testid="import-done">
        {phase.message}
      </p>
    );
  return <ImportQuestion {...phase} confirm={confirm} cancel={cancel} />;
}

/** A file Gloss can read only in part: what is wrong, item by item, and the reader's choice. */
function ImportQuestion({
  file,
  plan,
  name,
  confirm,
  cancel,
}: Extract<Phase, { step: 'ask' }> & { confirm(plan: ImportPlan): void; cancel(): void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      class="import-ask"
      role="alertdialog"
      aria-labelledby="import-ask-title"
      data-testid="import-ask"
      tabIndex={-1}
      ref={box}
    >
      <p id="import-ask-title">
        {t('importSummary', [name, t(KIND_LABEL[file.kind]), file.total])}
      </p>
      {file.rejected.length > 0 && (
        <>
          <p>{t('importRejected', [file.rejected.length])}</p>
          <ul class="import-problems">
            {file.rejected.slice(0, PROBLEMS_SHOWN).map((item) => (
              <li key={item.index}>
                {t('importItem', [item.index + 1, item.problems.join('; ')])}
              </li>
            ))}
            {file.rejected.length > PROBLEMS_SHOWN && <li>…</li>}
          </ul>
        </>
      )}
      {plan.conflicts.length > 0 && <p>{t('importConflicts', [plan.conflicts.length])}</p>}
      {plan.same.length > 0 && <p>{t('importSame', [plan.same.length])}</p>}
      {plan.add.length > 0 ? (
        <>
          <p>
            <strong>{t('importAsk', [plan.add.length])}</strong>
          </p>
          <div class="transfer-actions">
            <button
              type="button"
              class="primary"
              data-action="import-confirm"
              onClick={() => confirm(plan)}
            >
              {t('importConfirm', [plan.add.length])}
            </button>
            <button type="button" data-action="import-cancel" onClick={cancel}>
              {t('importCancel')}
            </button>
          </div>
        </>
      ) : (
        <div class="transfer-actions">
          <p>{t('importNothingToAdd')}</p>
          <button type="button" data-action="import-cancel" onClick={cancel}>
            {t('importCancel')}
          </button>
        </div>
      )}
    </div>
  );
}
