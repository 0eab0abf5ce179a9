// @vitest-environment node
/**
 * Compiling a pack folder: every mistake an author can make is reported with its file, its line
 * and what is wrong; ids are authored (or derived from entity and quote) and do not move when
 * other annotations are added.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivedMentionId } from '../../../src/annotations/authoring/compile';
import { loadPackFolder } from '../../../src/annotations/authoring/load';
import { formatPackError } from '../../../src/annotations/validate';
import { editFile, SEED_ID, seed, seedFolderCopy, seedWithSources } from '../helpers';

/** Compile a copy of the seed folder after `edit`; returns its formatted errors. */
function errorsAfter(name: string, edit: (text: string) => string): string[] {
  const { folder, packsDir } = seedFolderCopy();
  editFile(folder, name, edit);
  return loadPackFolder(folder, { cwd: packsDir }).errors.map(formatPackError);
}

/** The 1-based line of the first line of `name` in the seed folder that contains `text`. */
function seedLine(name: string, text: string, from = 0): number {
  const { folder } = seedFolderCopy();
  const lines = readFileSync(join(folder, name), 'utf8').split('\n');
  const at = lines.findIndex((l, i) => i >= from && l.includes(text));
  if (at === -1) throw new Error(`no line with ${text}`);
  return at + 1;
}

describe('the seed folder', () => {
  it('compiles without errors or drafts, to the pack the extension bundles', () => {
    const { folder } = seedFolderCopy();
    const compiled = loadPackFolder(folder);
    expect(compiled.errors).toEqual([]);
    expect(compiled.drafts).toEqual([]);
    expect(compiled.pack).toEqual(seedWithSources());
    expect(compiled.id).toBe(SEED_ID);
  });
});

describe('errors name the file and the line', () => {
  it('a quote that is not unique', () => {
    const line = seedLine('claims.yaml', 'cue: {quote: Mr Trump said, para: p2}');
    const errors = errorsAfter('claims.yaml', (t) =>
      t.replace('cue: {quote: Mr Trump said, para: p2}', 'cue: Mr Trump said'),
    );
    expect(errors[0]).toBe(
      `${SEED_ID}/claims.yaml:${line}: $[3].cue: "Mr Trump said" is not unique: it occurs 3 times in the text (expected a quote narrowed with para, within or nth)`,
    );
  });

  it('a quote that is not found', () => {
    const line = seedLine('entities.yaml', 'quote: The Chinese leader');
    const errors = errorsAfter('entities.yaml', (t) =>
      t.replace('quote: The Chinese leader', 'quote: The Chinese premier'),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^${SEED_ID}/entities\\.yaml:${line}: .*"The Chinese premier" is not found in the text`,
      ),
    );
  });

  it('a dangling reference from the timeline to a claim', () => {
    const line = seedLine('timeline.yaml', 'claims: [c03, c16]');
    const errors = errorsAfter('timeline.yaml', (t) =>
      t.replace('claims: [c03, c16]', 'claims: [c03, c61]'),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${SEED_ID}/timeline.yaml:${line}: `);
    expect(errors[0]).toContain('refers to claim "c61", which does not exist');
  });

  it('a duplicate id', () => {
    const line = seedLine('claims.yaml', '- id: c02');
    const errors = errorsAfter('claims.yaml', (t) => t.replace('- id: c02', '- id: c01'));
    expect(
      errors.some(
        (e) => e.startsWith(`${SEED_ID}/claims.yaml:${line}: `) && /"c01" is already used/.test(e),
      ),
    ).toBe(true);
  });

  it('a misspelt field', () => {
    const line = seedLine('claims.yaml', 'attribution: direct-quote');
    const errors = errorsAfter('claims.yaml', (t) =>
      t.replace('attribution: direct-quote', 'atribution: direct-quote'),
    );
    expect(errors).toContain(
      `${SEED_ID}/claims.yaml:${line}: $[0].atribution: is not a field of this object (expected only the fields in source-schema.ts)`,
    );
  });

  it('a kind that does not exist', () => {
    const errors = errorsAfter('entities.yaml', (t) => t.replace('kind: person', 'kind: persona'));
    expect(errors[0]).toMatch(
      /entities\.yaml:\d+: \$\[0\]\.kind: has the wrong type or value \("persona"\)/,
    );
  });

  it('broken YAML', () => {
    const errors = errorsAfter('topics.yaml', (t) => t.replace('label: Taiwan', 'label: [Taiwan'));
    expect(errors[0]).toMatch(new RegExp(`^${SEED_ID}/topics\\.yaml:\\d+: \\$: is not valid YAML`));
  });

  it('a paragraph broken over two lines in text.md', () => {
    const errors = errorsAfter('text.md', (t) =>
      t.replace('Mr Trump said the telephone call', 'Mr Trump said\nthe telephone call'),
    );
    expect(errors[0]).toMatch(/text\.md:6: \$: continues the paragraph of line 5/);
  });

  it('a missing file', () => {
    const { folder, packsDir } = seedFolderCopy();
    editFile(folder, 'topics.yaml', () => '');
    const errors = loadPackFolder(folder, { cwd: packsDir }).errors.map(formatPackError);
    expect(errors[0]).toMatch(/topics\.yaml:1: \$: has the wrong type or value \(null\)/);
  });
});

