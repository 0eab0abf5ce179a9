/**
 * Export a pack as a W3C Web Annotation JSON-LD AnnotationCollection
 * (https://www.w3.org/TR/annotation-model/ §5), one page holding every annotation.
 *
 * Choices:
 *  - Entity mentions → motivation `identifying` (the span identifies an entity). Bodies: the
 *    entity's name (TextualBody, purpose `identifying`) and its kind (purpose `classifying`).
 *  - Claims → motivation `describing` (Gloss describes what the span does and who says it).
 *    Bodies: a plain-words description (purpose `describing`) and one TextualBody per topic
 *    (purpose `tagging`).
 *  - Timeline events → motivation `describing`: the event label and its resolved date.
 *  - Every target is a SpecificResource whose `source` is the article's canonical URL and whose
 *    `selector` lists a TextQuoteSelector and a TextPositionSelector describing the same span.
 *  - The W3C TextPositionSelector counts Unicode code points, whereas the pack counts UTF-16 code
 *    units: positions are converted on export. Offsets refer to the article's canonical text
 *    (see model.ts), which is what the source's text normalises to.
 *  - Sources → motivation `linking`, one Annotation per source, targeting the spans of the
 *    claims that rest on it. Bodies: a plain-words description of the source (purpose
 *    `describing`), each passage of the speaker's words (TextualBody, purpose `describing`), and
 *    each citation as a linked resource: a SpecificResource whose `source` is the page's https
 *    address (purpose `linking`). Not-found entries and comparisons link nothing and are not
 *    exported.
 *  - Ids are URNs: `urn:gloss:<article-id>` (collection), `…:page-1`, `…:<annotation-id>`.
 *  - Each annotation names its `creator` (the pack's authors) and `created` (when the pack was
 *    written: the caller passes it, e.g. the pack file's first commit; the pack itself holds no
 *    date of its own). The page names its collection in `partOf` as an object (id, label,
 *    total), as the W3C annotation-model tests expect.
 */
import type { Claim, Pack, Source, Target } from './model';
import { canonicalText } from './text';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface JsonLdTextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  language: string;
  purpose: 'identifying' | 'classifying' | 'describing' | 'tagging';
}

/** A linked web page (a citation of a source). */
export interface JsonLdLinkedBody {
  type: 'SpecificResource';
  source: string;
  purpose: 'linking';
}

export interface JsonLdTarget {
  type: 'SpecificResource';
  source: string;
  selector: [
    { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
    { type: 'TextPositionSelector'; start: number; end: number },
  ];
}

/** Who wrote the bundled packs. */
export const PACK_CREATOR = Object.freeze({
  type: 'Organization',
  name: 'Gloss annotation pack authors',
} as const);

export interface JsonLdAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  creator: typeof PACK_CREATOR;
  motivation: 'identifying' | 'describing' | 'linking';
  body: Array<JsonLdTextualBody | JsonLdLinkedBody>;
  target: JsonLdTarget | JsonLdTarget[];
}

export interface JsonLdAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: { id: string; label: string; total: number };
  startIndex: number;
  items: JsonLdAnnotation[];
}

export interface JsonLdAnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: JsonLdAnnotationPage;
}

