// @vitest-environment node
/** `npm run pack:new -- <id>`: the scaffolded folder loads, validates, and is all draft. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackFolders } from '../../../src/annotations/authoring/load';
import { scaffoldPackFolder } from '../../../src/annotations/authoring/scaffold';
import { checkAllPacks } from '../../../src/annotations/check';

describe('pack:new', () => {
  it('scaffolds a folder that loads and validates, marked as a draft', () => {
    const packsDir = mkdtempSync(join(tmpdir(), 'gloss-new-'));
    const made = scaffoldPackFolder(packsDir, '2026-01-05-new-story');
    expect(made.ok).toBe(true);
    const { folders, errors } = loadPackFolders(packsDir);
    expect(errors).toEqual([]);
    expect(folders.map((f) => f.pack?.article.id)).toEqual(['2026-01-05-new-story']);
    expect(folders[0]?.drafts.map((d) => d.what)).toEqual(['article']);
    const report = checkAllPacks({ packsDir, cwd: packsDir });
    expect(report.drafts).toBe(1);
    expect(report.text).toMatch(/2026-01-05-new-story\/article\.yaml:4: article \(scaffolded/);
  });

  it('refuses an id that is not an article id, and an existing folder', () => {
    const packsDir = mkdtempSync(join(tmpdir(), 'gloss-new-'));
    expect(scaffoldPackFolder(packsDir, 'My Story')).toMatchObject({ ok: false });
    expect(scaffoldPackFolder(packsDir, '2026-01-05-a').ok).toBe(true);
    expect(scaffoldPackFolder(packsDir, '2026-01-05-a')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/exists already/),
    });
  });
});
