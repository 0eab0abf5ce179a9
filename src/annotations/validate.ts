/**
 * Pack validation: `validatePack(json, file)` checks a parsed pack against the schema
 * (`schema.ts`) and the semantic rules of `model.ts`, and says what is wrong in plain words,
 * naming the file and the JSON path of each problem.
 *
 * Semantic rules:
 *  - every string is free of markup (HTML tags, `<script>`), control characters, bidirectional
 *    controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), invisible characters
 *    (U+200B–U+200D, U+2060, U+FEFF, U+00AD), unpaired surrogates, and is not too long;
 *  - ids are unique (one namespace for entities, mentions, claims, timeline events and topics)
 *    and every reference resolves;
 *  - every selector agrees with the canonical text: the position points exactly at the quote,
 *    prefix/suffix are the text right before/after it;
 *  - dates are real calendar dates whose shape matches their precision;
 *  - annotations of the same category do not overlap unless declared in `allowOverlap`;
 *  - topics list exactly the claims that list them, and the paragraphs of those claims;
 *  - sites, URLs and match patterns are well formed;
 *  - the optional `sources` section follows its own rules (validate-sources.ts).
 */
import * as v from 'valibot';
import type { EntityKind, Pack, Target } from './model';
import { MAX_STRING_LENGTH, MAX_TEXT_LENGTH, PackSchema } from './schema';
import { CONTEXT_LENGTH, canonicalText, paragraphStarts } from './text';
import { checkSources } from './validate-sources';

/** One problem in a pack file. */
export interface PackError {
  /** The pack file (as given to the validator), or the source file it was compiled from. */
  file: string;
  /** The line of the source file, for a pack compiled from a folder (1-based). */
  line?: number;
  /** JSON path of the offending value, e.g. `$.claims[3].target.quote.exact`. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
  /** What was expected instead, when that can be said. */
  expected?: string;
}

export type ValidationResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

/** `file[:line]: $.path: message (expected ...)` */
export function formatPackError(e: PackError): string {
  const where = e.line !== undefined ? `${e.file}:${e.line}` : e.file;
  return `${where}: ${e.path}: ${e.message}${e.expected ? ` (expected ${e.expected})` : ''}`;
}

type Key = string | number;

/** `$`, `$.a`, `$.a[3]`, `$["odd key"]` */
export function jsonPath(keys: readonly Key[]): string {
  let out = '$';
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(k)) out += `.${k}`;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}

/** Parse pack JSON text and validate it; malformed JSON is reported as an error at `$`. */
export function parsePack(text: string, file: string): ValidationResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [
        {
          file,
          path: '$',
          message: `is not valid JSON: ${(e as Error).message}`,
          expected: 'a JSON object',
        },
      ],
    };
  }
  return validatePack(json, file);
}

// ---------------------------------------------------------------------------------------------
// Hostile strings
// ---------------------------------------------------------------------------------------------

const u = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a string is unsafe to carry in a pack, or undefined if it is fine. */
export function hostileReason(
  s: string,
  maxLength: number,
  allowLineBreaks = false,
): string | undefined {
  if (/<\s*script/i.test(s)) return 'contains a <script> tag';
  const tag = s.match(/<\s*\/?\s*[A-Za-z!?][^>]*>?/);
  if (tag) return `contains HTML markup (${JSON.stringify(tag[0].slice(0, 40))})`;
  const bidi = s.match(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  if (bidi) return `contains an invisible bidirectional-text control character (${u(bidi[0])})`;
  const zw = s.match(/[\u200B-\u200D\u2060\uFEFF\u00AD]/);
  if (zw) return `contains an invisible zero-width character (${u(zw[0])})`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
  const ctl = (allowLineBreaks ? s.replace(/\n/g, '') : s).match(/[\u0000-\u001F\u007F-\u009F]/);
  if (ctl) return `contains a control character (${u(ctl[0])})`;
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) {
    return 'contains an unpaired UTF-16 surrogate (broken text encoding)';
  }
  if (s.length > maxLength) return `is ${s.length} characters long`;
  return undefined;
}

/** Paths whose strings may be long (article text and quotes). */
const isLongTextPath = (keys: readonly Key[]) => {
  const last = keys[keys.length - 1];
  return (
    last === 'text' ||
    last === 'exact' ||
    last === 'standfirst' ||
    last === 'marked' ||
    last === 'quote'
  );
};

