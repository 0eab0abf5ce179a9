/**
 * Asking the reader to let Gloss read one site, so that their notes there come back on every
 * visit: what it means, then the browser's own prompt on the reader's click. Shown in a small
 * window the background opens (src/grant/); the same button sits in the "My notes" tab.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { keepsSite, requestSite, siteName, sitePattern } from '../../platform/site-access';

/** The site the page asks about, from its address: only a pattern Gloss itself would write. */
export function siteOfPage(search = location.search): string | null {
  const site = new URLSearchParams(search).get('site');
  if (!site) return null;
  const pattern = sitePattern(site.replace(/\/\*$/, '/'));
  return pattern === site ? pattern : null;
}

type Answer = 'undecided' | 'granted' | 'refused';

export function SiteAccessPage({ site }: { site: string | null }) {
  const [answer, setAnswer] = useState<Answer>('undecided');
  if (!site)
    return (
      <main class="site-access">
        <h1>{t('appName')}</h1>
        <p>{t('sitePageBad')}</p>
      </main>
    );
  const name = siteName(site);
  return (
    <main class="site-access" data-answer={answer}>
      <h1>{t('sitePageTitle', [name])}</h1>
      {answer === 'undecided' ? (
        <>
          <p>{t('sitePageWhy', [name])}</p>
          <p>{t('sitePageWhat', [name])}</p>
          <p class="transfer-actions">
            <button
              type="button"
              class="primary"
              data-action="allow"
              onClick={() => {
                // First thing in the click: the browser asks only in the reader's gesture.
                requestSite(site)
                  .then(async (granted) =>
                    setAnswer(granted || (await keepsSite(site)) ? 'granted' : 'refused'),
                  )
                  .catch(() => setAnswer('refused'));
              }}
            >
              {t('sitePageAllow', [name])}
            </button>
            <button type="button" data-action="later" onClick={() => window.close()}>
              {t('sitePageLater')}
            </button>
          </p>
        </>
      ) : (
        <>
          <p role="status" data-testid="site-answer">
            {answer === 'granted' ? t('sitePageGranted', [name]) : t('sitePageRefused', [name])}
          </p>
          <p>
            <button type="button" data-action="close" onClick={() => window.close()}>
              {t('siteClose')}
            </button>
          </p>
        </>
      )}
    </main>
  );
}

export function mountSiteAccess(root = document.getElementById('app')) {
  document.title = t('appName');
  if (root) render(<SiteAccessPage site={siteOfPage()} />, root);
}
