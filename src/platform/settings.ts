/**
 * The one settings module: highlight toggles and the reading mode, kept in the browser's extension
 * storage (storage.local; nothing leaves the browser). Reads never fail: bad or unreadable storage
 * gives the defaults, and settings stored before a field existed get that field's default.
 */
import { browser } from './browser';

/**
 * How much Gloss paints, a layer over the toggles (a category turned off stays off in every mode):
 * - `everything`: every shown category, in full;
 * - `calm`: entities lightly shaded; a claim underlined only where the pointer or the caret is;
 * - `notes`: the reader's own notes only, none of the pack's highlights.
 */
export const READING_MODES = ['everything', 'calm', 'notes'] as const;
export type ReadingMode = (typeof READING_MODES)[number];

export const isReadingMode = (value: unknown): value is ReadingMode =>
  (READING_MODES as readonly unknown[]).includes(value);

export interface Settings {
  /** All highlights on or off. */
  enabled: boolean;
  /** Highlight categories the reader turned off (e.g. 'entity-place', 'claim-assessment'). */
  hiddenCategories: string[];
  /** How much of what is shown is painted (see READING_MODES). */
  readingMode: ReadingMode;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  hiddenCategories: [],
  readingMode: 'everything',
});

const KEY = 'gloss.settings.v1';

/** Coerce whatever storage holds into valid settings; unknown or broken values fall back. */
export function normaliseSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const hidden = Array.isArray(r.hiddenCategories)
    ? r.hiddenCategories.filter(
        (c): c is string => typeof c === 'string' && /^[a-z-]{1,64}$/.test(c),
      )
    : [];
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : DEFAULT_SETTINGS.enabled,
    hiddenCategories: [...new Set(hidden)].sort(),
    // Absent (settings from before reading modes) or unknown (a newer version's mode): the default.
    readingMode: isReadingMode(r.readingMode) ? r.readingMode : DEFAULT_SETTINGS.readingMode,
  };
}

export async function readSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(KEY);
    return normaliseSettings(stored[KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS, hiddenCategories: [] };
  }
}

export async function writeSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: normaliseSettings(settings) });
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = normaliseSettings(change(await readSettings()));
  await writeSettings(next);
  return next;
}

/** Calls `listener` with the new settings whenever they change, from any context. */
export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(normaliseSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** Is this category shown under these toggles? (The reading mode decides how: highlights/modes.ts.) */
export const isCategoryShown = (s: Settings, category: string) =>
  s.enabled && !s.hiddenCategories.includes(category);
