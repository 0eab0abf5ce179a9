import { claimsOfSource } from '../../annotations/claim-sources';
import type { Source, SourceComparison } from '../../annotations/model';
import { t } from '../../platform/i18n';
import { RevealButton } from '../components';
import { useArticle } from '../context';
import { Citations, Passage, Searched, sourceSummary } from '../sources';

/**
 * Every source the article draws on, with the claims that rest on each; then the claims whose
 * source was not found, with what was searched; then accounts that differ, side by side, without
 * comment.
 */
export function Sources() {
  const { pack } = useArticle();
  const section = pack.sources;
  return (
    <>
      <h2 class="section-title">{t('tabSources')}</h2>
      {!section ? (
        <p class="muted">{t('sourcesNone')}</p>
      ) : (
        <>
          <p class="hint">{t('sourcesIntro')}</p>
          <ul class="sources">
            {section.sources.map((source) => (
              <SourceCard key={source.id} source={source} />
            ))}
          </ul>
          {section.notFound.length > 0 && (
            <section class="group" aria-labelledby="sources-not-found">
              <h3 id="sources-not-found">{t('notFoundTitle')}</h3>
              <ul class="sources">
                {section.notFound.map((nf) => (
                  <li key={nf.id} class="source-card" data-not-found={nf.id}>
                    <p>{nf.subject}</p>
                    <ClaimList ids={nf.claims} owner={nf.id} />
                    {nf.found && (
                      <p>
                        <span class="muted">{t('foundInstead')}:</span> {nf.found}
                      </p>
                    )}
                    <Searched searched={nf.searched} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {section.comparisons.length > 0 && (
            <section class="group" aria-labelledby="sources-comparisons">
              <h3 id="sources-comparisons">{t('comparisonsTitle')}</h3>
              {section.comparisons.map((cmp) => (
                <Comparison key={cmp.id} comparison={cmp} />
              ))}
            </section>
          )}
        </>
      )}
    </>
  );
}

function SourceCard({ source }: { source: Source }) {
  const { pack } = useArticle();
  const headingId = `source-${source.id}`;
  const claims = claimsOfSource(pack, source);
  return (
    <li class="source-card" data-source={source.id} id={`card-${source.id}`} tabIndex={-1}>
      <h3 id={headingId}>{sourceSummary(source)}</h3>
      <p class="source-where">{source.publishedIn}</p>
      <p>{source.description}</p>
      {source.passages.map((p) => (
        <div key={p.id} class="source-passage">
          <Passage
            text={p.text}
            speaker={p.speaker}
            marks={source.uses.filter((u) => u.passage === p.id).flatMap((u) => u.marked ?? [])}
            {...(p.citations[0] ? { cite: p.citations[0].url } : {})}
          />
          {p.note && <p class="source-note">{p.note}</p>}
          <Citations citations={p.citations} />
        </div>
      ))}
      {source.passages.length === 0 && <p class="muted">{t('sourceWordingNotFound')}</p>}
      {source.passages.length > 0 && <p class="hint">{t('sourceMarkedHint')}</p>}
      <h4>{t('sourceCitations')}</h4>
      <Citations citations={source.citations} />
      {source.gaps?.map((gap) => (
        <div key={gap.what} class="source-gap">
          <p>{t('sourceGap', [gap.what])}</p>
          {gap.found && (
            <p>
              <span class="muted">{t('foundInstead')}:</span> {gap.found}
            </p>
          )}
          <Searched searched={gap.searched} />
        </div>
      ))}
      <h4>{t('sourceClaimsTitle')}</h4>
      <ClaimList ids={claims.map((c) => c.id)} owner={source.id} />
    </li>
  );
}

/** The article's claims, each with a way to its sentence in the page when it is highlighted. */
function ClaimList({ ids, owner }: { ids: readonly string[]; owner: string }) {
  const { pack, page } = useArticle();
  return (
    <ul class="source-claims">
      {ids.map((id) => {
        const claim = pack.claims.find((c) => c.id === id);
        if (!claim) return null;
        const textId = `${owner}-${id}`;
        return (
          <li key={id} data-claim={id}>
            <span id={textId}>{claim.target.quote.exact}</span>{' '}
            {page.anchored.has(id) && <RevealButton annotationId={id} describedBy={textId} />}
          </li>
        );
      })}
    </ul>
  );
}

function Comparison({ comparison }: { comparison: SourceComparison }) {
  const { pack } = useArticle();
  return (
    <section class="comparison" data-comparison={comparison.id}>
      <h4>{comparison.subject}</h4>
      <ul class="accounts">
        {comparison.accounts.map((a) => {
          const source = a.source ? pack.sources?.sources.find((s) => s.id === a.source) : null;
          return (
            <li key={a.label} class="account">
              <p class="account-label">{a.label}</p>
              <p class="account-says">{a.says}</p>
              {a.quote && (
                <blockquote class="account-quote" cite={a.citations[0]?.url}>
                  {a.quote}
                </blockquote>
              )}
              <Citations citations={a.citations} />
              {source && <p class="muted account-source">{sourceSummary(source)}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
