/** The toolbar badge: how many annotations are highlighted in this tab, said in words in the title. */

import type { PageState } from '../messages/protocol';
import { browser } from '../platform/browser';
import { type Translate, t } from '../platform/i18n';
import { PAGE_ERROR_LABEL } from '../presentation/labels';

export interface BadgeContent {
  text: string;
  title: string;
}

/** Pure: what the badge says for a page state, its title in the catalogue's words (`t`). */
export function badgeFor(state: PageState, t: Translate): BadgeContent {
  if (state.status === 'article' || state.status === 'partial') {
    let entities = 0;
    let claims = 0;
    for (const [category, ids] of Object.entries(state.anchored)) {
      if (category.startsWith('entity-')) entities += ids.length;
      else if (category.startsWith('claim-')) claims += ids.length;
    }
    const total = entities + claims;
    const found = [
      entities === 1 ? t('badgeEntityCount1') : t('badgeEntityCount', [entities]),
      claims === 1 ? t('badgeClaimCount1') : t('badgeClaimCount', [claims]),
    ];
    const missing = state.orphans.length;
    return {
      text: total > 999 ? '999+' : String(total),
      title: missing
        ? t('badgeTitleFoundAndMissing', [...found, missing])
        : t('badgeTitleFound', found),
    };
  }
  if (state.status === 'loading') return { text: '…', title: t('badgeTitleReading') };
  if (state.status === 'error')
    return { text: '!', title: t('badgeTitleError', [t(PAGE_ERROR_LABEL[state.reason])]) };
  return { text: '', title: t('actionTitle') };
}

export async function showBadge(tabId: number, state: PageState): Promise<void> {
  const { text, title } = badgeFor(state, t);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setTitle({ tabId, title }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#5b3cc4' }),
  ]);
}
