/**
 * Drafted claims: quoted and reported speech found by attribution patterns, one sentence at a time
 * (sentences split outside quotation marks), the first pattern that fits winning:
 *
 *   quote first      “Q,” X said. / “Q!” said X.           → Q (each of its sentences), direct quote
 *   continued quote  “Q2. Q3.” right after a quote of X     → Q2, Q3, same speaker and cue
 *   statement first  S, X said on Monday. / S, according to X.
 *                    (S itself "Y told Z that T" → T, with Y as the speaker)
 *   speaker first    X said (on Monday / in an interview) that S. / X told Y that S. / X said S.
 *
 * X is a short phrase without punctuation (at most eight words). The speaker is the entity whose
 * drafted mention ends where X ends ("Commerce Secretary Howard Lutnick", "Mr Xi"); otherwise X
 * is an unnamed speaker in its own words ("the ministry", "people familiar with the matter",
 * "Some Trump advisers"): references and pronouns are left for the reviewer to resolve.
 * Every claim's kind is `fact` until someone judges it, and its topics are empty.
 */
import type { Attribution } from '../../src/annotations/model';
import type { DraftEntity } from './entities';
import { type DraftText, overlap, type Span, trimSpan } from './text';

export interface DraftClaim {
  target: Span;
  cue: Span;
  speaker: { entity: string } | { unnamed: string };
  attribution: Attribution;
  /** Entities with a drafted mention inside the target, and the speaker. */
  involves: string[];
  how: string;
}

/** Verbs that attribute words to a speaker. */
const VERB =
  '(?:said|says|told|tells|added|adds|posted|posts|wrote|writes|stated|states|announced|announces|warned|warns|noted|notes|insisted|insists|argued|argues|claimed|claims|explained|explains|described|describes|declared|declares|replied|confirmed|confirms|denied|denies|acknowledged|urged|urges|tweeted)';
const VERB_GROUP = `(?:also\\s+)?(?:(?:has|have|had)\\s+)?(?:also\\s+)?${VERB}`;
/** A speaker: one to eight words, none carrying punctuation that ends a phrase or opens a quote. */
const SPEAKER = `(?:[^\\s,;:“”"]+\\s+){0,7}?[^\\s,;:“”"]+`;
/** Verbs whose object comes before "that": "X told Mr Trump that …". */
const OBJECT_VERBS = /^(told|tells|warned|warns|urged|urges)$/;
/** Words that open an adjunct between the verb and "that": "said on Nov 14 that …". */
const ADJUNCT_START =
  /^(on|in|at|during|to|after|before|via|through|with|earlier|later|last|this|again|also|separately)$/i;
const MAX_ADJUNCT_WORDS = 10;
const MAX_TAIL_WORDS = 12;

