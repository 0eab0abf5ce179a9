/**
 * The rules for a pack's `sources` section (see model.ts, "Sources"), called by `validatePack`:
 *
 *  - every source has at least one citation; every citation is an absolute https URL;
 *  - every passage (a speaker's words) is reproduced by at least two different outlets;
 *  - every claim, passage, source and entity a source refers to exists;
 *  - a claim that quotes its speaker rests on a passage, and that passage contains the article's
 *    quoted words (quotes, case and spacing normalised); the marked part is in the passage;
 *  - every claim the article attributes to a post, statement, interview or readout (a claim with
 *    `said`) rests on a source, or is listed as not found with what was searched;
 *  - ids are unique among sources, not-found entries and comparisons; dates are real dates.
 */
import type { Citation, Claim, Pack } from './model';

type Key = string | number;
type Err = (keys: readonly Key[], message: string, expected?: string) => void;

/**
 * Text as compared between the article and a source: typographic quotes and apostrophes made
 * straight, ellipsis spelled out, case folded, runs of spaces made one. The article's house style
 * (curly quotes, "Mr") and an outlet's (straight quotes) must not decide whether words match.
 */
export function normaliseQuote(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Does `haystack` contain `needle`, both normalised? */
export function containsQuote(haystack: string, needle: string): boolean {
  return normaliseQuote(haystack).includes(normaliseQuote(needle));
}

/**
 * The words a claim quotes: the spans in quotation marks inside its target ("very good"), or,
 * for a direct quote with no marks inside the target (the target is the quotation), the whole
 * target. Empty for claims that quote nobody.
 */
export function quotedWords(claim: Claim): string[] {
  const exact = claim.target.quote.exact;
  const inner = [...exact.matchAll(/[\u201C"]([^\u201D"]+)[\u201D"]/g)].map((m) => m[1] ?? '');
  if (inner.length > 0) return inner.filter((w) => w.trim() !== '');
  return claim.attribution === 'direct-quote' ? [exact] : [];
}

function httpsUrl(s: string): boolean {
  try {
    const url = new URL(s);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

const clip = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** What `validatePack` lends the source rules (they live in validate.ts). */
export interface SourceCheckTools {
  dateProblem(value: string, precision: 'day' | 'month' | 'year'): string | undefined;
  jsonPath(keys: readonly Key[]): string;
}

export function checkSources(pack: Pack, err: Err, tools: SourceCheckTools): void {
  const { dateProblem, jsonPath } = tools;
  const section = pack.sources;
  if (!section) return;
  const claims = new Map(pack.claims.map((c) => [c.id, c]));
  const entities = new Set(pack.entities.map((e) => e.id));
  const ids = new Map<string, string>();
  const define = (id: string, keys: Key[]) => {
    const previous = ids.get(id);
    if (previous) err([...keys, 'id'], `"${id}" is already used at ${previous}`, 'a unique id');
    else ids.set(id, jsonPath(keys));
  };
  const refClaim = (id: string, keys: Key[]) => {
    if (!claims.has(id))
      err(keys, `refers to claim "${id}", which does not exist`, 'the id of a claim in this pack');
  };
  const checkCitations = (list: readonly Citation[], keys: Key[]) => {
    list.forEach((c, i) => {
      if (!httpsUrl(c.url))
        err(
          [...keys, i, 'url'],
          `"${clip(c.url)}" is not an absolute https URL`,
          'an address like https://outlet.example/page',
        );
    });
  };

  section.sources.forEach((source, i) => {
    const keys: Key[] = ['sources', 'sources', i];
    define(source.id, keys);
    if (source.issuerEntity !== undefined && !entities.has(source.issuerEntity))
      err(
        [...keys, 'issuerEntity'],
        `refers to entity "${source.issuerEntity}", which does not exist`,
        'the id of an entity in this pack',
      );
    const d = dateProblem(source.date.value, source.date.precision);
    if (d) err([...keys, 'date', 'value'], d, 'a real date of the stated precision');
    if (source.citations.length === 0)
      err(
        [...keys, 'citations'],
        `source "${source.id}" has no citation`,
        'the address of the original, or of outlets that reproduce it',
      );
    checkCitations(source.citations, [...keys, 'citations']);

    const passages = new Map<string, string>();
    source.passages.forEach((p, j) => {
      const pk: Key[] = [...keys, 'passages', j];
      if (passages.has(p.id))
        err([...pk, 'id'], `"${p.id}" is already a passage of this source`, 'a unique id');
      passages.set(p.id, p.text);
      checkCitations(p.citations, [...pk, 'citations']);
      const outlets = new Set(
        p.citations.filter((c) => c.role === 'reproduction').map((c) => c.outlet.toLowerCase()),
      );
      if (outlets.size < 2)
        err(
          [...pk, 'citations'],
          `passage "${p.id}" is reproduced by ${outlets.size} outlet(s)`,
          'at least two independent outlets that reproduce the same wording',
        );
    });

    source.uses.forEach((use, j) => {
      const uk: Key[] = [...keys, 'uses', j];
      refClaim(use.claim, [...uk, 'claim']);
      const claim = claims.get(use.claim);
      if (use.passage === undefined) {
        if (use.marked !== undefined)
          err([...uk, 'marked'], 'marks words but names no passage', 'a passage, or no marked');
        if (claim?.attribution === 'direct-quote')
          err(
            [...uk, 'passage'],
            `is missing: claim "${use.claim}" quotes its speaker, so its source must give the fuller wording`,
            'the id of the passage with the quoted words, or a not-found entry for the claim',
          );
        return;
      }
      const text = passages.get(use.passage);
      if (text === undefined) {
        err(
          [...uk, 'passage'],
          `refers to passage "${use.passage}", which this source does not have`,
          'the id of one of its passages',
        );
        return;
      }
      if (use.marked === undefined)
        err([...uk, 'marked'], 'is missing', 'the words of the passage the article uses');
      else if (!containsQuote(text, use.marked))
        err(
          [...uk, 'marked'],
          `"${clip(use.marked)}" is not in passage "${use.passage}"`,
          'words copied from the passage',
        );
      for (const words of claim ? quotedWords(claim) : []) {
        if (!containsQuote(text, words))
          err(
            [...uk, 'passage'],
            `the fuller wording of "${use.passage}" does not contain the article's quoted words "${clip(words)}" (claim ${use.claim})`,
            'a passage that contains the words the article quotes (quotes and case aside)',
          );
      }
    });
  });

  section.notFound.forEach((nf, i) => {
    const keys: Key[] = ['sources', 'notFound', i];
    define(nf.id, keys);
    nf.claims.forEach((id, k) => {
      refClaim(id, [...keys, 'claims', k]);
    });
  });

  const sourceIds = new Set(section.sources.map((s) => s.id));
  section.comparisons.forEach((cmp, i) => {
    const keys: Key[] = ['sources', 'comparisons', i];
    define(cmp.id, keys);
    cmp.accounts.forEach((a, j) => {
      const ak: Key[] = [...keys, 'accounts', j];
      if (a.source !== undefined && !sourceIds.has(a.source))
        err(
          [...ak, 'source'],
          `refers to source "${a.source}", which does not exist`,
          'the id of a source in this pack',
        );
      if (a.citations.length === 0)
        err([...ak, 'citations'], 'is empty', 'the pages that give this account');
      checkCitations(a.citations, [...ak, 'citations']);
    });
  });

  // Every claim the article attributes to a post, statement, interview or readout is covered.
  const covered = new Set([
    ...section.sources.flatMap((s) => s.uses.map((u) => u.claim)),
    ...section.notFound.flatMap((nf) => nf.claims),
  ]);
  pack.claims.forEach((c, i) => {
    if (c.said && !covered.has(c.id))
      err(
        ['claims', i],
        `claim "${c.id}" is attributed to ${c.said.medium ? `"${c.said.medium}"` : 'something said elsewhere'} but no source rests it, and no not-found entry lists it`,
        'a use in a source, or the claim in a not-found entry with what was searched',
      );
  });
}
