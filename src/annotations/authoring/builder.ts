/**
 * Pack authoring: a compact source form (quotes + where to find them) compiled into a pack with
 * exact TextQuoteSelector/TextPositionSelector targets. Used by `generate.ts`; never at run time.
 *
 * Anchors find a span by its exact words, on word boundaries:
 *  - 'exact words'                      → the only occurrence in the whole text (else an error);
 *  - { exact, para: 'p5' }              → the only occurrence in paragraph p5;
 *  - { exact, para, nth: 1 }            → the second occurrence in that paragraph;
 *  - { exact, within: 'longer phrase' } → inside the (unique) longer phrase, optionally in `para`.
 * Mention specs may also use `all(exact)`: every occurrence in the text, skipping those that
 * overlap a mention of the same entity kind placed before (explicit anchors are placed first,
 * then `all` specs in declaration order).
 */
import type {
  Article,
  Attribution,
  Claim,
  ClaimKind,
  Entity,
  EntityKind,
  Exclusion,
  Mention,
  MentionForm,
  Pack,
  PartialDate,
  Speaker,
  Target,
  TimelineDate,
  TimelineEvent,
  Topic,
} from '../model';
import { SCHEMA_VERSION } from '../model';
import { canonicalText, paragraphStarts, targetAt } from '../text';

export type Anchor = string | { exact: string; para?: string; nth?: number; within?: string };
export interface AllSpec {
  all: string;
}
export type MentionSpec = [MentionForm, Anchor | AllSpec];

export interface EntitySpec {
  id: string;
  kind: EntityKind;
  name: string;
  role?: string;
  description: string;
  note?: string;
  mentions: MentionSpec[];
}

export interface ClaimSpec {
  kind: ClaimKind;
  target: Anchor;
  speaker: Speaker;
  attribution: Attribution;
  said?: { medium?: string; date?: PartialDate; via?: string };
  involves: string[];
  topics: string[];
  cue?: Anchor;
  note?: string;
}

export interface TimelineSpec {
  id: string;
  label: string;
  date: Omit<TimelineDate, 'resolvedFrom'> & { resolvedFrom?: string };
  target: Anchor;
  otherTargets?: Anchor[];
  entities: string[];
  /** Indexes (0-based) into the claim specs; turned into claim ids. */
  claims?: number[];
}

export interface PackSource {
  article: Article;
  entities: EntitySpec[];
  claims: ClaimSpec[];
  timeline: TimelineSpec[];
  topics: Array<Omit<Topic, 'claims'>>;
  exclusions: Exclusion[];
}

export const all = (exact: string): AllSpec => ({ all: exact });

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Every word-bounded occurrence of `exact` in text[from, to). */
export function occurrences(text: string, exact: string, from = 0, to = text.length): number[] {
  const found: number[] = [];
  let at = text.indexOf(exact, from);
  while (at !== -1 && at + exact.length <= to) {
    const before = text[at - 1];
    const after = text[at + exact.length];
    const boundedStart = !isWordChar(exact[0]) || !isWordChar(before);
    const boundedEnd = !isWordChar(exact[exact.length - 1]) || !isWordChar(after);
    if (boundedStart && boundedEnd) found.push(at);
    at = text.indexOf(exact, at + 1);
  }
  return found;
}

export class PackBuilder {
  readonly text: string;
  private readonly paraRange = new Map<string, [number, number]>();

  constructor(readonly article: Article) {
    this.text = canonicalText(article);
    const starts = paragraphStarts(article);
    article.text.paragraphs.forEach((p, i) => {
      const start = starts[i] ?? 0;
      this.paraRange.set(p.id, [start, start + p.text.length]);
    });
  }