const QUOTE_FIRST = new RegExp(
  `^[“"](?<quote>[^”"]+?)[,.]?[”"]\\s+(?<attr>(?<speaker>${SPEAKER})\\s+${VERB_GROUP}\\b.*|${VERB}\\s+(?<after>${SPEAKER}))$`,
  'du',
);
const OPENS_WITH_QUOTE = /^[“"](?<quote>[^”"]+)[”"]/du;
const ACCORDING_TO = /^according to\s+(?<speaker>.+)$/du;
const SPEAKER_VERB = new RegExp(
  `^(?<speaker>${SPEAKER})\\s+(?<verb>${VERB_GROUP})\\b(?<rest>.*)$`,
  'du',
);
const VERB_SPEAKER = new RegExp(`^${VERB}\\s+(?<speaker>${SPEAKER})$`, 'du');

const OFFICIAL = /\b(statement|readout|communiqu[eé]|spokes(?:man|woman|person))\b/i;
const ANONYMOUS =
  /^(?:some\s+|several\s+|two\s+|three\s+)?(people|sources?|officials?|persons?|diplomats?)\b/i;

/** A piece of a sentence: its text and where it starts in the canonical text. */
interface Piece {
  text: string;
  start: number;
}
const sub = (p: Piece, from: number, to = p.text.length): Piece => ({
  text: p.text.slice(from, to),
  start: p.start + from,
});
const groupPiece = (p: Piece, m: RegExpMatchArray, name: string): Piece | undefined => {
  const at = m.indices?.groups?.[name];
  return at ? sub(p, at[0], at[1]) : undefined;
};
const spanOf = (p: Piece): Span => ({ start: p.start, end: p.start + p.text.length });

interface Found {
  target: Span;
  cue: Span;
  speakerPhrase: Span;
  attribution: 'quote' | 'report' | 'statement';
  how: string;
}

export function findClaims(text: DraftText, entities: DraftEntity[]): DraftClaim[] {
  const found: Found[] = [];
  text.paragraphs.forEach((paragraph, i) => {
    if (paragraph.role === 'subheading') return;
    let lastQuote: Found | undefined;
    for (const sentence of sentencesOf({ text: paragraph.text, start: text.starts[i] ?? 0 })) {
      const claims = claimsOfSentence(sentence, lastQuote);
      found.push(...claims);
      const quoted = claims.filter((c) => c.attribution === 'quote').at(-1);
      lastQuote = quoted ?? (claims.length > 0 ? undefined : lastQuote);
    }
  });
  const kept: Found[] = [];
  for (const f of found) if (!kept.some((k) => overlap(k.target, f.target))) kept.push(f);
  return kept.map((f) => resolve(f, text, entities));
}

function claimsOfSentence(sentence: Piece, lastQuote: Found | undefined): Found[] {
  const s = sub(sentence, 0, sentence.text.replace(/[.\s]+$/, '').length);
  // Quote first: “Q,” X said.
  const q = s.text.match(QUOTE_FIRST);
  if (q) {
    const quote = groupPiece(s, q, 'quote') as Piece;
    const attr = groupPiece(s, q, 'attr') as Piece;
    const speaker = (groupPiece(s, q, 'speaker') ?? groupPiece(s, q, 'after')) as Piece;
    return quoteSentences(quote).map((target) => ({
      target,
      cue: spanOf(attr),
      speakerPhrase: spanOf(speaker),
      attribution: 'quote',
      how: 'attribution pattern: “…,” X said',
    }));
  }
  // A quotation continuing the previous quote's speaker.
  const opens = s.text.match(OPENS_WITH_QUOTE);
  if (opens && lastQuote) {
    const quote = groupPiece(s, opens, 'quote') as Piece;
    return quoteSentences(quote).map((target) => ({
      ...lastQuote,
      target,
      how: 'attribution pattern: a quotation continuing the previous speaker’s',
    }));
  }
  return statementFirst(s) ?? speakerFirst(s) ?? [];
}

/** S, X said … / S, according to X. */
function statementFirst(s: Piece): Found[] | undefined {
  for (
    let comma = s.text.lastIndexOf(', ');
    comma > 0;
    comma = s.text.lastIndexOf(', ', comma - 1)
  ) {
    const rest = sub(s, comma + 2);
    const statement = sub(s, 0, comma);
    if (statement.text.split(/\s+/).length < 3) continue;
    const according = rest.text.match(ACCORDING_TO);
    const saying = rest.text.match(SPEAKER_VERB) ?? rest.text.match(VERB_SPEAKER);
    const tail = saying?.groups?.rest ?? '';
    const saysOnly =
      saying &&
      !/\bthat\b|[“”"]/.test(tail) &&
      tail.trim().split(/\s+/).filter(Boolean).length <= MAX_TAIL_WORDS;
    const m = according ?? (saysOnly ? saying : undefined);
    if (!m) continue;
    const speaker = groupPiece(rest, m, 'speaker') as Piece;
    const official = OFFICIAL.test(rest.text);
    // "Y told Z that T, according to X": Y is the speaker, X where the words are reported.
    const inner = speakerFirst(statement)?.[0];
    if (inner) {
      return [
        {
          ...inner,
          attribution: official ? 'statement' : inner.attribution,
          how: `${inner.how}, reported ${according ? 'according to' : 'as said by'} "${speaker.text}"`,
        },
      ];
    }
    const target = unquoted(statement);
    return [
      {
        target: spanOf(target),
        cue: spanOf(rest),
        speakerPhrase: spanOf(speaker),
        attribution: official ? 'statement' : hasQuotation(statement.text) ? 'quote' : 'report',
        how: according
          ? 'attribution pattern: S, according to X'
          : 'attribution pattern: S, X said',
      },
    ];
  }
  return undefined;
}

/** X said (adjunct) that S. / X told Y that S. / X said S. */
function speakerFirst(s: Piece): Found[] | undefined {
  const m = s.text.match(SPEAKER_VERB);
  if (!m) return undefined;
  const speaker = groupPiece(s, m, 'speaker') as Piece;
  const verb = groupPiece(s, m, 'verb') as Piece;
  const rest = groupPiece(s, m, 'rest') as Piece;
  const words = rest.text.trim().split(/\s+/);
  const that = words.indexOf('that');
  const adjunct = words.slice(0, Math.max(0, that));
  const lastVerb = verb.text.split(/\s+/).at(-1) ?? '';
  const adjunctFits =
    that >= 0 &&
    that <= MAX_ADJUNCT_WORDS &&
    !adjunct.some((w) => /[“”"]/.test(w) || /^(and|but|or)$/i.test(w)) &&
    (that === 0 || OBJECT_VERBS.test(lastVerb) || ADJUNCT_START.test(adjunct[0] ?? ''));
  let cue: Piece;
  let target: Piece;
  if (adjunctFits) {
    const thatAt = rest.text.search(/\bthat\b/);
    cue = sub(s, 0, rest.start - s.start + thatAt);
    target = sub(rest, thatAt + 'that'.length);
  } else {
    cue = sub(s, 0, verb.start - s.start + verb.text.length);
    target = rest;
  }
  const trimmed = trimSpan(s.text, {
    start: target.start - s.start,
    end: target.start - s.start + target.text.length,
  });
  if (trimmed.end - trimmed.start < 2) return undefined;
  const body = unquoted(sub(s, trimmed.start, trimmed.end));
  const cueSpan = trimSpan(s.text, {
    start: cue.start - s.start,
    end: cue.start - s.start + cue.text.length,
  });
  return [
    {
      target: spanOf(body),
      cue: { start: s.start + cueSpan.start, end: s.start + cueSpan.end },
      speakerPhrase: spanOf(speaker),
      attribution: OFFICIAL.test(speaker.text)
        ? 'statement'
        : hasQuotation(body.text)
          ? 'quote'
          : 'report',
      how: adjunctFits ? 'attribution pattern: X said that S' : 'attribution pattern: X said S',
    },
  ];
}

const hasQuotation = (s: string) => /[“”"]/.test(s);

/** A piece wholly inside one pair of quotation marks, without them. */
function unquoted(p: Piece): Piece {
  const m = p.text.match(/^[“"]([^“”"]+)[”"]$/);
  return m ? sub(p, 1, p.text.length - 1) : p;
}

/** The sentences of a quotation, each without its final full stop or comma. */
function quoteSentences(quote: Piece): Span[] {
  const out: Span[] = [];
  let from = 0;
  const ends = [...quote.text.matchAll(/[.!?]\s+(?=[\p{Lu}\p{N}“"‘])/gu)].map(
    (m) => (m.index ?? 0) + 1,
  );
  for (const end of [...ends, quote.text.length]) {
    const span = trimSpan(quote.text, { start: from, end }, /[\s,.;:]/);
    if (span.end > span.start)
      out.push({ start: quote.start + span.start, end: quote.start + span.end });
    from = end;
  }
  return out;
}

/**
 * The sentences of a paragraph. A full stop, question or exclamation mark ends a sentence when a
 * space and a capital (or an opening quote) follow, outside quotation marks; after a closing quote
 * only a full stop does ("“Q!” Mr X posted" is one sentence, “Q.” Next. are two).
 */
export function sentencesOf(paragraph: Piece): Piece[] {
  const t = paragraph.text;
  const out: Piece[] = [];
  let inQuote = false;
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i] ?? '';
    if (c === '“') inQuote = true;
    else if (c === '”') inQuote = false;
    else if (c === '"') inQuote = !inQuote;
    let end = -1;
    if (/[.!?]/.test(c) && !inQuote) end = i + 1;
    else if (c === '.' && inQuote && /[”"]/.test(t[i + 1] ?? '')) end = i + 2;
    if (end === -1 || !/^\s+[\p{Lu}\p{N}“"‘(]/u.test(t.slice(end))) continue;
    out.push(sub(paragraph, from, end));
    from = end + (t.slice(end).match(/^\s+/)?.[0].length ?? 0);
    if (end === i + 2) {
      inQuote = false;
      i++;
    }
  }
  if (from < t.length) out.push(sub(paragraph, from));
  return out;
}

const KIND_ORDER = ['person', 'organisation', 'place'] as const;

function resolve(f: Found, text: DraftText, entities: DraftEntity[]): DraftClaim {
  const phrase = trimSpan(text.text, f.speakerPhrase);
  const words = text.text.slice(phrase.start, phrase.end);
  const speakerEntity = KIND_ORDER.flatMap((kind) =>
    entities.filter(
      (e) =>
        e.kind === kind && e.mentions.some((m) => m.end === phrase.end && m.start >= phrase.start),
    ),
  )[0];
  const involved = entities.filter((e) =>
    e.mentions.some((m) => f.target.start <= m.start && m.end <= f.target.end),
  );
  const involves = [
    ...new Set([...(speakerEntity ? [speakerEntity.id] : []), ...involved.map((e) => e.id)]),
  ];
  const attribution: Attribution =
    f.attribution === 'statement'
      ? 'official-statement'
      : !speakerEntity && ANONYMOUS.test(words)
        ? 'anonymous-sources'
        : f.attribution === 'quote'
          ? 'direct-quote'
          : 'reported-speech';
  return {
    target: f.target,
    cue: f.cue,
    speaker: speakerEntity ? { entity: speakerEntity.id } : { unnamed: words },
    attribution,
    involves,
    how: f.how,
  };
}
