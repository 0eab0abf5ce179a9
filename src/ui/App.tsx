/**
 * The one Gloss UI, hosted by the toolbar popup and by the side panel. It describes one tab:
 * `?tab=<id>` if the address names one, else the active tab (which the side panel follows).
 *
 * Layout: a header (brand, highlights switch, "open side panel" in the popup), the article's
 * headline as the page's h1, then tab-style section navigation (WAI-ARIA tabs: arrow keys, Home,
 * End) over one section at a time, so the popup never scrolls through everything at once.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Pack } from '../annotations/model';
import { loadPacks, packById } from '../annotations/packs';
import { sendUiToBackground } from '../messages/send';
import { type MessageKey, t } from '../platform/i18n';
import { canOpenSidePanel, openSidePanel } from '../platform/panel';
import { PAGE_ERROR_LABEL } from '../presentation/labels';
import { type ArticleContext, ArticleCtx, type SectionId } from './context';
import { type FoundState, indexPage } from './derive';
import { type Host, tabParam, useSettings, useShortcut, useTabId, useTabState } from './hooks';
import { countHere, MyNotes, useMyNotes } from './my-notes/MyNotes';
import { Claims } from './sections/Claims';
import { Entities } from './sections/Entities';
import { Highlights, MasterToggle } from './sections/Highlights';
import { Missing } from './sections/Missing';
import { Overview } from './sections/Overview';
import { Sources } from './sections/Sources';
import { Timeline } from './sections/Timeline';

export function App({ host }: { host: Host }) {
  const tabId = useTabId(host === 'sidepanel');
  const { state, refresh } = useTabState(tabId);
  const [settings, change] = useSettings();
  const shortcut = useShortcut();
  const [status, setStatus] = useState('');

  let body: ComponentChildren;
  if (state.status === 'pending' || tabId === undefined) body = <Loading />;
  else if (state.status === 'none' || tabId === null)
    body = (
      <>
        <NoArticle tabId={tabId} refresh={refresh} />
        <NotesBelow tabId={tabId} announce={setStatus} popup={host === 'popup'} />
      </>
    );
  else if (state.status === 'loading') body = <Reading articleId={state.articleId} />;
  else if (state.status === 'error')
    body = (
      <>
        <ErrorState
          body={t(PAGE_ERROR_LABEL[state.reason])}
          detail={state.detail}
          tabId={tabId}
          refresh={refresh}
        />
        <NotesBelow tabId={tabId} announce={setStatus} popup={host === 'popup'} />
      </>
    );
  else {
    const pack = packById(state.articleId);
    body = pack ? (
      <ArticleView
        key={`${tabId}:${state.articleId}`}
        pack={pack}
        state={state}
        tabId={tabId}
        announce={setStatus}
        popup={host === 'popup'}
        settings={settings}
        change={change}
        shortcut={shortcut}
      />
    ) : (
      <ErrorState body={t('unknownArticle')} tabId={tabId} refresh={refresh} />
    );
  }

  return (
    <div class="app" data-host={host} data-state={state.status}>
      <header class="bar">
        <span class="brand">
          <img src="/icons/gloss-32.png" alt="" width={20} height={20} />
          {t('appName')}
        </span>
        <span class="bar-actions">
          <MasterToggle settings={settings} change={change} compact />
          {host === 'popup' && canOpenSidePanel() && (
            <OpenPanelButton tabId={tabId ?? null} announce={setStatus} />
          )}
        </span>
      </header>
      <main>{body}</main>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

function OpenPanelButton({
  tabId,
  announce,
}: {
  tabId: number | null;
  announce: (m: string) => void;
}) {
  return (
    <button
      type="button"
      class="panel-button"
      onClick={() => {
        // Called first thing in the click: the browsers open panels only in a user gesture.
        openSidePanel(tabId)
          .then(() => {
            // A real popup makes way for the panel; the "open in a tab" view (?tab=) stays.
            if (tabParam() === null) window.close();
          })
          .catch(() => announce(t('openSidePanelFailed')));
      }}
    >
      {t('openSidePanel')}
    </button>
  );
}

// ---------------------------------------------------------------------------------------------
// States without an article
// ---------------------------------------------------------------------------------------------

function Loading() {
  return (
    <section class="state" aria-busy="true">
      <h1>{t('appName')}</h1>
      <p>{t('loading')}</p>
    </section>
  );
}

function Reading({ articleId }: { articleId: string }) {
  const pack = packById(articleId);
  return (
    <section class="state" aria-busy="true">
      <h1>{t('stateReadingTitle')}</h1>
      {pack && <p class="headline-quote">{pack.article.headline}</p>}
      <p>{t('stateReadingBody')}</p>
    </section>
  );
}

/** Asks the background to look for a known article in the tab; says when nothing turned up. */
function CheckPageButton({ tabId, refresh }: { tabId: number | null; refresh: () => void }) {
  const [phase, setPhase] = useState<'idle' | 'checking' | 'done'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  if (tabId === null) return null;
  return (
    <>
      <button
        type="button"
        class="primary"
        disabled={phase === 'checking'}
        onClick={async () => {
          setPhase('checking');
          try {
            await sendUiToBackground({ type: 'gloss/check-page', tabId });
          } catch {
            // The page may refuse scripts (a browser page): reported as "nothing found" below.
          }
          refresh();
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setPhase('done'), 2500);
        }}
      >
        {t('checkPage')}
      </button>
      <p class="hint" role="status">
        {phase === 'checking' ? t('checking') : phase === 'done' ? t('checkFoundNothing') : ''}
      </p>
    </>
  );
}

