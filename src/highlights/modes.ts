/**
 * Reading modes (platform/settings.ts, READING_MODES) as what the painters do: which categories
 * are painted, which of them only where the reader is (at the pointer or the caret), and in which
 * look. Pure: settings in, a presentation out.
 *
 * The mode is a layer over the toggles: a category turned off (or everything off) stays off in
 * every mode; a mode only ever paints less, or more lightly, than the toggles allow.
 */
import { isCategoryShown, type Settings } from '../platform/settings';
import {
  HIGHLIGHT_CATEGORIES,
  type HighlightCategory,
  type HighlightLook,
  NOTE_CATEGORIES,
} from './categories';

export interface Presentation {
  /** Categories painted: shown by the toggles and kept by the mode. */
  shown: ReadonlySet<HighlightCategory>;
  /** Of those, the categories painted only at the annotation under the pointer or the caret. */
  onlyWhereReaderIs: ReadonlySet<HighlightCategory>;
  look: HighlightLook;
}

const isNote = (c: HighlightCategory) => (NOTE_CATEGORIES as readonly string[]).includes(c);
const isClaim = (c: HighlightCategory) => c.startsWith('claim-');

export function presentationOf(settings: Settings): Presentation {
  const toggled = HIGHLIGHT_CATEGORIES.filter((c) => isCategoryShown(settings, c));
  switch (settings.readingMode) {
    case 'calm':
      return {
        shown: new Set(toggled),
        onlyWhereReaderIs: new Set(toggled.filter(isClaim)),
        look: 'calm',
      };
    case 'notes':
      return { shown: new Set(toggled.filter(isNote)), onlyWhereReaderIs: new Set(), look: 'full' };
    case 'everything':
      return { shown: new Set(toggled), onlyWhereReaderIs: new Set(), look: 'full' };
  }
}
