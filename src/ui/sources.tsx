/**
 * How the side panel shows a source: its one-line summary (kind, issuer, date), a passage of the
 * speaker's words with the part the article uses marked, the citations as links, and what was
 * searched where the record is silent. Used under each claim and in the Sources tab.
 */

import {
  type ClaimSource,
  markedParts,
  notFoundOfClaim,
  sourcesOfClaim,
} from '../annotations/claim-sources';
import type { Citation, Claim, Search, Source } from '../annotations/model';
import { t } from '../platform/i18n';
import { sourceSummary as summaryOf } from '../presentation/describe';
import { CITATION_ROLE_LABEL } from '../presentation/labels';
import { useArticle } from './context';

/** "Post · Donald Trump · 24 Nov 2025" (one rule for cards and panel). */
export const sourceSummary = (source: Source): string => summaryOf(source, t);

/** A speaker's words, with the parts the article uses marked. */
export function Passage({
  text,
  speaker,
  marks,
  cite,
}: {
  text: string;
  speaker: string;
  marks: readonly string[];
  cite?: string;
}) {
  return (
    <figure class="passage">
      <blockquote {...(cite ? { cite } : {})}>
        {markedParts(text, marks).map((part, i) =>
          part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
        )}
      </blockquote>
      <figcaption>{t('sourceWordingBy', [speaker])}</figcaption>
    </figure>
  );
}

/** Citations as links that open in a new tab and tell the page nothing about Gloss. */
export function Citations({ citations }: { citations: readonly Citation[] }) {
  const safe = citations.filter((c) => c.url.startsWith('https://'));
  if (safe.length === 0) return null;
  return (
    <ul class="citations" aria-label={t('sourceCitations')}>
      {safe.map((c) => (
        <li key={c.url}>
          <a
            href={c.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('citationLink', [c.outlet, t(CITATION_ROLE_LABEL[c.role])])}
          >
            {c.outlet}
          </a>{' '}
          <span class="muted">({t(CITATION_ROLE_LABEL[c.role])})</span>
          {c.note && <span class="citation-note"> {c.note}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The searches made for something the record does not show. */
export function Searched({ searched }: { searched: readonly Search[] }) {
  return (
    <details class="searched">
      <summary>{t('searchedTitle', [searched.length])}</summary>
      <ul>
        {searched.map((s) => (
          <li key={`${s.corpus}:${s.query}`}>{t('searchedIn', [s.query, s.corpus])}</li>
        ))}
      </ul>
    </details>
  );
}

/** One source of a claim: summary line, fuller wording with the article's part marked, links. */
function ClaimSourceBlock({ found }: { found: ClaimSource }) {
  const { source, use, passage } = found;
  return (
    <details class="source" data-source={source.id}>
      <summary>
        <span class="source-label">{t('sourceLabel')}</span> {sourceSummary(source)}
      </summary>
      <p class="source-where">{source.publishedIn}</p>
      {passage ? (
        <>
          <Passage
            text={passage.text}
            speaker={passage.speaker}
            marks={use.marked ? [use.marked] : []}
            {...(passage.citations[0] ? { cite: passage.citations[0].url } : {})}
          />
          <p class="hint">{t('sourceMarkedHint')}</p>
        </>
      ) : (
        <p class="muted">{t('sourceWordingNotFound')}</p>
      )}
      {use.note && <p class="source-note">{use.note}</p>}
      <Citations citations={passage ? passage.citations : source.citations} />
    </details>
  );
}

/** Under a claim: each source it rests on, or what was searched when none was found. */
export function ClaimSources({ claim }: { claim: Claim }) {
  const { pack } = useArticle();
  const found = sourcesOfClaim(pack, claim.id);
  const missing = notFoundOfClaim(pack, claim.id);
  if (found.length === 0 && !missing) return null;
  return (
    <div class="claim-sources">
      {found.map((f) => (
        <ClaimSourceBlock key={`${f.source.id}:${f.use.claim}`} found={f} />
      ))}
      {missing && (
        <details class="source source-missing" data-not-found={missing.id}>
          <summary>
            <span class="source-label">{t('sourceLabel')}</span> {t('notFoundTitle')}
          </summary>
          <p>{missing.subject}</p>
          {missing.found && (
            <p>
              <span class="muted">{t('foundInstead')}:</span> {missing.found}
            </p>
          )}
          <Searched searched={missing.searched} />
        </details>
      )}
    </div>
  );
}
