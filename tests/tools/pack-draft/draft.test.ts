// @vitest-environment node
/**
 * `npm run pack:draft` on the canonical fixture page: the drafted folder compiles and validates,
 * everything in it is a draft, every quote it cites is found in the text, and the check tool lists
 * the drafts. A page without an article is refused with a message saying so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalForm } from '../../../src/annotations/authoring/format';
import { loadPackFolder, PACKS_DIR } from '../../../src/annotations/authoring/load';
import { ArticleText } from '../../../src/annotations/authoring/locate';
import type { Anchor } from '../../../src/annotations/authoring/source-schema';
import { parseYaml } from '../../../src/annotations/authoring/yaml-file';
import { checkAllPacks } from '../../../src/annotations/check';
import { draftPack } from '../../../tools/pack-draft/draft';
import { evaluateDraft } from '../../../tools/pack-draft/evaluate';
import { PageError } from '../../../tools/pack-draft/page';
import { canonicalDraft, writeDraft } from './helpers';

const drafted = canonicalDraft();
const { packsDir, folder } = writeDraft(drafted);
const compiled = loadPackFolder(folder);
const yamlOf = (name: string) => {
  const parsed = parseYaml(drafted.files[name] ?? '');
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.yaml.doc.toJS() as Array<Record<string, unknown>>;
};

describe('pack:draft on the canonical fixture page', () => {
  it('drafts a folder that compiles and validates', () => {
    expect(compiled.errors).toEqual([]);
    expect(compiled.pack).toBeDefined();
    expect(drafted.dropped).toEqual([]);
    const pack = compiled.pack;
    expect(pack?.entities.length).toBeGreaterThan(0);
    expect(pack?.claims.length).toBeGreaterThan(0);
    expect(pack?.timeline.length).toBeGreaterThan(0);
  });

  it('marks every item, and the article, as a draft', () => {
    const pack = compiled.pack;
    if (!pack) throw new Error('no pack');
    const items =
      1 +
      pack.entities.length +
      pack.entities.reduce((n, e) => n + e.mentions.length, 0) +
      pack.claims.length +
      pack.timeline.length;
    expect(compiled.drafts).toHaveLength(items);
    expect(compiled.drafts.every((d) => d.how.length > 0)).toBe(true);
  });

  it('takes the article text as the reviewed pack has it: standfirst, paragraphs, subheading', () => {
    const reviewed = readFileSync(join(PACKS_DIR, '2025-11-24-trump-xi-call', 'text.md'), 'utf8');
    expect(drafted.files['text.md']).toBe(reviewed);
  });

  it('cites every span by a quote found exactly once where it is looked for', () => {
    const pack = compiled.pack;
    if (!pack) throw new Error('no pack');
    const text = new ArticleText(pack.article);
    const anchors: Anchor[] = [
      // A mention spells its anchor out beside its id, form and draft line.
      ...yamlOf('entities.yaml').flatMap((e) =>
        (e.mentions as Array<Record<string, unknown>>).map(
          ({ id: _id, form: _form, draft: _draft, ...anchor }) => anchor as Anchor,
        ),
      ),
      ...yamlOf('claims.yaml').flatMap((c) => [c.target as Anchor, c.cue as Anchor]),
      ...yamlOf('timeline.yaml').map((t) => t.target as Anchor),
    ];
    expect(anchors.length).toBeGreaterThan(100);
    for (const anchor of anchors) {
      expect(text.locate(anchor), JSON.stringify(anchor)).toMatchObject({ ok: true });
    }
  });

  it('names speakers and entities only in the article’s own words', () => {
    const pack = compiled.pack;
    if (!pack) throw new Error('no pack');
    const text = pack.article.text.paragraphs.map((p) => p.text).join('\n\n');
    for (const e of pack.entities) expect(text).toContain(e.name);
    for (const c of pack.claims) {
      if (c.speaker.type === 'unnamed') expect(text).toContain(c.speaker.description);
      expect(c.speaker.type).not.toBe('reporter');
    }
  });

  it('writes every file in its canonical form (packs:format leaves it alone)', () => {
    for (const [name, content] of Object.entries(drafted.files)) {
      const role = name === 'text.md' ? 'text' : (name.replace('.yaml', '') as 'article');
      expect(canonicalForm(role, content)).toEqual({ ok: true, text: content });
    }
  });

  it('is listed by the check tool, draft by draft', () => {
    const report = checkAllPacks({ packsDir, cwd: packsDir });
    expect(report.drafts).toBe(compiled.drafts.length);
    expect(report.text).toContain(`${compiled.drafts.length} still a draft`);
    expect(report.text).toMatch(
      new RegExp(`${drafted.id}/claims\\.yaml:\\d+: claim c01 \\(attribution pattern`),
    );
    expect(report.text).toMatch(
      new RegExp(`${drafted.id}/article\\.yaml:\\d+: article \\(drafted`),
    );
  });
});

describe('pack:draft on a page without an article', () => {
  it('says there is no article', () => {
    const page =
      '<!doctype html><html><head><title>Home</title></head><body><nav><a href="/">Home</a><a href="/world">World</a></nav><p>Sign in to continue.</p></body></html>';
    expect(() => draftPack(page, { source: 'home.html' })).toThrow(PageError);
    expect(() => draftPack(page, { source: 'home.html' })).toThrow(/home\.html: no article found/);
  });
});

describe('the figures in the packs README', () => {
  it('are what npm run pack:draft -- --evaluate measures now', () => {
    const reviewed = loadPackFolder(join(PACKS_DIR, '2025-11-24-trump-xi-call')).pack;
    if (!compiled.pack || !reviewed) throw new Error('a pack does not compile');
    const readme = readFileSync(join(PACKS_DIR, 'README.md'), 'utf8');
    for (const f of evaluateDraft(compiled.pack, reviewed)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${f.what} `));
      const cells = row?.split('|').map((cell) => cell.trim());
      const percent = (x: number) => `${(x * 100).toFixed(0)} %`;
      expect(cells?.slice(2, 7), `README row "${f.what}"`).toEqual([
        String(f.drafted),
        String(f.reviewed),
        String(f.matched),
        percent(f.precision),
        percent(f.recall),
      ]);
    }
  });
});
