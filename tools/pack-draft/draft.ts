/**
 * `draftPack(html)`: a pack folder drafted from a saved article page, as the files a person
 * reviews (`src/annotations/packs/README.md`). Every entity, mention, claim and timeline event, and
 * the article itself, carries `draft: <how it was found>`; `npm run annotations:check` lists them
 * and the build refuses the pack until they are gone. Every span is cited by its quote, narrowed
 * with `para` and `nth` exactly as far as the compiler needs to find it once.
 */

import { Document, isScalar, visit } from 'yaml';
import { ArticleText, occurrences } from '../../src/annotations/authoring/locate';
import type { Anchor } from '../../src/annotations/authoring/source-schema';
import { formatText } from '../../src/annotations/authoring/text-format';
import { formatYaml } from '../../src/annotations/authoring/yaml-file';
import { type DraftClaim, findClaims, sentencesOf } from './claims';
import { findDates } from './dates';
import { findEntities, slug } from './entities';
import { type ReadOptions, readArticlePage } from './page';
import { type DraftText, draftText, paragraphIndexAt, type Span } from './text';

export interface DraftedPack {
  /** The article id the folder would take: publication date and the headline's first words. */
  id: string;
  /** File name → content, for every file of the folder. */
  files: Record<string, string>;
  /** Drafted items dropped because their span could not be cited once (should stay empty). */
  dropped: string[];
}

const DESCRIPTION = 'to be written: who or what this is, as the article says';

export function draftPack(html: string, options: ReadOptions): DraftedPack {
  const page = readArticlePage(html, options);
  const text = draftText(page.paragraphs);
  const cite = citer(text);
  const dropped: string[] = [];
  const entities = findEntities(text);
  const claims = findClaims(text, entities);
  const dates = findDates(text, {
    instant: new Date(page.published.timestamp),
    utcOffsetMinutes: page.published.utcOffsetMinutes,
  });
  const source = options.source.split('/').at(-1) ?? options.source;

  const entityData = entities.map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    description: DESCRIPTION,
    draft: `compromise found a ${e.kind}${e.names.length > 1 ? ` named ${e.names.map((n) => `"${n}"`).join(', ')}` : ''}`,
    mentions: e.mentions.flatMap((m, i) => {
      const anchor = cite(m);
      if (!anchor) {
        dropped.push(`mention "${quoteOf(text, m)}" of ${e.id}`);
        return [];
      }
      return [{ id: `m-${e.id}-${i + 1}`, form: m.form, ...anchorFields(anchor), draft: m.how }];
    }),
  }));

  const claimIds = new Map<DraftClaim, string>();
  const claimData = claims.flatMap((c) => {
    const target = cite(c.target);
    const cue = cite(c.cue);
    if (!target || !cue) {
      dropped.push(`claim "${quoteOf(text, c.target)}"`);
      return [];
    }
    const id = `c${String(claimIds.size + 1).padStart(2, '0')}`;
    claimIds.set(c, id);
    return [
      {
        id,
        kind: 'fact',
        target,
        cue,
        speaker: c.speaker,
        attribution: c.attribution,
        involves: c.involves,
        topics: [],
        draft: `${c.how}; kind and topics not judged`,
      },
    ];
  });

  const timelineData = dates.flatMap((d, i) => {
    const target = cite(d);
    if (!target) {
      dropped.push(`date "${quoteOf(text, d)}"`);
      return [];
    }
    const reporting = [...claimIds].filter(([c]) => within(d, c.target) || within(d, c.cue));
    return [
      {
        id: `t${String(i + 1).padStart(2, '0')}`,
        label: sentenceAround(text, d),
        date: d.value,
        target,
        entities: [],
        ...(reporting.length > 0 ? { claims: reporting.map(([, id]) => id) } : {}),
        draft: `${d.how}; label is the sentence, entities not judged`,
      },
    ];
  });

  const style = styleOf(text.text);
  const article = {
    draft: `drafted by npm run pack:draft from ${source}; ${style.how}`,
    headline: page.headline,
    language: 'en',
    published: {
      date: page.published.date,
      note: `From the page's metadata: published ${page.published.timestamp} (the date in the publisher's time zone).`,
    },
    publisher: page.siteName,
    canonicalUrl: page.canonicalUrl,
    sites: [
      {
        host: page.host,
        name: page.siteName,
        matches: [`https://${page.host}/*`],
        urls: [page.canonicalUrl],
        style: style.style,
      },
    ],
  };

  const id = `${page.published.date}-${slug(page.headline).split('-').slice(0, 6).join('-')}`;
  const header = (lines: string) => `${lines}\n${HEADER_NOTE}`;
  return {
    id,
    dropped,
    files: {
      'article.yaml': yamlFile(header('The article, as the page describes itself.'), article),
      'text.md': formatText(text.paragraphs),
      'entities.yaml': yamlFile(
        header('People, organisations and places compromise found, and their mentions.'),
        entityData,
      ),
      'claims.yaml': yamlFile(
        header('Quoted and reported claims found by attribution patterns, with their speakers.'),
        claimData,
      ),
      'timeline.yaml': yamlFile(
        header('Dates chrono-node found, resolved against the publication date.'),
        timelineData,
      ),
      'topics.yaml': yamlFile('Threads through the article: not drafted.', []),
      'exclusions.yaml': yamlFile('Deliberate non-annotations: not drafted.', []),
    },
  };
}

