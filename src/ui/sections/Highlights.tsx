import {
  CLAIM_CATEGORIES,
  ENTITY_CATEGORIES,
  type HighlightCategory,
  NOTE_CATEGORIES,
} from '../../highlights/categories';
import { type MessageKey, t } from '../../platform/i18n';
import { READING_MODES, type ReadingMode, type Settings } from '../../platform/settings';
import { CATEGORY_CUE, CATEGORY_LABEL } from '../../presentation/labels';
import { CategorySample } from '../components';

/** Hide or show a category: a pure change to the settings. */
export function toggleCategory(settings: Settings, category: HighlightCategory): Settings {
  const hidden = new Set(settings.hiddenCategories);
  if (hidden.has(category)) hidden.delete(category);
  else hidden.add(category);
  return { ...settings, hiddenCategories: [...hidden].sort() };
}

export function MasterToggle({
  settings,
  change,
  compact = false,
}: {
  settings: Settings | null;
  change: (fn: (s: Settings) => Settings) => void;
  compact?: boolean;
}) {
  const on = settings?.enabled ?? true;
  return (
    <button
      type="button"
      class={compact ? 'switch compact' : 'switch'}
      aria-pressed={on}
      disabled={!settings}
      data-testid={compact ? 'master-toggle-compact' : 'master-toggle'}
      onClick={() => change((s) => ({ ...s, enabled: !s.enabled }))}
    >
      <span class="knob" aria-hidden="true" />
      <span>{compact ? t('highlightsShort') : t('allHighlights')}</span>
    </button>
  );
}

const MODE_TEXT: Readonly<Record<ReadingMode, { label: MessageKey; hint: MessageKey }>> = {
  everything: { label: 'readingModeEverything', hint: 'readingModeEverythingHint' },
  calm: { label: 'readingModeCalm', hint: 'readingModeCalmHint' },
  notes: { label: 'readingModeNotes', hint: 'readingModeNotesHint' },
};

/**
 * The reading mode (platform/settings.ts, READING_MODES): native radio buttons, so arrow keys move
 * through the modes. A layer over the toggles, so it rests with them while everything is off.
 */
export function ReadingModes({
  settings,
  change,
}: {
  settings: Settings | null;
  change: (fn: (s: Settings) => Settings) => void;
}) {
  const current = settings?.readingMode ?? 'everything';
  return (
    <fieldset class="modes" disabled={!settings?.enabled} data-testid="reading-modes">
      <legend>{t('readingModeHeading')}</legend>
      {READING_MODES.map((mode) => (
        <label key={mode} class="mode" data-mode={mode}>
          <input
            type="radio"
            name="reading-mode"
            value={mode}
            checked={current === mode}
            aria-describedby={`mode-hint-${mode}`}
            onChange={() => change((s) => ({ ...s, readingMode: mode }))}
          />
          <span class="mode-label">{t(MODE_TEXT[mode].label)}</span>
          <span class="mode-hint" id={`mode-hint-${mode}`}>
            {t(MODE_TEXT[mode].hint)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The highlight toggles: all, and each category with its colour and its line or shade. */
export function Highlights({
  settings,
  change,
  shortcut,
  counts,
}: {
  settings: Settings | null;
  change: (fn: (s: Settings) => Settings) => void;
  shortcut: string;
  /** Highlighted annotations per category on this page. */
  counts: Readonly<Record<string, number>>;
}) {
  const enabled = settings?.enabled ?? true;
  const list = (title: string, id: string, categories: readonly HighlightCategory[]) => (
    <section class="group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul class="toggles">
        {categories.map((category) => {
          const shown = !settings?.hiddenCategories.includes(category);
          return (
            <li key={category}>
              <button
                type="button"
                class="toggle"
                aria-pressed={shown}
                disabled={!settings || !enabled}
                data-category={category}
                onClick={() => change((s) => toggleCategory(s, category))}
              >
                <CategorySample category={category} />
                <span class="toggle-label">{t(CATEGORY_LABEL[category])}</span>
                <span class="cue">{t(CATEGORY_CUE[category])}</span>
                <span class="toggle-count">{t('countHere', [counts[category] ?? 0])}</span>
                <span class="state" aria-hidden="true">
                  {shown ? t('stateOn') : t('stateOff')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
  return (
    <>
      <h2 class="section-title">{t('tabHighlights')}</h2>
      <p class="hint">{t('highlightsHint')}</p>
      <div class="master">
        <MasterToggle settings={settings} change={change} />
        <p class="shortcut">
          {t('shortcutLabel')}{' '}
          {shortcut ? <kbd>{shortcut}</kbd> : <span>{t('shortcutNotSet')}</span>}
        </p>
      </div>
      {!enabled && <p class="banner">{t('allOffNote')}</p>}
      <ReadingModes settings={settings} change={change} />
      {enabled && settings?.readingMode === 'notes' && (
        <p class="banner">{t('readingModeNotesNote')}</p>
      )}
      {list(t('groupEntities'), 'toggles-entities', ENTITY_CATEGORIES)}
      {list(t('groupClaims'), 'toggles-claims', CLAIM_CATEGORIES)}
      {list(t('groupMyMarks'), 'toggles-notes', NOTE_CATEGORIES)}
    </>
  );
}
