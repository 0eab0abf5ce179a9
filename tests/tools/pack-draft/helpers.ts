import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGES_DIR } from '../../../tools/browsers/fixture-server';
import { fixture } from '../../../tools/browsers/fixtures';
import { type DraftedPack, draftPack } from '../../../tools/pack-draft/draft';

let canonical: DraftedPack | undefined;

/** The draft of the canonical fixture page (drafted once per test file). */
export function canonicalDraft(): DraftedPack {
  const page = fixture('canonical');
  canonical ??= draftPack(readFileSync(join(PAGES_DIR, page.file), 'utf8'), {
    source: page.file,
  });
  return canonical;
}

/** A drafted pack's files written to a fresh packs folder; returns both folders. */
export function writeDraft(drafted: DraftedPack, packsDir?: string) {
  const dir = packsDir ?? mkdtempSync(join(tmpdir(), 'gloss-draft-'));
  const folder = join(dir, drafted.id);
  mkdirSync(folder);
  for (const [name, content] of Object.entries(drafted.files))
    writeFileSync(join(folder, name), content);
  return { packsDir: dir, folder };
}