function checkStrings(
  json: unknown,
  err: (keys: Key[], message: string, expected?: string) => void,
) {
  const walk = (value: unknown, keys: Key[], depth: number) => {
    if (depth > 32) {
      err(keys, 'is nested too deeply', 'at most 32 levels of nesting');
      return;
    }
    if (typeof value === 'string') {
      const max = isLongTextPath(keys) ? MAX_TEXT_LENGTH : MAX_STRING_LENGTH;
      // Selector strings come from the canonical text, whose paragraphs are joined by "\n\n".
      const last = keys[keys.length - 1];
      const inSelector = last === 'exact' || last === 'prefix' || last === 'suffix';
      const reason = hostileReason(value, max, inSelector);
      if (reason) {
        err(
          keys,
          reason,
          `plain text of at most ${max} characters, without markup or invisible characters`,
        );
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, [...keys, i], depth + 1);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, item] of Object.entries(value)) walk(item, [...keys, k], depth + 1);
    }
  };
  walk(json, [], 0);
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DATE_SHAPES = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  year: /^(\d{4})$/,
} as const;
const DATE_EXAMPLES = { day: '2025-11-24', month: '2025-11', year: '2025' } as const;

/** Why `value` is not a valid date of `precision`, or undefined. */
export function dateProblem(
  value: string,
  precision: keyof typeof DATE_SHAPES,
): string | undefined {
  const m = value.match(DATE_SHAPES[precision]);
  if (!m) {
    const actual = (Object.keys(DATE_SHAPES) as Array<keyof typeof DATE_SHAPES>).find((p) =>
      DATE_SHAPES[p].test(value),
    );
    return actual
      ? `"${value}" has ${actual} precision, but precision is "${precision}"`
      : `"${value}" is not an ISO 8601 date`;
  }
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return `"${value}" has no month ${m[2]}`;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > days)
        return `"${value}" does not exist (month ${m[2]} of ${year} has ${days} days)`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// URLs and match patterns
// ---------------------------------------------------------------------------------------------

function httpsUrl(s: string): URL | undefined {
  try {
    const url = new URL(s);
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const MATCH_PATTERN = /^(https|\*):\/\/(\*|\*\.[a-z0-9.-]+|[a-z0-9.-]+)(\/.*)$/;
const HOST_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

// ---------------------------------------------------------------------------------------------
// validatePack
// ---------------------------------------------------------------------------------------------

/** Validate a parsed pack. Never throws. */
export function validatePack(json: unknown, file: string): ValidationResult {
  const errors: PackError[] = [];
  const err = (keys: readonly Key[], message: string, expected?: string) => {
    errors.push(
      expected === undefined
        ? { file, path: jsonPath(keys), message }
        : { file, path: jsonPath(keys), message, expected },
    );
  };

  checkStrings(json, err);

  const parsed = v.safeParse(PackSchema, json);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const keys: Key[] = (issue.path ?? []).map((p) => p.key as Key);
      if (issue.type === 'strict_object' && issue.expected === 'never') {
        err(keys, 'is not a field of this object', 'only the fields described in model.ts');
      } else if (issue.kind === 'schema' && issue.received === 'undefined') {
        err(keys, 'is missing', issue.expected ?? undefined);
      } else if (issue.kind === 'schema') {
        err(keys, `has the wrong type or value (${issue.received})`, issue.expected ?? undefined);
      } else {
        err(keys, issue.message);
      }
    }
    return { ok: false, errors: dedupe(errors) };
  }
  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };

  const pack = parsed.output as Pack;
  semanticChecks(pack, err);
  checkSources(pack, err, { dateProblem, jsonPath });
  return errors.length > 0 ? { ok: false, errors: dedupe(errors) } : { ok: true, pack };
}