function NoArticle({ tabId, refresh }: { tabId: number | null; refresh: () => void }) {
  const { packs } = loadPacks();
  return (
    <section class="state">
      <h1>{t('stateNoneTitle')}</h1>
      <p>{t('stateNoneBody')}</p>
      <CheckPageButton tabId={tabId} refresh={refresh} />
      <h2>{t('knownArticlesTitle')}</h2>
      <ul class="known">
        {packs.map((pack) => (
          <KnownArticle key={pack.article.id} pack={pack} />
        ))}
      </ul>
    </section>
  );
}

function KnownArticle({ pack }: { pack: Pack }) {
  const { article } = pack;
  return (
    <li>
      <p class="known-headline">{article.headline}</p>
      <p class="muted">{t('runsOn')}</p>
      <ul class="sites">
        {article.sites.map((site) => (
          <li key={site.host}>
            {site.name} <span class="muted">({site.host})</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** Gloss could not show this page: what happened in the catalogue's words, then the browser's. */
function ErrorState({
  body,
  detail,
  tabId,
  refresh,
}: {
  body: string;
  detail?: string | undefined;
  tabId: number | null;
  refresh: () => void;
}) {
  return (
    <section class="state">
      <h1>{t('stateErrorTitle')}</h1>
      <p>{body}</p>
      {detail && (
        <p class="error-detail">
          {t('stateErrorDetail')} <code>{detail}</code>
        </p>
      )}
      <CheckPageButton tabId={tabId} refresh={refresh} />
    </section>
  );
}

/** A page with no article: the reader's notes still have their section, under the page's state. */
function NotesBelow({
  tabId,
  announce,
  popup,
}: {
  tabId: number | null;
  announce: (m: string) => void;
  popup: boolean;
}) {
  const data = useMyNotes(tabId);
  return (
    <section class="state-notes" data-section="notes">
      <MyNotes data={data} tabId={tabId} announce={announce} headingLevel="shown" popup={popup} />
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// The article
// ---------------------------------------------------------------------------------------------

const SECTIONS: ReadonlyArray<{ id: SectionId; label: MessageKey }> = [
  { id: 'overview', label: 'tabOverview' },
  { id: 'entities', label: 'tabEntities' },
  { id: 'claims', label: 'tabClaims' },
  { id: 'sources', label: 'tabSources' },
  { id: 'timeline', label: 'tabTimeline' },
  { id: 'missing', label: 'tabMissing' },
  { id: 'highlights', label: 'tabHighlights' },
  { id: 'notes', label: 'tabMyNotes' },
];

function ArticleView({
  pack,
  state,
  tabId,
  announce,
  popup,
  settings,
  change,
  shortcut,
}: {
  pack: Pack;
  state: FoundState;
  tabId: number;
  announce: (m: string) => void;
  popup: boolean;
  settings: Parameters<typeof Highlights>[0]['settings'];
  change: Parameters<typeof Highlights>[0]['change'];
  shortcut: string;
}) {
  const [section, setSection] = useState<SectionId>('overview');
  const page = useMemo(() => indexPage(state), [state]);
  // The page is asked about its notes only while the tab shows them (a view that keeps asking
  // the page made Chromium's popup misbehave in the panel-opening gesture test).
  const myNotes = useMyNotes(section === 'notes' ? tabId : null);
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  const goTo = useCallback((id: SectionId) => {
    setSection(id);
    tabs.current[id]?.focus();
  }, []);
  const ctx: ArticleContext = useMemo(
    () => ({ pack, state, page, tabId, announce, goTo }),
    [pack, state, page, tabId, announce, goTo],
  );
  const counts: Partial<Record<SectionId, number>> = {
    entities: pack.entities.length,
    claims: pack.claims.length,
    ...(pack.sources ? { sources: pack.sources.sources.length } : {}),
    timeline: pack.timeline.length,
    missing: state.orphans.length,
    notes: countHere(myNotes),
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const i = SECTIONS.findIndex((s) => s.id === section);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % SECTIONS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + SECTIONS.length) % SECTIONS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? SECTIONS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    goTo((SECTIONS[next] as (typeof SECTIONS)[number]).id);
  };

  return (
    <ArticleCtx.Provider value={ctx}>
      <div class="article-head">
        <h1>{pack.article.headline}</h1>
        {state.status === 'partial' && (
          <p class="banner" data-testid="partial-banner">
            {t('partialBanner')}{' '}
            <button type="button" class="link" onClick={() => goTo('missing')}>
              {t('partialBannerLink')}
            </button>
          </p>
        )}
      </div>
      <div class="tabs" role="tablist" aria-label={t('sectionsLabel')} onKeyDown={onKeyDown}>
        {SECTIONS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={section === id}
            aria-controls={`panel-${id}`}
            tabIndex={section === id ? 0 : -1}
            ref={(el) => {
              tabs.current[id] = el;
            }}
            onClick={() => setSection(id)}
          >
            {t(label)}
            {counts[id] !== undefined && <span class="count">{counts[id]}</span>}
          </button>
        ))}
      </div>
      <div
        class="panel"
        role="tabpanel"
        id={`panel-${section}`}
        aria-labelledby={`tab-${section}`}
        data-section={section}
      >
        {section === 'overview' && <Overview />}
        {section === 'entities' && <Entities />}
        {section === 'claims' && <Claims />}
        {section === 'sources' && <Sources />}
        {section === 'timeline' && <Timeline />}
        {section === 'missing' && <Missing />}
        {section === 'highlights' && (
          <Highlights
            settings={settings}
            change={change}
            shortcut={shortcut}
            counts={page.byCategory}
          />
        )}
        {section === 'notes' && (
          <MyNotes data={myNotes} tabId={tabId} announce={announce} popup={popup} />
        )}
      </div>
    </ArticleCtx.Provider>
  );
}
