/**
 * Compiles a pack folder (see `folder.ts`) into a pack (`../model.ts`): parses the text and the
 * YAML files, checks them against their schemas (`source-schema.ts`), locates every quote
 * (`locate.ts`), and validates the result with the same rules as any pack (`../validate.ts`).
 * Every problem names its source file and line. Node only; never at run time.
 */
import * as v from 'valibot';
import type {
  Article,
  Claim,
  EntityKind,
  Mention,
  Pack,
  Speaker,
  Target,
  TimelineEvent,
} from '../model';
import { SCHEMA_VERSION } from '../model';
import { targetAt } from '../text';
import { type PackError, validatePack } from '../validate';
import type { PackFile, PackFileRole, PackFolder } from './folder';
import { ArticleText, occurrences } from './locate';
import {
  type Anchor,
  precisionOf,
  YAML_FILE_SCHEMAS,
  type YamlFileContent,
  type YamlFileRole,
} from './source-schema';
import { type ParsedText, parseText } from './text-format';
import { lineAt, type ParsedYaml, parseYaml } from './yaml-file';

type Key = string | number;

/** Something a person has not reviewed yet: marked `draft:` in the source. */
export interface Draft {
  file: string;
  line: number;
  /** What is drafted: 'entity trump', 'mention m-trump-1', 'claim c01', 'timeline t-call'. */
  what: string;
  /** How it was found, as the draft tool wrote it. */
  how: string;
}

export interface CompiledFolder {
  id: string;
  dir: string;
  /** The folder's path for messages. */
  path: string;
  /** The compiled, validated pack; absent when there are errors. */
  pack?: Pack;
  errors: PackError[];
  drafts: Draft[];
}

/** Where a part of the compiled pack comes from: a node of a source file (or a text line). */
interface Origin {
  file: PackFile;
  yaml?: ParsedYaml;
  keys: Key[];
  line?: number;
}

