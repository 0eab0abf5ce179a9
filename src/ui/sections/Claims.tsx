import { useMemo, useState } from 'preact/hooks';
import type { ClaimKind } from '../../annotations/model';
import { t } from '../../platform/i18n';
import { CLAIM_KIND_LABEL } from '../../presentation/labels';
import { speakerName } from '../../presentation/speaker';
import { ClaimItem, Count } from '../components';
import { useArticle } from '../context';
import { type ClaimFilter, claimGroups, claimKindsIn, filterClaims } from '../derive';

/** Who says what: claims grouped by speaker, filterable by speaker and by kind. */
export function Claims() {
  const { pack } = useArticle();
  const [filter, setFilter] = useState<ClaimFilter>({ speaker: null, kind: null });
  const speakers = useMemo(() => claimGroups(pack.claims), [pack]);
  const kinds = useMemo(() => claimKindsIn(pack), [pack]);
  const shown = useMemo(() => filterClaims(pack.claims, filter), [pack, filter]);
  const groups = useMemo(() => claimGroups(shown), [shown]);
  const label = (speaker: (typeof speakers)[number]['speaker']) => speakerName(pack, speaker, t);

  return (
    <>
      <h2 class="section-title">{t('tabClaims')}</h2>
      <div class="filters">
        <label>
          <span>{t('filterSpeaker')}</span>
          <select
            value={filter.speaker ?? ''}
            onChange={(e) =>
              setFilter({ ...filter, speaker: (e.target as HTMLSelectElement).value || null })
            }
          >
            <option value="">{t('filterAllSpeakers')}</option>
            {speakers.map((g) => (
              <option key={g.key} value={g.key}>
                {t('optionWithCount', [label(g.speaker), g.claims.length])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filterKind')}</span>
          <select
            value={filter.kind ?? ''}
            onChange={(e) =>
              setFilter({
                ...filter,
                kind: ((e.target as HTMLSelectElement).value || null) as ClaimKind | null,
              })
            }
          >
            <option value="">{t('filterAllKinds')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(CLAIM_KIND_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="hint" role="status" data-testid="claims-shown">
        {t('claimsShown', [shown.length, pack.claims.length])}
      </p>
      {groups.map((group) => (
        <section
          key={group.key}
          class="group"
          aria-labelledby={`speaker-${slug(group.key)}`}
          data-speaker={group.key}
        >
          <h3 id={`speaker-${slug(group.key)}`}>
            {label(group.speaker)} <Count n={group.claims.length} />
          </h3>
          <ul class="claims">
            {group.claims.map((claim) => (
              <ClaimItem key={claim.id} claim={claim} idPrefix="claims" />
            ))}
          </ul>
        </section>
      ))}
      {groups.length === 0 && <p class="muted">{t('noClaimsMatch')}</p>}
    </>
  );
}

const slug = (key: string) => key.replace(/[^\w-]+/g, '-');