  /** Resolve an anchor to a target, or throw with a message saying what is ambiguous or missing. */
  resolve(anchor: Anchor): Target {
    const a = typeof anchor === 'string' ? { exact: anchor } : anchor;
    let [from, to] = [0, this.text.length];
    if (a.para !== undefined) {
      const range = this.paraRange.get(a.para);
      if (!range) throw new Error(`No paragraph ${a.para}`);
      [from, to] = range;
    }
    if (a.within !== undefined) {
      const hits = occurrences(this.text, a.within, from, to);
      if (hits.length !== 1) {
        throw new Error(`"${a.within}" occurs ${hits.length} times in ${a.para ?? 'the text'}`);
      }
      from = hits[0] ?? 0;
      to = from + a.within.length;
    }
    const hits = occurrences(this.text, a.exact, from, to);
    if (a.nth === undefined && hits.length !== 1) {
      throw new Error(
        `"${a.exact}" occurs ${hits.length} times in ${a.within ? `"${a.within}"` : (a.para ?? 'the text')}`,
      );
    }
    const start = hits[a.nth ?? 0];
    if (start === undefined) throw new Error(`"${a.exact}" has no occurrence #${a.nth}`);
    return targetAt(this.text, start, start + a.exact.length);
  }

  build(source: PackSource): Pack {
    type Placed = { entity: string; kind: EntityKind; form: MentionForm; target: Target };
    const placed: Placed[] = [];
    const overlapsSameKind = (kind: EntityKind, start: number, end: number) =>
      placed.some(
        (p) => p.kind === kind && p.target.position.start < end && start < p.target.position.end,
      );
    for (const e of source.entities) {
      for (const [form, spec] of e.mentions) {
        if (typeof spec === 'object' && 'all' in spec) continue;
        placed.push({ entity: e.id, kind: e.kind, form, target: this.resolve(spec) });
      }
    }
    for (const e of source.entities) {
      for (const [form, spec] of e.mentions) {
        if (!(typeof spec === 'object' && 'all' in spec)) continue;
        const hits = occurrences(this.text, spec.all);
        if (hits.length === 0) throw new Error(`${e.id}: all("${spec.all}") matches nothing`);
        for (const start of hits) {
          const end = start + spec.all.length;
          if (overlapsSameKind(e.kind, start, end)) continue;
          placed.push({
            entity: e.id,
            kind: e.kind,
            form,
            target: targetAt(this.text, start, end),
          });
        }
      }
    }
    const entities: Entity[] = source.entities.map((e) => {
      const mine = placed
        .filter((p) => p.entity === e.id)
        .sort((x, y) => x.target.position.start - y.target.position.start);
      const mentions: Mention[] = mine.map((p, i) => ({
        id: `m-${e.id}-${i + 1}`,
        target: p.target,
        form: p.form,
      }));
      const entity: Entity = {
        id: e.id,
        kind: e.kind,
        name: e.name,
        ...(e.role !== undefined ? { role: e.role } : {}),
        description: e.description,
        mentions,
        ...(e.note !== undefined ? { note: e.note } : {}),
      };
      return entity;
    });

    const claimIds = source.claims.map((_, i) => `c${String(i + 1).padStart(2, '0')}`);
    const claims: Claim[] = source.claims.map((c, i) => {
      const claim: Claim = {
        id: claimIds[i] ?? '',
        kind: c.kind,
        target: this.resolve(c.target),
        speaker: c.speaker,
        attribution: c.attribution,
        involves: c.involves,
        topics: c.topics,
      };
      if (c.said) claim.said = c.said;
      if (c.cue !== undefined) claim.cue = this.resolve(c.cue);
      if (c.note !== undefined) claim.note = c.note;
      return claim;
    });

    const timeline: TimelineEvent[] = source.timeline.map((t) => {
      const target = this.resolve(t.target);
      const event: TimelineEvent = {
        id: t.id,
        label: t.label,
        date: { ...t.date, resolvedFrom: t.date.resolvedFrom ?? target.quote.exact },
        target,
        entities: t.entities,
      };
      if (t.otherTargets) event.otherTargets = t.otherTargets.map((a) => this.resolve(a));
      if (t.claims) event.claims = t.claims.map((i) => claimIds[i] ?? `missing-claim-${i}`);
      return event;
    });

    const topics: Topic[] = source.topics.map((t) => ({
      ...t,
      claims: claims.filter((c) => c.topics.includes(t.id)).map((c) => c.id),
    }));

    return {
      schemaVersion: SCHEMA_VERSION,
      article: source.article,
      entities,
      claims,
      timeline,
      topics,
      exclusions: source.exclusions,
    };
  }
}