export function compilePackFolder(folder: PackFolder): CompiledFolder {
  const errors: PackError[] = folder.problems.map((p) => ({
    file: p.path,
    path: '$',
    message: p.message,
  }));
  const drafts: Draft[] = [];
  const result = (pack?: Pack): CompiledFolder => ({
    id: folder.id,
    dir: folder.dir,
    path: folder.path,
    ...(pack && errors.length === 0 ? { pack } : {}),
    errors,
    drafts,
  });

  // 1. Parse every file and check it against its schema.
  let text: ParsedText | undefined;
  const textFile = folder.files.text;
  if (textFile) {
    const parsed = parseText(textFile.text);
    if (parsed.ok) text = parsed.text;
    else
      for (const p of parsed.problems)
        errors.push({ file: textFile.path, line: p.line, path: '$', message: p.message });
  }
  const yaml: Partial<Record<YamlFileRole, ParsedYaml>> = {};
  const content: Partial<YamlFileContent> = {};
  for (const role of Object.keys(YAML_FILE_SCHEMAS) as YamlFileRole[]) {
    const file = folder.files[role];
    if (!file) continue;
    const parsed = parseYaml(file.text);
    if (!parsed.ok) {
      for (const p of parsed.problems)
        errors.push({
          file: file.path,
          line: p.line,
          path: '$',
          message: `is not valid YAML: ${p.message}`,
        });
      continue;
    }
    yaml[role] = parsed.yaml;
    const checked = v.safeParse(YAML_FILE_SCHEMAS[role], parsed.yaml.doc.toJS());
    if (checked.success) (content as Record<string, unknown>)[role] = checked.output;
    else errors.push(...schemaErrors(file, parsed.yaml, checked.issues));
  }
  if (errors.length > 0 || !text) return result();
  const c = content as YamlFileContent;
  const fileOf = (role: PackFileRole) => folder.files[role] as PackFile;
  const origins = new Map<string, Origin>();
  const from = (path: string, role: YamlFileRole, keys: Key[]) => {
    origins.set(path, { file: fileOf(role), yaml: yaml[role], keys });
  };
  const lineOf = (role: YamlFileRole, keys: Key[]) => lineAt(yaml[role] as ParsedYaml, keys);
  const sourceError = (role: YamlFileRole, keys: Key[], message: string, expected?: string) => {
    errors.push({
      file: fileOf(role).path,
      line: lineOf(role, keys),
      path: jsonPathOf(keys),
      message,
      ...(expected ? { expected } : {}),
    });
  };
  const markDraft = (role: YamlFileRole, keys: Key[], what: string, how: string | undefined) => {
    if (how !== undefined)
      drafts.push({ file: fileOf(role).path, line: lineOf(role, keys), what, how });
  };

  // 2. The article.
  const a = c.article;
  markDraft('article', [], 'article', a.draft);
  const standfirst = text.paragraphs.find((p) => p.role === 'standfirst')?.text ?? '';
  const article: Article = {
    id: folder.id,
    headline: a.headline,
    ...(a.headlineNote !== undefined ? { headlineNote: a.headlineNote } : {}),
    standfirst,
    language: a.language,
    published: {
      date: a.published.date,
      precision: precisionOf(a.published.date),
      note: a.published.note,
    },
    ...(a.wireCredit !== undefined ? { wireCredit: a.wireCredit } : {}),
    publisher: a.publisher,
    canonicalUrl: a.canonicalUrl,
    sites: a.sites.map((s) => ({
      host: s.host,
      name: s.name,
      matches: s.matches,
      urls: s.urls,
      style: s.style,
    })),
    text: { paragraphs: text.paragraphs },
  };
  from('$.article', 'article', []);
  text.lines.forEach((line, i) => {
    origins.set(`$.article.text.paragraphs[${i}]`, { file: fileOf('text'), keys: [], line });
  });
  const articleText = new ArticleText(article);
  const locate = (role: YamlFileRole, keys: Key[], anchor: Anchor): Target | undefined => {
    const found = articleText.locate(anchor);
    if (found.ok) return targetAt(articleText.text, found.start, found.end);
    sourceError(role, keys, found.message, found.expected);
    return undefined;
  };

  // 3. Entities and their mentions: explicit anchors first, then `all` in declaration order,
  // skipping occurrences that overlap a mention of the same kind placed before.
  type Placed = { entity: number; kind: EntityKind; mention: Mention; keys: Key[] };
  const placed: Placed[] = [];
  for (const [i, e] of c.entities.entries()) {
    markDraft('entities', [i], `entity ${e.id}`, e.draft);
    for (const [j, m] of e.mentions.entries()) {
      const keys = [i, 'mentions', j];
      const problem = mentionShapeProblem(m);
      if (problem) {
        sourceError('entities', keys, problem.message, problem.expected);
        continue;
      }
      if (m.quote === undefined) continue;
      markDraft('entities', keys, `mention ${m.id}`, m.draft);
      const target = locate('entities', keys, { ...m, quote: m.quote });
      if (!target) continue;
      const mention: Mention = { id: m.id as string, target, form: m.form };
      if (m.allowOverlap) mention.allowOverlap = m.allowOverlap;
      placed.push({ entity: i, kind: e.kind, mention, keys });
    }
  }
  for (const [i, e] of c.entities.entries()) {
    for (const [j, m] of e.mentions.entries()) {
      const quote = m.all;
      if (quote === undefined || m.quote !== undefined) continue;
      const keys = [i, 'mentions', j];
      markDraft('entities', keys, `mentions of "${quote}" (${e.id})`, m.draft);
      const hits = occurrences(articleText.text, quote);
      if (hits.length === 0) {
        sourceError(
          'entities',
          keys,
          `all: "${quote}" is not found in the text`,
          'the exact words of the text, on word boundaries',
        );
      }
      for (const [n, start] of hits.entries()) {
        const end = start + quote.length;
        const overlaps = placed.some(
          (p) =>
            p.kind === e.kind &&
            p.mention.target.position.start < end &&
            start < p.mention.target.position.end,
        );
        if (overlaps) continue;
        const mention: Mention = {
          id: derivedMentionId(e.id, quote, n + 1),
          target: targetAt(articleText.text, start, end),
          form: m.form,
        };
        placed.push({ entity: i, kind: e.kind, mention, keys });
      }
    }
  }
  const entities = c.entities.map((e, i) => {
    from(`$.entities[${i}]`, 'entities', [i]);
    const mine = placed
      .filter((p) => p.entity === i)
      .sort((x, y) => x.mention.target.position.start - y.mention.target.position.start);
    for (const [j, p] of mine.entries())
      from(`$.entities[${i}].mentions[${j}]`, 'entities', p.keys);
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      ...(e.role !== undefined ? { role: e.role } : {}),
      description: e.description,
      mentions: mine.map((p) => p.mention),
      ...(e.note !== undefined ? { note: e.note } : {}),
    };
  });

  // 4. Claims.
  const placeholder = targetAt(articleText.text, 0, Math.min(1, articleText.text.length));
  const claims: Claim[] = c.claims.map((s, i) => {
    from(`$.claims[${i}]`, 'claims', [i]);
    markDraft('claims', [i], `claim ${s.id}`, s.draft);
    const claim: Claim = {
      id: s.id,
      kind: s.kind,
      target: locate('claims', [i, 'target'], s.target) ?? placeholder,
      speaker: speakerOf(s.speaker),
      attribution: s.attribution,
      involves: s.involves,
      topics: s.topics,
    };
    if (s.said) {
      claim.said = {
        ...(s.said.medium !== undefined ? { medium: s.said.medium } : {}),
        ...(s.said.date !== undefined
          ? { date: { value: s.said.date, precision: precisionOf(s.said.date) } }
          : {}),
        ...(s.said.via !== undefined ? { via: s.said.via } : {}),
      };
    }
    if (s.cue !== undefined) claim.cue = locate('claims', [i, 'cue'], s.cue) ?? placeholder;
    if (s.note !== undefined) claim.note = s.note;
    if (s.allowOverlap) claim.allowOverlap = s.allowOverlap;
    return claim;
  });

  // 5. Timeline: claims by id.
  const timeline: TimelineEvent[] = c.timeline.map((s, i) => {
    from(`$.timeline[${i}]`, 'timeline', [i]);
    markDraft('timeline', [i], `timeline ${s.id}`, s.draft);
    const target = locate('timeline', [i, 'target'], s.target) ?? placeholder;
    const event: TimelineEvent = {
      id: s.id,
      label: s.label,
      date: {
        value: s.date,
        precision: precisionOf(s.date),
        ...(s.dateNote !== undefined ? { note: s.dateNote } : {}),
        resolvedFrom: s.resolvedFrom ?? target.quote.exact,
      },
      target,
      entities: s.entities,
    };
    if (s.otherTargets) {
      event.otherTargets = s.otherTargets.map(
        (o, j) => locate('timeline', [i, 'otherTargets', j], o) ?? placeholder,
      );
    }
    if (s.claims) event.claims = s.claims;
    if (s.allowOverlap) event.allowOverlap = s.allowOverlap;
    return event;
  });

  // 6. Topics list the claims that list them.
  const topics = c.topics.map((t, i) => {
    from(`$.topics[${i}]`, 'topics', [i]);
    return {
      id: t.id,
      label: t.label,
      paragraphs: t.paragraphs,
      claims: claims.filter((cl) => cl.topics.includes(t.id)).map((cl) => cl.id),
    };
  });
  const exclusions = c.exclusions.map((x, i) => {
    from(`$.exclusions[${i}]`, 'exclusions', [i]);
    return { text: x.text, reason: x.reason };
  });
  if (errors.length > 0) return result();

  if (c.sources !== undefined)
    origins.set('$.sources', { file: fileOf('sources'), yaml: yaml.sources, keys: [] });
  const pack: Pack = {
    schemaVersion: SCHEMA_VERSION,
    article,
    entities,
    claims,
    timeline,
    topics,
    exclusions,
    ...(c.sources !== undefined ? { sources: c.sources as Pack['sources'] } : {}),
  };
  const validated = validatePack(pack, folder.path);
  if (!validated.ok) {
    for (const e of validated.errors) errors.push(toSource(e, origins, folder));
    return result();
  }
  // The pack as built, not valibot's copy: its key order follows the model, as authors read it.
  return result(pack);
}

