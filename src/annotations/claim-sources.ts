/**
 * Reading a pack's sources section (see model.ts, "Sources") from the side of a claim or of a
 * source: which sources a claim rests on, which claims rest on a source, and where the article's
 * words sit inside a source's fuller wording. Pure: used by the hover cards and the side panel.
 */
import type {
  Claim,
  Pack,
  Source,
  SourceComparison,
  SourceNotFound,
  SourcePassage,
  SourceUse,
} from './model';

/** One source a claim rests on, with the use that links them and the passage it names. */
export interface ClaimSource {
  source: Source;
  use: SourceUse;
  passage?: SourcePassage;
}

/** The sources a claim rests on, in the pack's order. */
export function sourcesOfClaim(pack: Pack, claimId: string): ClaimSource[] {
  const out: ClaimSource[] = [];
  for (const source of pack.sources?.sources ?? []) {
    for (const use of source.uses) {
      if (use.claim !== claimId) continue;
      const passage = use.passage ? source.passages.find((p) => p.id === use.passage) : undefined;
      out.push(passage ? { source, use, passage } : { source, use });
    }
  }
  return out;
}

/** The not-found entry that lists a claim, if any. */
export function notFoundOfClaim(pack: Pack, claimId: string): SourceNotFound | undefined {
  return pack.sources?.notFound.find((nf) => nf.claims.includes(claimId));
}

/** The claims that rest on a source, in the article's order. */
export function claimsOfSource(pack: Pack, source: Source): Claim[] {
  const ids = new Set(source.uses.map((u) => u.claim));
  return pack.claims.filter((c) => ids.has(c.id));
}

/** The comparisons in which a source gives one of the accounts. */
export function comparisonsOfSource(pack: Pack, sourceId: string): SourceComparison[] {
  return (pack.sources?.comparisons ?? []).filter((c) =>
    c.accounts.some((a) => a.source === sourceId),
  );
}

/** A piece of a passage: marked when it is the part the article uses. */
export interface PassagePart {
  text: string;
  marked: boolean;
}

/**
 * `text` split around the first occurrence of each of `marks`, compared as the pack check compares
 * them (straight or curly quotes, case and runs of spaces alike), so a mark lands on the passage's
 * own characters. Overlapping marks merge; a mark not found marks nothing.
 */
export function markedParts(
  text: string,
  marks: string | readonly string[] | undefined,
): PassagePart[] {
  const list = marks === undefined ? [] : typeof marks === 'string' ? [marks] : marks;
  const hay = folded(text);
  const joined = hay.chars.join('');
  const ranges: Array<[number, number]> = [];
  for (const mark of list) {
    const needle = folded(mark).chars.join('');
    const at = needle ? joined.indexOf(needle) : -1;
    if (at < 0) continue;
    const start = hay.origin[at] ?? 0;
    const last = at + needle.length - 1;
    ranges.push([start, (hay.origin[last] ?? start) + Math.max(1, hay.width[last] ?? 1)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: PassagePart[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    const previous = parts[parts.length - 1];
    if (from === at && previous?.marked) previous.text += text.slice(from, end);
    else parts.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/**
 * Each character folded like `normaliseQuote` (validate-sources.ts), one output unit per input
 * character so positions map back: `origin[i]` is where folded unit i starts in the text and
 * `width[i]` how many code units of the text it stands for.
 */
function folded(text: string): { chars: string[]; origin: number[]; width: number[] } {
  const chars: string[] = [];
  const origin: number[] = [];
  const width: number[] = [];
  let i = 0;
  for (const ch of text) {
    let out: string;
    if (/[\u2018\u2019\u201A\u201B\u2032`]/.test(ch)) out = "'";
    else if (/[\u201C\u201D\u201E\u201F\u2033]/.test(ch)) out = '"';
    else if (/\s/.test(ch)) out = ' ';
    else out = ch.toLowerCase();
    // Runs of spaces count as one, as in normaliseQuote.
    if (out === ' ' && chars[chars.length - 1] === ' ') {
      width[width.length - 1] = (width[width.length - 1] ?? 1) + ch.length;
    } else if (ch === '\u2026') {
      for (let k = 0; k < 3; k++) {
        chars.push('.');
        origin.push(i);
        width.push(k === 2 ? ch.length : 0);
      }
    } else {
      // A lower-cased character may be longer ('İ' → 'i̇'); its units all map to it.
      const units = [...out];
      units.forEach((u, k) => {
        chars.push(u);
        origin.push(i);
        width.push(k === units.length - 1 ? ch.length : 0);
      });
    }
    i += ch.length;
  }
  return { chars, origin, width };
}
