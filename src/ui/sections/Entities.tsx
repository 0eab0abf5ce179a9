import { useMemo, useState } from 'preact/hooks';
import type { Claim } from '../../annotations/model';
import { entityCategory } from '../../highlights/categories';
import { t } from '../../platform/i18n';
import { ENTITY_KIND_LABEL } from '../../presentation/labels';
import { CategorySample, ClaimItem, Count } from '../components';
import { useArticle } from '../context';
import { claimsOfEntity, type EntityRow, entityGroups } from '../derive';
import { reveal } from '../hooks';

/**
 * People, organisations, places, things and events, by kind. Choosing one opens its details (its
 * claims) and steps through its mentions on the page: each choice reveals the next one.
 */
export function Entities() {
  const { pack, page } = useArticle();
  const groups = useMemo(() => entityGroups(pack, page), [pack, page]);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <h2 class="section-title">{t('tabEntities')}</h2>
      <p class="hint">{t('entitiesHint')}</p>
      {groups.map((group) => (
        <section
          key={group.kind}
          class="group"
          aria-labelledby={`kind-${group.kind}`}
          data-kind={group.kind}
        >
          <h3 id={`kind-${group.kind}`}>
            <CategorySample category={entityCategory(group.kind)} />
            {t(ENTITY_KIND_LABEL[group.kind])} <Count n={group.rows.length} />
          </h3>
          <ul class="entities">
            {group.rows.map((row) => (
              <EntityItem
                key={row.entity.id}
                row={row}
                open={selected === row.entity.id}
                onOpen={() => setSelected(row.entity.id)}
                onClose={() => setSelected(null)}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function EntityItem({
  row,
  open,
  onOpen,
  onClose,
}: {
  row: EntityRow;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
}) {
  const { tabId, announce } = useArticle();
  const { entity, found, total } = row;
  // The mention shown last (-1: none yet); each choice moves on to the next, round the end.
  const [at, setAt] = useState(-1);
  const detailsId = `entity-${entity.id}`;

  const showNext = async () => {
    onOpen();
    if (found.length === 0) {
      announce(t('entityNotOnPage', [entity.name]));
      return;
    }
    const next = (at + 1) % found.length;
    setAt(next);
    const ok = await reveal(tabId, found[next] as string);
    announce(ok ? t('mentionShown', [entity.name, next + 1, found.length]) : t('revealFailed'));
  };

  return (
    <li class={open ? 'entity open' : 'entity'} data-entity={entity.id}>
      <div class="entity-head">
        <button
          type="button"
          class="entity-name"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={showNext}
        >
          <span class="name">{entity.name}</span>
          {entity.role && <span class="role">{entity.role}</span>}
        </button>
        <span class={found.length ? 'mentions' : 'mentions none'} data-testid="mentions">
          {t('mentionsFoundOfTotal', [found.length, total])}
        </span>
      </div>
      <p class="description">{entity.description}</p>
      {open && (
        <EntityDetails
          id={detailsId}
          row={row}
          at={at}
          onNext={showNext}
          onClose={() => {
            onClose();
          }}
        />
      )}
    </li>
  );
}

function EntityDetails({
  id,
  row,
  at,
  onNext,
  onClose,
}: {
  id: string;
  row: EntityRow;
  at: number;
  onNext: () => void;
  onClose: () => void;
}) {
  const { pack } = useArticle();
  const { entity, found } = row;
  const { by, about } = useMemo(() => claimsOfEntity(pack, entity.id), [pack, entity.id]);
  return (
    <div class="details" id={id}>
      <p class="details-bar">
        <span>
          {found.length === 0
            ? t('entityNotOnPage', [entity.name])
            : at >= 0
              ? t('mentionPosition', [at + 1, found.length])
              : t('mentionsOnPage', [found.length])}
        </span>
        {found.length > 1 && (
          <button type="button" onClick={onNext}>
            {t('nextMention')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('closeDetails')}
        </button>
      </p>
      <ClaimList title={t('claimsBy', [entity.name])} claims={by} idPrefix={`${id}-by`} />
      <ClaimList
        title={t('claimsAbout', [entity.name])}
        claims={about}
        idPrefix={`${id}-about`}
        showSpeaker
      />
    </div>
  );
}

function ClaimList({
  title,
  claims,
  idPrefix,
  showSpeaker = false,
}: {
  title: string;
  claims: Claim[];
  idPrefix: string;
  showSpeaker?: boolean;
}) {
  return (
    <section aria-labelledby={`${idPrefix}-title`}>
      <h4 id={`${idPrefix}-title`}>
        {title} <Count n={claims.length} />
      </h4>
      {claims.length ? (
        <ul class="claims">
          {claims.map((claim) => (
            <ClaimItem key={claim.id} claim={claim} idPrefix={idPrefix} showSpeaker={showSpeaker} />
          ))}
        </ul>
      ) : (
        <p class="muted">{t('noClaims')}</p>
      )}
    </section>
  );
}