/** `m-<entity>-<words of the quote>-<n>`: the nth occurrence of the quote in the text (1-based). */
export function derivedMentionId(entityId: string, quote: string, n: number): string {
  const words = quote
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const prefix = `m-${entityId}-`;
  const suffix = `-${n}`;
  const room = Math.max(1, 64 - prefix.length - suffix.length);
  return `${prefix}${(words || 'x').slice(0, room).replace(/-+$/, '')}${suffix}`;
}

function mentionShapeProblem(m: {
  id?: string;
  quote?: string;
  all?: string;
  para?: string;
  nth?: number;
  within?: string;
  allowOverlap?: string[];
}): { message: string; expected: string } | undefined {
  if ((m.quote === undefined) === (m.all === undefined)) {
    return {
      message: 'has both quote and all, or neither',
      expected: 'quote (with id) for one mention, or all for every occurrence',
    };
  }
  if (m.quote !== undefined && m.id === undefined) {
    return { message: 'has no id', expected: 'an id that never changes, e.g. m-<entity>-<n>' };
  }
  if (
    m.all !== undefined &&
    (m.id ?? m.para ?? m.nth ?? m.within ?? m.allowOverlap) !== undefined
  ) {
    return {
      message: 'combines all with id, para, nth, within or allowOverlap',
      expected: 'all: <quote> and form only (ids are derived)',
    };
  }
  return undefined;
}