/** The pack as a Web Annotation collection; `created` is when the pack was written (ISO 8601). */
export function exportJsonLd(pack: Pack, created: string): JsonLdAnnotationCollection {
  const { article } = pack;
  const text = canonicalText(article);
  const lang = article.language;
  const base = `urn:gloss:${article.id}`;
  const codePoints = codePointIndex(text);

  const body = (value: string, purpose: JsonLdTextualBody['purpose']): JsonLdTextualBody => ({
    type: 'TextualBody',
    value,
    format: 'text/plain',
    language: lang,
    purpose,
  });
  const target = (t: Target): JsonLdTarget => ({
    type: 'SpecificResource',
    source: article.canonicalUrl,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: t.quote.exact,
        prefix: t.quote.prefix,
        suffix: t.quote.suffix,
      },
      {
        type: 'TextPositionSelector',
        start: codePoints(t.position.start),
        end: codePoints(t.position.end),
      },
    ],
  });
  const entityName = new Map(pack.entities.map((e) => [e.id, e.name]));
  const topicLabel = new Map(pack.topics.map((t) => [t.id, t.label]));

  const items: JsonLdAnnotation[] = [];
  for (const e of pack.entities) {
    for (const m of e.mentions) {
      items.push({
        id: `${base}:${m.id}`,
        type: 'Annotation',
        created,
        creator: PACK_CREATOR,
        motivation: 'identifying',
        body: [body(e.name, 'identifying'), body(e.kind, 'classifying')],
        target: target(m.target),
      });
    }
  }
  for (const c of pack.claims) {
    items.push({
      id: `${base}:${c.id}`,
      type: 'Annotation',
      created,
      creator: PACK_CREATOR,
      motivation: 'describing',
      body: [
        body(describeClaim(c, entityName), 'describing'),
        ...c.topics.map((t) => body(topicLabel.get(t) ?? t, 'tagging')),
      ],
      target: target(c.target),
    });
  }
  for (const t of pack.timeline) {
    const targets = [t.target, ...(t.otherTargets ?? [])].map(target);
    items.push({
      id: `${base}:${t.id}`,
      type: 'Annotation',
      created,
      creator: PACK_CREATOR,
      motivation: 'describing',
      body: [body(`${t.label} (${t.date.value})`, 'describing')],
      target: targets.length === 1 ? (targets[0] as JsonLdTarget) : targets,
    });
  }

  const claimsById = new Map(pack.claims.map((c) => [c.id, c]));
  for (const source of pack.sources?.sources ?? []) {
    const claims = [...new Set(source.uses.map((u) => u.claim))].flatMap(
      (id) => claimsById.get(id) ?? [],
    );
    if (claims.length === 0) continue;
    const targets = claims.map((c) => target(c.target));
    const urls = [
      ...new Set([
        ...source.citations.map((c) => c.url),
        ...source.passages.flatMap((p) => p.citations.map((c) => c.url)),
      ]),
    ];
    items.push({
      id: `${base}:${source.id}`,
      type: 'Annotation',
      created,
      creator: PACK_CREATOR,
      motivation: 'linking',
      body: [
        body(describeSource(source), 'describing'),
        ...source.passages.map((p) => body(`${p.speaker}: \u201c${p.text}\u201d`, 'describing')),
        ...urls.map(
          (url): JsonLdLinkedBody => ({
            type: 'SpecificResource',
            source: url,
            purpose: 'linking',
          }),
        ),
      ],
      target: targets.length === 1 ? (targets[0] as JsonLdTarget) : targets,
    });
  }

  const label = `Gloss annotations: ${article.headline}`;
  return {
    '@context': ANNO_CONTEXT,
    id: base,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: {
      id: `${base}:page-1`,
      type: 'AnnotationPage',
      partOf: { id: base, label, total: items.length },
      startIndex: 0,
      items,
    },
  };
}

const KIND_WORDS: Record<Claim['kind'], string> = {
  fact: 'Statement of fact',
  commitment: 'Commitment or plan',
  assessment: 'Assessment or opinion',
  warning: 'Warning or prediction',
};
const ATTRIBUTION_WORDS: Record<Claim['attribution'], string> = {
  'direct-quote': 'direct quote',
  'reported-speech': 'reported speech',
  'official-statement': 'official statement',
  'anonymous-sources': 'anonymous sources',
  'reporter-background': 'reporter’s background',
  'reporter-analysis': 'reporter’s analysis',
};

/** "Assessment or opinion by Donald Trump (direct quote)" */
export function describeClaim(c: Claim, entityName: ReadonlyMap<string, string>): string {
  const who =
    c.speaker.type === 'entity'
      ? (entityName.get(c.speaker.entity) ?? c.speaker.entity)
      : c.speaker.type === 'unnamed'
        ? c.speaker.description
        : 'the reporter';
  const via = c.said?.via ? `, via ${entityName.get(c.said.via) ?? c.said.via}` : '';
  return `${KIND_WORDS[c.kind]} by ${who} (${ATTRIBUTION_WORDS[c.attribution]}${via})`;
}

/** "Interview: Howard Lutnick, 2025-11-24. Bloomberg Television… A television interview…" */
export function describeSource(s: Source): string {
  const kind = `${s.kind.charAt(0).toUpperCase()}${s.kind.slice(1)}`;
  return `${kind}: ${s.issuer}, ${s.date.value}. ${s.publishedIn}. ${s.description}`;
}

/** Maps UTF-16 offsets of `text` to Unicode code point offsets. */
function codePointIndex(text: string): (utf16: number) => number {
  const map = new Array<number>(text.length + 1);
  let cp = 0;
  for (let i = 0; i <= text.length; i++) {
    map[i] = cp;
    const code = text.charCodeAt(i);
    if (!(code >= 0xd800 && code <= 0xdbff && i + 1 < text.length)) cp++;
  }
  return (utf16) => map[utf16] ?? cp;
}
