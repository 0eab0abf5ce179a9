import { useMemo } from 'preact/hooks';
import { DateText } from '../components';
import { useArticle } from '../context';
import { timeline } from '../derive';
import { t } from '../i18n';

/** The dated events the article reports, in date order, each to the precision it is known. */
export function Timeline() {
  const { pack } = useArticle();
  const events = useMemo(() => timeline(pack), [pack]);
  return (
    <>
      <h2 class="section-title">{t('tabTimeline')}</h2>
      {events.length === 0 ? (
        <p class="muted">{t('timelineEmpty')}</p>
      ) : (
        <ol class="timeline">
          {events.map((event) => (
            <li key={event.id} data-event={event.id}>
              <p class="when">
                <DateText value={event.date.value} precision={event.date.precision} />
              </p>
              <p class="what">{event.label}</p>
              <p class="from muted">
                {t('resolvedFrom', [event.date.resolvedFrom])}
                {event.date.note && <> · {event.date.note}</>}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
