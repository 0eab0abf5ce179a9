/** The toolbar badge: how many annotations are highlighted in this tab, said in words in the title. */

import type { PageState } from '../messages/protocol';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { PAGE_ERROR_LABEL } from '../presentation/labels';

export interface BadgeContent {
  text: string;
  title: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Pure: what the badge says for a page state. */
export function badgeFor(state: PageState): BadgeContent {
  if (state.status === 'article' || state.status === 'partial') {
    let entities = 0;
    let claims = 0;
    for (const [category, ids] of Object.entries(state.anchored)) {
      if (category.startsWith('entity-')) entities += ids.length;
      else if (category.startsWith('claim-')) claims += ids.length;
    }
    const total = entities + claims;
    const found = `${plural(entities, 'entity', 'entities')} and ${plural(claims, 'claim', 'claims')} highlighted`;
    const missing = state.orphans.length ? `; ${state.orphans.length} not found on this page` : '';
    return { text: total > 999 ? '999+' : String(total), title: `Gloss: ${found}${missing}` };
  }
  if (state.status === 'loading') return { text: '…', title: 'Gloss: reading this article' };
  if (state.status === 'error')
    return { text: '!', title: `${t('actionTitle')}: ${t(PAGE_ERROR_LABEL[state.reason])}` };
  return { text: '', title: 'Gloss' };
}

export async function showBadge(tabId: number, state: PageState): Promise<void> {
  const { text, title } = badgeFor(state);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setTitle({ tabId, title }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#5b3cc4' }),
  ]);
}