function dedupe(errors: PackError[]): PackError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = formatPackError(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Err = (keys: readonly Key[], message: string, expected?: string) => void;

function semanticChecks(pack: Pack, err: Err): void {
  const { article } = pack;
  const text = canonicalText(article);
  const paragraphs = article.text.paragraphs;
  const starts = paragraphStarts(article);
  const paragraphOf = (offset: number) => {
    let found = 0;
    starts.forEach((s, i) => {
      if (s <= offset) found = i;
    });
    return paragraphs[found]?.id ?? 'p0';
  };

  // --- article -------------------------------------------------------------------------------
  paragraphs.forEach((p, i) => {
    if (p.id !== `p${i}`)
      err(['article', 'text', 'paragraphs', i, 'id'], `is "${p.id}"`, `"p${i}"`);
  });
  const standfirst = paragraphs.find((p) => p.role === 'standfirst');
  if (standfirst && article.standfirst !== standfirst.text) {
    err(
      ['article', 'standfirst'],
      'differs from the text of the standfirst paragraph',
      `"${standfirst.id}".text`,
    );
  }
  const pub = dateProblem(article.published.date, article.published.precision);
  if (pub)
    err(
      ['article', 'published', 'date'],
      pub,
      `a date like ${DATE_EXAMPLES[article.published.precision]}`,
    );
  if (!httpsUrl(article.canonicalUrl))
    err(['article', 'canonicalUrl'], 'is not an https URL', 'https://...');
  const hosts = new Set<string>();
  article.sites.forEach((site, i) => {
    const at = ['article', 'sites', i];
    if (!HOST_PATTERN.test(site.host))
      err([...at, 'host'], `"${site.host}" is not a host name`, 'e.g. www.straitstimes.com');
    if (hosts.has(site.host))
      err([...at, 'host'], `"${site.host}" is listed twice`, 'one entry per host');
    hosts.add(site.host);
    site.matches.forEach((m, j) => {
      const mm = m.match(MATCH_PATTERN);
      if (!mm)
        err(
          [...at, 'matches', j],
          `"${m}" is not an extension match pattern`,
          `e.g. "https://${site.host}/*"`,
        );
      else if (mm[2] !== site.host && mm[2] !== `*.${site.host.replace(/^www\./, '')}`) {
        err(
          [...at, 'matches', j],
          `"${m}" does not match the site's host ${site.host}`,
          `a pattern for ${site.host}`,
        );
      }
    });
    site.urls.forEach((url, j) => {
      const parsed = httpsUrl(url);
      if (!parsed) err([...at, 'urls', j], `"${url}" is not an https URL`);
      else if (parsed.hostname !== site.host)
        err([...at, 'urls', j], `is on ${parsed.hostname}`, `a URL on ${site.host}`);
    });
  });
  const canonical = httpsUrl(article.canonicalUrl);
  if (canonical && !hosts.has(canonical.hostname)) {
    err(
      ['article', 'canonicalUrl'],
      `is on ${canonical.hostname}, which is not one of the sites`,
      'a URL on a listed site',
    );
  }

  // --- ids -------------------------------------------------------------------------------------
  const ids = new Map<string, string>(); // id → JSON path of its definition
  const define = (id: string, keys: Key[]) => {
    const previous = ids.get(id);
    if (previous) err([...keys, 'id'], `"${id}" is already used at ${previous}`, 'a unique id');
    else ids.set(id, jsonPath(keys));
  };
  const entityKinds = new Map<string, EntityKind>();
  pack.entities.forEach((e, i) => {
    define(e.id, ['entities', i]);
    entityKinds.set(e.id, e.kind);
    e.mentions.forEach((m, j) => {
      define(m.id, ['entities', i, 'mentions', j]);
    });
  });
  pack.claims.forEach((c, i) => {
    define(c.id, ['claims', i]);
  });
  pack.timeline.forEach((t, i) => {
    define(t.id, ['timeline', i]);
  });
  pack.topics.forEach((t, i) => {
    define(t.id, ['topics', i]);
  });
  const claimIds = new Set(pack.claims.map((c) => c.id));
  const topicIds = new Set(pack.topics.map((t) => t.id));
  const paragraphIds = new Set(paragraphs.map((p) => p.id));

  const refEntity = (id: string, keys: Key[]) => {
    if (!entityKinds.has(id))
      err(
        keys,
        `refers to entity "${id}", which does not exist`,
        'the id of an entity in this pack',
      );
  };
  const refClaim = (id: string, keys: Key[]) => {
    if (!claimIds.has(id))
      err(keys, `refers to claim "${id}", which does not exist`, 'the id of a claim in this pack');
  };
  const refTopic = (id: string, keys: Key[]) => {
    if (!topicIds.has(id))
      err(keys, `refers to topic "${id}", which does not exist`, 'the id of a topic in this pack');
  };
  const refAny = (id: string, keys: Key[]) => {
    if (!ids.has(id))
      err(keys, `refers to "${id}", which does not exist`, 'the id of an annotation in this pack');
  };

  // --- targets ---------------------------------------------------------------------------------
  const checkTarget = (t: Target, keys: Key[]): boolean => {
    const { exact, prefix, suffix } = t.quote;
    const { start, end } = t.position;
    let ok = true;
    if (!text.includes(exact)) {
      err(
        [...keys, 'quote', 'exact'],
        `"${clip(exact)}" does not occur in the article text`,
        'words copied exactly from the canonical text',
      );
      return false;
    }
    if (end <= start || end > text.length) {
      err(
        [...keys, 'position'],
        `[${start}, ${end}) is not a span of the text (length ${text.length})`,
        'start < end <= text length',
      );
      return false;
    }
    if (text.slice(start, end) !== exact) {
      const near = nearest(text, exact, start);
      err(
        [...keys, 'position'],
        `[${start}, ${end}) points at "${clip(text.slice(start, end))}", not at the quote "${clip(exact)}"`,
        `start ${near}, end ${near + exact.length}`,
      );
      return false;
    }
    const before = text.slice(Math.max(0, start - prefix.length), start);
    if (prefix.length > start || before !== prefix) {
      err(
        [...keys, 'quote', 'prefix'],
        `"${clip(prefix)}" disagrees with the text before the quote`,
        `"${text.slice(Math.max(0, start - CONTEXT_LENGTH), start)}"`,
      );
      ok = false;
    } else if (prefix.length < Math.min(CONTEXT_LENGTH, start) / 2) {
      err(
        [...keys, 'quote', 'prefix'],
        `is only ${prefix.length} characters`,
        `about ${CONTEXT_LENGTH} characters of context`,
      );
      ok = false;
    }
    const after = text.slice(end, end + suffix.length);
    if (end + suffix.length > text.length || after !== suffix) {
      err(
        [...keys, 'quote', 'suffix'],
        `"${clip(suffix)}" disagrees with the text after the quote`,
        `"${text.slice(end, end + CONTEXT_LENGTH)}"`,
      );
      ok = false;
    } else if (suffix.length < Math.min(CONTEXT_LENGTH, text.length - end) / 2) {
      err(
        [...keys, 'quote', 'suffix'],
        `is only ${suffix.length} characters`,
        `about ${CONTEXT_LENGTH} characters of context`,
      );
      ok = false;
    }
    return ok;
  };

  // --- overlaps --------------------------------------------------------------------------------
  type Span = {
    id: string;
    category: string;
    start: number;
    end: number;
    keys: Key[];
    allow: string[];
  };
  const spans: Span[] = [];
  const span = (id: string, category: string, t: Target, keys: Key[], allow: string[] = []) =>
    spans.push({ id, category, start: t.position.start, end: t.position.end, keys, allow });

  // --- entities --------------------------------------------------------------------------------
  pack.entities.forEach((e, i) => {
    e.mentions.forEach((m, j) => {
      const keys: Key[] = ['entities', i, 'mentions', j];
      if (checkTarget(m.target, [...keys, 'target']))
        span(m.id, `${e.kind} mentions`, m.target, [...keys, 'target'], m.allowOverlap);
      m.allowOverlap?.forEach((id, k) => {
        refAny(id, [...keys, 'allowOverlap', k]);
      });
    });
  });

  // --- claims ----------------------------------------------------------------------------------
  const claimParagraph = new Map<string, string>();
  pack.claims.forEach((c, i) => {
    const keys: Key[] = ['claims', i];
    if (checkTarget(c.target, [...keys, 'target'])) {
      span(c.id, 'claims', c.target, [...keys, 'target'], c.allowOverlap);
      claimParagraph.set(c.id, paragraphOf(c.target.position.start));
    }
    if (c.cue) checkTarget(c.cue, [...keys, 'cue']);
    if (c.speaker.type === 'entity') refEntity(c.speaker.entity, [...keys, 'speaker', 'entity']);
    if (c.said?.via !== undefined) refEntity(c.said.via, [...keys, 'said', 'via']);
    if (c.said?.date) {
      const p = dateProblem(c.said.date.value, c.said.date.precision);
      if (p)
        err(
          [...keys, 'said', 'date', 'value'],
          p,
          `a date like ${DATE_EXAMPLES[c.said.date.precision]}`,
        );
    }
    c.involves.forEach((id, k) => {
      refEntity(id, [...keys, 'involves', k]);
    });
    c.topics.forEach((id, k) => {
      refTopic(id, [...keys, 'topics', k]);
    });
    c.allowOverlap?.forEach((id, k) => {
      refAny(id, [...keys, 'allowOverlap', k]);
    });
    if (c.attribution === 'reporter-background' || c.attribution === 'reporter-analysis') {
      if (c.speaker.type !== 'reporter')
        err(
          [...keys, 'speaker'],
          `is "${c.speaker.type}" but the attribution is ${c.attribution}`,
          '{ "type": "reporter" }',
        );
    } else if (c.speaker.type === 'reporter') {
      err(
        [...keys, 'attribution'],
        `is ${c.attribution} but the speaker is the reporter`,
        'reporter-background or reporter-analysis',
      );
    }
  });

  // --- timeline --------------------------------------------------------------------------------
  pack.timeline.forEach((t, i) => {
    const keys: Key[] = ['timeline', i];
    const p = dateProblem(t.date.value, t.date.precision);
    if (p) err([...keys, 'date', 'value'], p, `a date like ${DATE_EXAMPLES[t.date.precision]}`);
    if (!text.includes(t.date.resolvedFrom)) {
      err(
        [...keys, 'date', 'resolvedFrom'],
        `"${clip(t.date.resolvedFrom)}" does not occur in the article text`,
        'the words of the text the date was resolved from',
      );
    }
    if (checkTarget(t.target, [...keys, 'target']))
      span(t.id, 'timeline events', t.target, [...keys, 'target'], t.allowOverlap);
    t.otherTargets?.forEach((o, k) => {
      if (checkTarget(o, [...keys, 'otherTargets', k]))
        span(t.id, 'timeline events', o, [...keys, 'otherTargets', k], t.allowOverlap);
    });
    t.entities.forEach((id, k) => {
      refEntity(id, [...keys, 'entities', k]);
    });
    t.claims?.forEach((id, k) => {
      refClaim(id, [...keys, 'claims', k]);
    });
    t.allowOverlap?.forEach((id, k) => {
      refAny(id, [...keys, 'allowOverlap', k]);
    });
  });

  // --- topics ----------------------------------------------------------------------------------
  pack.topics.forEach((t, i) => {
    const keys: Key[] = ['topics', i];
    t.paragraphs.forEach((id, k) => {
      if (!paragraphIds.has(id))
        err(
          [...keys, 'paragraphs', k],
          `refers to paragraph "${id}", which does not exist`,
          'a paragraph id such as "p0"',
        );
    });
    t.claims.forEach((id, k) => {
      refClaim(id, [...keys, 'claims', k]);
      const claim = pack.claims.find((c) => c.id === id);
      if (claim && !claim.topics.includes(t.id)) {
        err(
          [...keys, 'claims', k],
          `lists claim "${id}", which does not list topic "${t.id}"`,
          `"${t.id}" in that claim's topics`,
        );
      }
      const para = claimParagraph.get(id);
      if (para && !t.paragraphs.includes(para)) {
        err(
          [...keys, 'paragraphs'],
          `lacks ${para}, where its claim "${id}" is`,
          `"${para}" among the paragraphs`,
        );
      }
    });
  });
  pack.claims.forEach((c, i) => {
    c.topics.forEach((id, k) => {
      const topic = pack.topics.find((t) => t.id === id);
      if (topic && !topic.claims.includes(c.id)) {
        err(
          ['claims', i, 'topics', k],
          `names topic "${id}", which does not list claim "${c.id}"`,
          `"${c.id}" in that topic's claims`,
        );
      }
    });
  });

  // --- exclusions ------------------------------------------------------------------------------
  pack.exclusions.forEach((x, i) => {
    if (!text.includes(x.text))
      err(
        ['exclusions', i, 'text'],
        `"${clip(x.text)}" does not occur in the article text`,
        'words copied exactly from the canonical text',
      );
  });

  // --- overlaps (same category) ----------------------------------------------------------------
  const byCategory = new Map<string, Span[]>();
  for (const s of spans) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  for (const [category, list] of byCategory) {
    const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let a = 0; a < sorted.length; a++) {
      const x = sorted[a];
      if (!x) continue;
      for (let b = a + 1; b < sorted.length; b++) {
        const y = sorted[b];
        if (!y || y.start >= x.end) break;
        if (x.id === y.id && category !== 'timeline events') continue;
        if (x.allow.includes(y.id) || y.allow.includes(x.id)) continue;
        err(
          y.keys,
          `overlaps ${x.id} ("${clip(text.slice(x.start, x.end))}", at ${jsonPath(x.keys)}); two ${category} may not overlap`,
          `separate spans, or "${x.id}" listed in allowOverlap`,
        );
      }
    }
  }
}

function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function nearest(text: string, exact: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}
