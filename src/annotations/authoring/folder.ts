/**
 * An article's pack folder, `src/annotations/packs/<article-id>/`: the one place that knows which
 * files a folder holds. Everything else (the compiler, the check tool, the round-trip test, the
 * scaffold) reads a folder through `readPackFolder` and names its files through `PACK_FILES`.
 *
 * The folder's name is the article id. To add a file to the format: add it to `PACK_FILES` (with
 * `required: false` if older folders lack it), give it a schema in `source-schema.ts`, and read
 * its parsed content in `compile.ts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const PACKS_DIR = resolve(import.meta.dirname, '../packs');

/** The files of a pack folder, by role. `text` is Markdown; the others are YAML. */
export const PACK_FILES = {
  article: { name: 'article.yaml', required: true, about: 'headline, publication, sites' },
  text: { name: 'text.md', required: true, about: 'the article text, one paragraph a block' },
  entities: { name: 'entities.yaml', required: true, about: 'entities and their mentions' },
  claims: { name: 'claims.yaml', required: true, about: 'claims, with speaker and attribution' },
  timeline: { name: 'timeline.yaml', required: true, about: 'dated events, pointing at claims' },
  topics: { name: 'topics.yaml', required: true, about: 'threads through the article' },
  exclusions: { name: 'exclusions.yaml', required: true, about: 'deliberate non-annotations' },
  sources: {
    name: 'sources.yaml',
    required: false,
    about: 'where quoted and reported words come from (model: PackSources)',
  },
} as const;

export type PackFileRole = keyof typeof PACK_FILES;
export const PACK_FILE_ROLES = Object.keys(PACK_FILES) as PackFileRole[];

/** One file of a folder: where it is (as given to error messages) and its text. */
export interface PackFile {
  role: PackFileRole;
  /** Path for messages: relative to the working directory when inside it. */
  path: string;
  text: string;
}

export interface PackFolder {
  /** The article id: the folder's name. */
  id: string;
  dir: string;
  /** The folder's path for messages. */
  path: string;
  /** The files present, by role (a missing optional file is absent). */
  files: Partial<Record<PackFileRole, PackFile>>;
  /** Required files that are missing, and files the format does not know. */
  problems: Array<{ path: string; message: string }>;
}

const KNOWN_NAMES = new Set<string>(Object.values(PACK_FILES).map((f) => f.name));

/** Read every file of one pack folder. Never throws for missing or unknown files: they are problems. */
export function readPackFolder(dir: string, displayPath: (path: string) => string): PackFolder {
  const files: PackFolder['files'] = {};
  const problems: PackFolder['problems'] = [];
  for (const role of PACK_FILE_ROLES) {
    const { name, required } = PACK_FILES[role];
    const path = join(dir, name);
    if (existsSync(path)) {
      files[role] = { role, path: displayPath(path), text: readFileSync(path, 'utf8') };
    } else if (required) {
      problems.push({ path: displayPath(path), message: `is missing (${PACK_FILES[role].about})` });
    }
  }
  for (const name of readdirSync(dir).sort()) {
    if (!KNOWN_NAMES.has(name)) {
      problems.push({
        path: displayPath(join(dir, name)),
        message: `is not a file of the pack format (known: ${[...KNOWN_NAMES].join(', ')})`,
      });
    }
  }
  return { id: basename(dir), dir, path: displayPath(dir), files, problems };
}

/** The pack folders in `packsDir`, sorted by name: every sub-folder is one article. */
export function packFolderPaths(packsDir: string): string[] {
  return readdirSync(packsDir)
    .filter((name) => !name.startsWith('.') && statSync(join(packsDir, name)).isDirectory())
    .sort()
    .map((name) => join(packsDir, name));
}