function speakerOf(s: 'reporter' | { entity: string } | { unnamed: string }): Speaker {
  if (s === 'reporter') return { type: 'reporter' };
  if ('entity' in s) return { type: 'entity', entity: s.entity };
  return { type: 'unnamed', description: s.unnamed };
}

function jsonPathOf(keys: readonly Key[]): string {
  return `$${keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;
}

/** The keys of a JSON path as validate.ts writes them: `$.a[3]["odd key"]`. */
function keysOf(path: string): Key[] {
  const keys: Key[] = [];
  for (const m of path.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else if (m[3] !== undefined) keys.push(JSON.parse(m[3]) as string);
  }
  return keys;
}

/** A compiled-pack error, re-addressed to the source file and line it comes from. */
function toSource(e: PackError, origins: Map<string, Origin>, folder: PackFolder): PackError {
  const keys = keysOf(e.path);
  for (let n = keys.length; n >= 0; n--) {
    const origin = origins.get(jsonPathOf(keys.slice(0, n)));
    if (!origin) continue;
    const rest = keys.slice(n);
    const line =
      origin.line ?? (origin.yaml ? lineAt(origin.yaml, [...origin.keys, ...rest]) : undefined);
    return {
      ...e,
      file: origin.file.path,
      ...(line !== undefined ? { line } : {}),
      path: origin.line !== undefined ? e.path : jsonPathOf([...origin.keys, ...rest]),
    };
  }
  return { ...e, file: folder.path };
}

function schemaErrors(
  file: PackFile,
  yaml: ParsedYaml,
  issues: readonly v.BaseIssue<unknown>[],
): PackError[] {
  const out: PackError[] = [];
  const push = (issue: v.BaseIssue<unknown>) => {
    const keys: Key[] = (issue.path ?? []).map((p) => p.key as Key);
    const at = { file: file.path, line: lineAt(yaml, keys), path: jsonPathOf(keys) };
    if (issue.type === 'strict_object' && issue.expected === 'never') {
      out.push({
        ...at,
        message: 'is not a field of this object',
        expected: 'only the fields in source-schema.ts',
      });
    } else if (issue.type === 'union' && issue.issues) {
      // Report what is wrong inside the branch that fits the value's shape, if one does.
      const deeper = issue.issues.filter((i) => (i.path?.length ?? 0) > keys.length);
      if (deeper.length > 0) for (const i of deeper) push(i);
      else out.push({ ...at, message: issue.message });
    } else if (issue.kind === 'schema' && issue.received === 'undefined') {
      out.push({ ...at, message: 'is missing', expected: issue.expected ?? undefined });
    } else if (issue.kind === 'schema' && !issue.message.startsWith('Invalid')) {
      out.push({ ...at, message: issue.message });
    } else if (issue.kind === 'schema') {
      out.push({
        ...at,
        message: `has the wrong type or value (${issue.received})`,
        expected: issue.expected ?? undefined,
      });
    } else {
      out.push({ ...at, message: issue.message });
    }
  };
  for (const issue of issues) push(issue);
  return out.map((e) => (e.expected === undefined ? (({ expected: _, ...rest }) => rest)(e) : e));
}
