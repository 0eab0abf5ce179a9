import { useMemo } from 'preact/hooks';
import type { Pack } from '../../annotations/model';
import { t } from '../../platform/i18n';
import { ORPHAN_REASON_LABEL } from '../../presentation/labels';
import { speakerName } from '../../presentation/speaker';
import { Count } from '../components';
import { useArticle } from '../context';
import { type CutSummary, cutSummary } from '../cut-summary';
import { orphanGroups } from '../derive';

/**
 * The annotations Gloss could not highlight on this page, by reason, with their words. What a cut
 * leaves out is summarised rather than listed: its claims by speaker, its entities with counts,
 * and how much text is missing.
 */
export function Missing() {
  const { pack, state } = useArticle();
  const groups = useMemo(() => orphanGroups(pack, state), [pack, state]);
  const cut = useMemo(() => cutSummary(pack, state), [pack, state]);
  return (
    <>
      <h2 class="section-title">{t('tabMissing')}</h2>
      {groups.length === 0 ? (
        <p class="muted">{t('missingNone')}</p>
      ) : (
        <p class="hint">{t('missingHint')}</p>
      )}
      {groups.map((group) =>
        group.reason === 'paywall' && cut ? (
          <CutGroup key={group.reason} pack={pack} cut={cut} />
        ) : (
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
        ),
      )}
    </>
  );
}

function CutGroup({ pack, cut }: { pack: Pack; cut: CutSummary }) {
  const claims = cut.claimsBySpeaker.reduce((n, g) => n + g.claims.length, 0);
  return (
    <section class="group cut" aria-labelledby="reason-paywall" data-reason="paywall">
      <h3 id="reason-paywall">
        {t('orphanPaywall')} <Count n={cut.total} />
      </h3>
      {claims > 0 && (
        <>
          <h4 class="cut-heading">
            {t('cutClaims')} <Count n={claims} />
          </h4>
          <ul class="cut-speakers">
            {cut.claimsBySpeaker.map((group) => (
              <li key={group.key} data-speaker={group.key}>
                <span class="cut-speaker">
                  {speakerName(pack, group.speaker, t)} <Count n={group.claims.length} />
                </span>
                <ul class="cut-claims">
                  {group.claims.map((claim) => (
                    <li key={claim.id} data-orphan={claim.id}>
                      <q class="orphan-text">{claim.target.quote.exact}</q>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {cut.entities.length > 0 && (
        <>
          <h4 class="cut-heading">{t('cutEntities')}</h4>
          <ul class="cut-entities">
            {cut.entities.map(({ entity, count }) => (
              <li key={entity.id} data-entity={entity.id}>
                {entity.name}
                <span class="cut-times" aria-hidden="true">
                  ×{count}
                </span>
                <span class="sr-only">{t('cutTimes', [count])}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4 class="cut-heading">{t('cutText')}</h4>
      <p class="cut-size" data-testid="cut-size">
        {t('cutSize', [cut.missing.paragraphs, cut.missing.words])}
      </p>
    </section>
  );
}