describe('ids', () => {
  it('derives the ids of "all" mentions from the entity and the quote', () => {
    expect(derivedMentionId('trump', 'Mr Trump', 3)).toBe('m-trump-mr-trump-3');
    expect(derivedMentionId('china', 'Chinese', 1)).toBe('m-china-chinese-1');
    expect(derivedMentionId('x', 'Ürümqi’s “new” café', 2)).toBe('m-x-urumqi-s-new-cafe-2');
  });

  it('keeps every id when an annotation is inserted before the others', () => {
    const { folder, packsDir } = seedFolderCopy();
    editFile(folder, 'claims.yaml', (t) =>
      t.replace(
        '- id: c01\n',
        '- id: c41\n  kind: fact\n  target: held their first talks\n  speaker: reporter\n  attribution: reporter-background\n  involves: [call-2025-11-24]\n  topics: []\n  allowOverlap: [c03]\n- id: c01\n',
      ),
    );
    editFile(folder, 'entities.yaml', (t) =>
      t.replace(
        '    - {id: m-trump-1,',
        '    - {all: Mr Trump, form: honorific}\n    - {id: m-trump-1,',
      ),
    );
    const compiled = loadPackFolder(folder, { cwd: packsDir });
    expect(compiled.errors).toEqual([]);
    const before = seed();
    const after = compiled.pack;
    if (!after) throw new Error('no pack');
    const ids = (p: typeof before) => p.claims.map((c) => `${c.id}@${c.target.position.start}`);
    expect(ids(after).slice(1)).toEqual(ids(before));
    const timelineClaims = (p: typeof before) => p.timeline.map((t) => t.claims);
    expect(timelineClaims(after)).toEqual(timelineClaims(before));
    // "Mr Trump" is already a mention everywhere: `all` adds nothing and no id moves.
    const trump = (p: typeof before) =>
      p.entities.find((e) => e.id === 'trump')?.mentions.map((m) => m.id);
    expect(trump(after)).toEqual(trump(before));
  });

  it('gives "all" mentions ids that do not move when a mention is added elsewhere', () => {
    const { folder, packsDir } = seedFolderCopy();
    const explicit = '    - {id: m-call-2025-11-24-1, form: reference, quote: phone call}\n';
    editFile(folder, 'entities.yaml', (t) =>
      t.replace(explicit, `${explicit}    - {all: talks, form: reference}\n`),
    );
    const first = loadPackFolder(folder, { cwd: packsDir }).pack;
    editFile(folder, 'entities.yaml', (t) =>
      t.replace(
        explicit,
        `${explicit}    - {id: m-call-2025-11-24-5, form: reference, quote: Nov 24, para: p1}\n`,
      ),
    );
    const second = loadPackFolder(folder, { cwd: packsDir }).pack;
    const ids = (p: typeof first) =>
      p?.entities.find((e) => e.id === 'call-2025-11-24')?.mentions.map((m) => m.id);
    // "talks" in "first talks" overlaps a mention of the call, so only "ongoing talks" (p15),
    // the second occurrence of the word, is added.
    expect(ids(first)).toContain('m-call-2025-11-24-talks-2');
    expect(ids(second)).toContain('m-call-2025-11-24-talks-2');
    expect(ids(second)?.length).toBe((ids(first)?.length ?? 0) + 1);
  });
});
