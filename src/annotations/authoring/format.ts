/**
 * The canonical form of the files of a pack folder: what `npm run packs:format` writes and what
 * the round-trip test holds every committed file to.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PACK_FILES,
  PACKS_DIR,
  type PackFileRole,
  packFolderPaths,
  readPackFolder,
} from './folder';
import { formatText, parseText } from './text-format';
import { formatYaml, parseYaml } from './yaml-file';

/** The canonical form of one file's text, or why it cannot be read. */
export function canonicalForm(
  role: PackFileRole,
  text: string,
): { ok: true; text: string } | { ok: false; problem: string } {
  if (role === 'text') {
    const parsed = parseText(text);
    if (!parsed.ok)
      return {
        ok: false,
        problem: `line ${parsed.problems[0]?.line}: ${parsed.problems[0]?.message}`,
      };
    return { ok: true, text: formatText(parsed.text.paragraphs) };
  }
  const parsed = parseYaml(text);
  if (!parsed.ok)
    return {
      ok: false,
      problem: `line ${parsed.problems[0]?.line}: ${parsed.problems[0]?.message}`,
    };
  return { ok: true, text: formatYaml(parsed.yaml.doc) };
}

export interface FormatResult {
  path: string;
  changed: boolean;
  problem?: string;
}

/** Rewrite every file of every pack folder in its canonical form. */
export function formatPackFolders(packsDir = PACKS_DIR): FormatResult[] {
  const results: FormatResult[] = [];
  for (const dir of packFolderPaths(packsDir)) {
    const folder = readPackFolder(dir, (p) => p);
    for (const file of Object.values(folder.files)) {
      const path = join(dir, PACK_FILES[file.role].name);
      const canonical = canonicalForm(file.role, file.text);
      if (!canonical.ok) {
        results.push({ path, changed: false, problem: canonical.problem });
      } else {
        const changed = canonical.text !== file.text;
        if (changed) writeFileSync(path, canonical.text);
        results.push({ path, changed });
      }
    }
  }
  return results;
}
