/** Naming who says a claim, one rule for the hover cards and the popup and side panel. */
import type { Pack, Speaker } from '../annotations/model';
import type { Translate } from '../platform/i18n';

/**
 * A speaker's display name: an entity by its name, an unnamed source as the article describes it
 * (capitalised), the reporter by the catalogue's word for them.
 */
export function speakerName(pack: Pack, speaker: Speaker, t: Translate): string {
  switch (speaker.type) {
    case 'entity':
      return pack.entities.find((e) => e.id === speaker.entity)?.name ?? speaker.entity;
    case 'unnamed': {
      const d = speaker.description.trim();
      return d.charAt(0).toUpperCase() + d.slice(1);
    }
    default:
      return t('speakerReporter');
  }
}
