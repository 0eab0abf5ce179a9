/**
 * Drafted entities: the people, organisations and places compromise finds in each paragraph,
 * grouped by name, then every further occurrence of those names in the text.
 *
 *  - A person's name is the span without the titles and honorifics compromise puts before it
 *    ("President Donald Trump" → Donald Trump, form title-and-name; "Mr Trump" → Trump, form
 *    honorific). A one-word name joins the one longer name that has the word ("Trump" → Donald
 *    Trump); with none or several, it stays an entity of its own.
 *  - A place name is extended by the geographical word after it (Sea, River, Strait, …), which
 *    compromise leaves out.
 *  - Every other word-bounded, same-case occurrence of a name found (in "Trump-Xi", "Trump
 *    administration") becomes a mention too, unless a mention of the same kind covers it.
 * Things and events (soya beans, a phone call) and references ("the US leader", "the ministry")
 * are not drafted: compromise does not find them, and guessing them would be inventing.
 */
import nlp from 'compromise';
import { occurrences } from '../../src/annotations/authoring/locate';
import type { EntityKind, MentionForm } from '../../src/annotations/model';
import { type DraftText, overlap, type Span } from './text';

export type DraftedKind = Extract<EntityKind, 'person' | 'organisation' | 'place'>;

export interface DraftMention extends Span {
  form: MentionForm;
  /** How the mention was found, for its `draft:` line. */
  how: string;
}

export interface DraftEntity {
  id: string;
  kind: DraftedKind;
  name: string;
  /** The names the entity goes by in the text (its name first). */
  names: string[];
  mentions: DraftMention[];
}

interface Term {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface Match {
  terms: Term[];
}

type View = { json: (options: { offset: boolean }) => unknown };
const VIEWS: ReadonlyArray<[DraftedKind, (doc: ReturnType<typeof nlp>) => View]> = [
  ['person', (doc) => doc.people()],
  ['organisation', (doc) => doc.organizations()],
  ['place', (doc) => doc.places()],
];

/** Words after a place name that belong to it ("East China" + "Sea"). */
const GEOGRAPHICAL =
  /^ (Sea|Ocean|River|Strait|Straits|Gulf|Bay|Peninsula|Island|Islands|Mountains|Desert|Canal|Basin|Coast)\b/;
/** A possessive ending and punctuation compromise leaves on a term. */
const POSSESSIVE = /(['’]s?)$/;

interface Found extends DraftMention {
  kind: DraftedKind;
  name: string;
}

export function findEntities(text: DraftText): DraftEntity[] {
  const found: Found[] = [];
  text.paragraphs.forEach((paragraph, i) => {
    const base = text.starts[i] ?? 0;
    const doc = nlp(paragraph.text);
    for (const [kind, view] of VIEWS) {
      for (const match of view(doc).json({ offset: true }) as Match[]) {
        const mention = mentionOf(kind, match, paragraph.text);
        if (mention)
          found.push({ ...mention, start: base + mention.start, end: base + mention.end });
      }
    }
  });
  const entities = groupByName(dropNestedSameKind(found));
  addOtherOccurrences(entities, text.text);
  return withIds(entities);
}

/** A compromise match as a mention: its span (possessive and punctuation off), name and form. */
function mentionOf(kind: DraftedKind, match: Match, paragraph: string): Found | undefined {
  const terms = match.terms;
  const first = terms[0];
  const last = terms[terms.length - 1];
  if (!first || !last) return undefined;
  const start = first.offset.start;
  let end = last.offset.start + last.offset.length;
  const possessive = paragraph.slice(start, end).match(POSSESSIVE);
  if (possessive) end -= possessive[0].length;
  let form: MentionForm = 'name';
  let nameStart = start;
  if (kind === 'person') {
    const titles = terms.findIndex((t) => !isTitle(t));
    if (titles === -1) return undefined; // a title alone ("the President") is not drafted
    if (titles > 0) {
      form = first.tags.includes('Abbreviation') ? 'honorific' : 'title-and-name';
      nameStart = terms[titles]?.offset.start ?? start;
    }
  }
  if (kind === 'place') {
    const more = paragraph.slice(end).match(GEOGRAPHICAL);
    if (more) end += more[0].length;
  }
  if (end <= nameStart) return undefined;
  const name = paragraph.slice(nameStart, end);
  if (!/^\p{Lu}/u.test(name)) return undefined;
  return { kind, name, start, end, form, how: 'compromise' };
}

const isTitle = (t: Term) => t.tags.includes('Honorific') || t.tags.includes('Actor');

/** Of overlapping mentions of one kind, the longest. */
function dropNestedSameKind(found: Found[]): Found[] {
  const kept: Found[] = [];
  for (const f of [...found].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((k) => k.kind === f.kind && overlap(k, f))) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

type Grouped = Omit<DraftEntity, 'id'>;

function groupByName(found: Found[]): Grouped[] {
  const byName = new Map<string, Grouped>();
  for (const f of found) {
    const key = `${f.kind}:${f.name}`;
    const entity = byName.get(key) ?? { kind: f.kind, name: f.name, names: [f.name], mentions: [] };
    entity.mentions.push({ start: f.start, end: f.end, form: f.form, how: f.how });
    byName.set(key, entity);
  }
  const entities = [...byName.values()];
  // A one-word name of a person joins the only longer name that has the word.
  for (const short of entities.filter((e) => e.kind === 'person' && !e.name.includes(' '))) {
    const longer = entities.filter(
      (e) => e.kind === 'person' && e !== short && e.name.split(/\s+/).includes(short.name),
    );
    const into = longer.length === 1 ? longer[0] : undefined;
    if (!into) continue;
    into.names.push(...short.names);
    into.mentions.push(...short.mentions);
    entities.splice(entities.indexOf(short), 1);
  }
  return entities;
}

/** Every other occurrence of an entity's names, where no mention of the same kind is. */
function addOtherOccurrences(entities: Grouped[], text: string): void {
  const byLength = entities.flatMap((entity) => entity.names.map((name) => ({ entity, name })));
  byLength.sort((a, b) => b.name.length - a.name.length);
  for (const { entity, name } of byLength) {
    for (const start of occurrences(text, name)) {
      const span = { start, end: start + name.length };
      const taken = entities.some(
        (e) => e.kind === entity.kind && e.mentions.some((m) => overlap(m, span)),
      );
      if (taken) continue;
      entity.mentions.push({
        ...span,
        form: 'name',
        how: 'the name again',
      });
    }
  }
}

function withIds(entities: Grouped[]): DraftEntity[] {
  const used = new Set<string>();
  const sorted = entities
    .map((e) => ({ ...e, mentions: [...e.mentions].sort((a, b) => a.start - b.start) }))
    .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  return sorted.map((e) => {
    const base = slug(e.name) || e.kind;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { id, ...e, names: [...new Set(e.names)] };
  });
}

export function slug(words: string): string {
  return words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
