/** Small pieces shared by the sections. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Claim, ClaimKind } from '../annotations/model';
import { CATEGORY_STYLES, type HighlightCategory } from '../highlights/categories';
import { t } from '../platform/i18n';
import { formatDate } from '../presentation/dates';
import { viaName } from '../presentation/describe';
import {
  ATTRIBUTION_LABEL,
  CLAIM_KIND_LABEL,
  CLAIM_LINE,
  ORPHAN_REASON_LABEL,
  PRECISION_LABEL,
} from '../presentation/labels';
import { speakerName } from '../presentation/speaker';
import { useArticle } from './context';
import { reveal } from './hooks';
import { ClaimSources } from './sources';

/**
 * A sample of how a category is painted in the page: entities shaded, claims underlined in a line
 * style of their own, so colour is never the only cue.
 */
export function CategorySample({ category }: { category: HighlightCategory }) {
  const swatch = CATEGORY_STYLES[category].swatch;
  const claim = category.startsWith('claim-');
  const line = claim ? CLAIM_LINE[category.slice('claim-'.length) as ClaimKind] : undefined;
  return (
    <span
      class={claim ? 'sample sample-claim' : 'sample sample-entity'}
      style={{ '--swatch': swatch, ...(line ? { '--line-style': line } : {}) }}
      aria-hidden="true"
    >
      Aa
    </span>
  );
}

/** A <time> for a partial date, shown to its precision. */
export function DateText({
  value,
  precision,
}: {
  value: string;
  precision: 'day' | 'month' | 'year';
}) {
  return (
    <time dateTime={value} title={t(PRECISION_LABEL[precision])}>
      {formatDate(value, precision, t('dateLocale'))}
    </time>
  );
}

/** A button that asks the page to scroll to an annotation and flash it. */
export function RevealButton({
  annotationId,
  describedBy,
  children,
}: {
  annotationId: string;
  describedBy?: string;
  children?: ComponentChildren;
}) {
  const { tabId, announce } = useArticle();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      class="reveal"
      aria-describedby={describedBy}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const ok = await reveal(tabId, annotationId);
        setBusy(false);
        announce(ok ? t('revealDone') : t('revealFailed'));
      }}
    >
      {children ?? t('showInPage')}
    </button>
  );
}

/** One claim: its words, kind, attribution, when and where it was said, and its place on the page. */
export function ClaimItem({
  claim,
  idPrefix,
  showSpeaker = false,
}: {
  claim: Claim;
  idPrefix: string;
  showSpeaker?: boolean;
}) {
  const { pack, page } = useArticle();
  const quoteId = `${idPrefix}-${claim.id}`;
  const orphan = page.orphans.get(claim.id);
  const anchored = page.anchored.has(claim.id);
  const name = speakerName(pack, claim.speaker, t);
  const via = viaName(pack, claim);
  // When and where it was said, as the article words it: "posted on social media, 24 Nov 2025".
  const said = [
    claim.said?.medium,
    claim.said?.date &&
      formatDate(claim.said.date.value, claim.said.date.precision, t('dateLocale')),
    via ? t('saidVia', [via]) : undefined,
  ].filter((x): x is string => Boolean(x));
  return (
    <li class="claim">
      {showSpeaker && <p class="claim-speaker">{name}</p>}
      <p class={`claim-text line-${CLAIM_LINE[claim.kind]}`} id={quoteId}>
        {claim.target.quote.exact}
      </p>
      <p class="claim-meta">
        <span class={`tag tag-${claim.kind}`}>{t(CLAIM_KIND_LABEL[claim.kind])}</span>
        <span>{t(ATTRIBUTION_LABEL[claim.attribution])}</span>
      </p>
      {said.length > 0 && <p class="claim-said">{said.join(', ')}</p>}
      <ClaimSources claim={claim} />
      <p class="claim-actions">
        {anchored ? (
          <RevealButton annotationId={claim.id} describedBy={quoteId} />
        ) : (
          <span class="muted">{orphan ? t(ORPHAN_REASON_LABEL[orphan]) : t('orphanNotFound')}</span>
        )}
      </p>
    </li>
  );
}

/** A heading with a count beside it. */
export function Count({ n, label }: { n: number; label?: string }) {
  return (
    <span class="count" {...(label ? { title: label } : {})}>
      {n}
    </span>
  );
}
