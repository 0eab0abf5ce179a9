import { useMemo } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { DateText, RevealButton } from '../components';
import { useArticle } from '../context';
import { timeline } from '../derive';

/**
 * The dated events the article reports, in date order, each to the precision it is known, with a
 * way to the sentence that reports it when that claim is highlighted on this page.
 */
export function Timeline() {
  const { pack, page } = useArticle();
  const events = useMemo(() => timeline(pack), [pack]);
  return (
    <>
      <h2 class="section-title">{t('tabTimeline')}</h2>
      {events.length === 0 ? (
        <p class="muted">{t('timelineEmpty')}</p>
      ) : (
        <ol class="timeline">
          {events.map((event) => {
            const shown = event.claims?.find((id) => page.anchored.has(id));
            return (
              <li key={event.id} data-event={event.id}>
                <p class="when">
                  <DateText value={event.date.value} precision={event.date.precision} />
                </p>
                <p class="what" id={`event-${event.id}`}>
                  {event.label}
                </p>
                <p class="from muted">
                  {t('resolvedFrom', [event.date.resolvedFrom])}
                  {event.date.note && <> · {event.date.note}</>}
                </p>
                {shown && <RevealButton annotationId={shown} describedBy={`event-${event.id}`} />}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