const HEADER_NOTE =
  'Drafted by npm run pack:draft: review each item, then delete its draft line (see ../README.md).';

const quoteOf = (text: DraftText, span: Span) => text.text.slice(span.start, span.end);
const within = (inner: Span, outer: Span) => outer.start <= inner.start && inner.end <= outer.end;

/** The shortest anchor that finds exactly this span: the quote, then with para, then with nth. */
export function citer(text: DraftText): (span: Span) => Anchor | undefined {
  const located = new ArticleText({ text: { paragraphs: text.paragraphs } });
  return (span) => {
    const quote = text.text.slice(span.start, span.end);
    if (!quote.trim() || quote !== quote.trim() || quote.includes('\n')) return undefined;
    const index = paragraphIndexAt(text, span.start);
    const para = `p${index}`;
    const paraStart = text.starts[index] ?? 0;
    const paraEnd = paraStart + (text.paragraphs[index]?.text.length ?? 0);
    const inText = occurrences(text.text, quote);
    const inPara = occurrences(text.text, quote, paraStart, paraEnd);
    const nth = inPara.indexOf(span.start);
    const anchor: Anchor =
      inText.length === 1 ? quote : inPara.length === 1 ? { quote, para } : { quote, para, nth };
    const found = located.locate(anchor);
    return found.ok && found.start === span.start && found.end === span.end && nth !== -1
      ? anchor
      : undefined;
  };
}

/** An anchor as the fields of a mention (which spells them out, not as `target:`). */
function anchorFields(anchor: Anchor) {
  return typeof anchor === 'string' ? { quote: anchor } : anchor;
}

/** The sentence holding the span, without its final full stop. */
function sentenceAround(text: DraftText, span: Span): string {
  const index = paragraphIndexAt(text, span.start);
  const paragraph = { text: text.paragraphs[index]?.text ?? '', start: text.starts[index] ?? 0 };
  const sentence = sentencesOf(paragraph).find(
    (s) => s.start <= span.start && span.end <= s.start + s.text.length,
  );
  return (sentence?.text ?? paragraph.text).replace(/\.$/, '');
}

/** UK or US house style, from how honorifics are written ("Mr Xi" or "Mr. Xi"). */
function styleOf(text: string): { style: 'uk' | 'us'; how: string } {
  const us = (text.match(/\b(Mr|Mrs|Ms|Dr)\. \p{Lu}/gu) ?? []).length;
  const uk = (text.match(/\b(Mr|Mrs|Ms|Dr) \p{Lu}/gu) ?? []).length;
  if (uk > us) return { style: 'uk', how: 'style uk, from honorifics without a full stop' };
  if (us > uk) return { style: 'us', how: 'style us, from honorifics with a full stop' };
  return { style: 'us', how: 'style not known (no honorifics): us until reviewed' };
}

/** Keys of the small maps written on one line: anchors, speakers, mentions. */
const ONE_LINE_MAPS = new Set(['quote', 'entity', 'unnamed', 'form']);

/** A YAML file in the canonical form, with a header comment; small collections on one line. */
function yamlFile(comment: string, value: unknown): string {
  const doc = new Document(value);
  doc.commentBefore = comment
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
  visit(doc, {
    Seq: (_key, node) => {
      const scalars = node.items.every((item) => isScalar(item));
      if (scalars && String(node.toJSON()).length <= 60) node.flow = true;
    },
    Map: (_key, node) => {
      const first = node.items[0]?.key;
      const keyName = isScalar(first) ? String(first.value) : '';
      if (ONE_LINE_MAPS.has(keyName) || (keyName === 'id' && node.has('form'))) node.flow = true;
    },
  });
  return formatYaml(doc);
}
