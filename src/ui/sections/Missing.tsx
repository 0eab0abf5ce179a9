import { useMemo } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { ORPHAN_REASON_LABEL } from '../../presentation/labels';
import { speakerName } from '../../presentation/speaker';
import { Count } from '../components';
import { useArticle } from '../context';
import { orphanGroups } from '../derive';

/** The annotations Gloss could not highlight on this page, by reason, with their words. */
export function Missing() {
  const { pack, state } = useArticle();
  const groups = useMemo(() => orphanGroups(pack, state), [pack, state]);
  return (
    <>
      <h2 class="section-title">{t('tabMissing')}</h2>
      {groups.length === 0 ? (
        <p class="muted">{t('missingNone')}</p>
      ) : (
        <p class="hint">{t('missingHint')}</p>
      )}
      {groups.map((group) => (
        <section
          key={group.reason}
          class="group"
          aria-labelledby={`reason-${group.reason}`}
          data-reason={group.reason}
        >
          <h3 id={`reason-${group.reason}`}>
            {t(ORPHAN_REASON_LABEL[group.reason])} <Count n={group.items.length} />
          </h3>
          <ul class="orphans">
            {group.items.map((item) => (
              <li key={item.id} data-orphan={item.id}>
                {item.type === 'mention' && (
                  <>
                    <span class="orphan-kind">{t('orphanMention', [item.entity.name])}</span>
                    <q class="orphan-text">{item.text}</q>
                  </>
                )}
                {item.type === 'claim' && (
                  <>
                    <span class="orphan-kind">
                      {t('orphanClaim', [speakerName(pack, item.claim.speaker, t)])}
                    </span>
                    <q class="orphan-text">{item.text}</q>
                  </>
                )}
                {item.type === 'unknown' && <span class="orphan-kind">{item.id}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
