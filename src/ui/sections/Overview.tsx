import { t } from '../../platform/i18n';
import { RECOGNISED_BY_LABEL } from '../../presentation/labels';
import { DateText } from '../components';
import { useArticle } from '../context';
import { totals } from '../derive';

/** What the article is, where it was found on this page, and how much of it Gloss highlighted. */
export function Overview() {
  const { pack, state, page, goTo } = useArticle();
  const { article } = pack;
  const counts = totals(pack, page);
  return (
    <>
      <h2 class="section-title">{t('tabOverview')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('factPublisher')}</dt>
          <dd>{article.publisher}</dd>
        </div>
        {article.wireCredit && (
          <div>
            <dt>{t('factWire')}</dt>
            <dd>{article.wireCredit}</dd>
          </div>
        )}
        <div>
          <dt>{t('factPublished')}</dt>
          <dd>
            <DateText value={article.published.date} precision={article.published.precision} />
          </dd>
        </div>
        <div>
          <dt>{t('factRecognisedBy')}</dt>
          <dd>{t(RECOGNISED_BY_LABEL[state.recognisedBy])}</dd>
        </div>
        <div>
          <dt>{t('factHighlighted')}</dt>
          <dd data-testid="highlighted-count">{t('countOfTotal', [counts.found, counts.total])}</dd>
        </div>
        <div>
          <dt>{t('factNotFound')}</dt>
          <dd data-testid="missing-count">
            {counts.missing > 0 ? (
              <button type="button" class="link" onClick={() => goTo('missing')}>
                {t('countNotFound', [counts.missing])}
              </button>
            ) : (
              t('countNone')
            )}
          </dd>
        </div>
      </dl>
      {article.published.note && (
        <details class="note">
          <summary>{t('dateNoteSummary')}</summary>
          <p>{article.published.note}</p>
        </details>
      )}
      {pack.topics.length > 0 && (
        <section aria-labelledby="topics-title">
          <h3 id="topics-title">{t('topicsTitle')}</h3>
          <ul class="chips">
            {pack.topics.map((topic) => (
              <li key={topic.id}>{topic.label}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
