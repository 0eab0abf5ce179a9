import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPackFolder, PACKS_DIR } from '../../src/annotations/authoring/load';
import type { Pack } from '../../src/annotations/model';

import type { PackError, ValidationResult } from '../../src/annotations/validate';

export const SEED_ID = '2025-11-24-trump-xi-call';
export const SEED_DIR = join(PACKS_DIR, SEED_ID);
export const SEED_FILE = 'src/annotations/packs/2025-11-24-trump-xi-call';

const compiledSeed = loadPackFolder(SEED_DIR).pack;
if (!compiledSeed) throw new Error(`the seed pack does not compile: run npm run annotations:check`);
const { sources: seedSources, ...seedPack } = compiledSeed;

/** A copy of the seed's folder in a fresh temporary packs folder; returns the packs folder. */
export function seedFolderCopy(): { packsDir: string; folder: string } {
  const packsDir = mkdtempSync(join(tmpdir(), 'gloss-packs-'));
  const folder = join(packsDir, SEED_ID);
  cpSync(SEED_DIR, folder, { recursive: true });
  return { packsDir, folder };
}

/** Rewrite one file of a pack folder. */
export function editFile(folder: string, name: string, edit: (text: string) => string): void {
  const path = join(folder, name);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${name} changed nothing`);
  writeFileSync(path, after);
}

/** A fresh, mutable deep copy of the seed pack, without its sources section (see seedWithSources). */
export function seed(): Pack {
  return structuredClone(seedPack) as Pack;
}

/** The errors of a failed validation (fails the test if it passed). */
export function errorsOf(result: ValidationResult): PackError[] {
  if (result.ok) throw new Error('expected the pack to be rejected, but it was accepted');
  return result.errors;
}

/** A fresh, mutable deep copy of the seed pack with its sources section attached. */
export function seedWithSources(): Pack {
  return { ...seed(), sources: structuredClone(seedSources) as Pack['sources'] };
}
