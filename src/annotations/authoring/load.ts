/**
 * The pack registry is the packs folder: every sub-folder is an article (see `folder.ts`).
 * `loadPackFolders()` reads and compiles them all; the Vite build (the bundled packs and the
 * catalog), the check tool, the benchmark and the tests all find packs through it. Node only.
 */
import { basename, relative } from 'node:path';
import type { Pack } from '../model';
import type { PackError } from '../validate';
import { type CompiledFolder, compilePackFolder } from './compile';
import { PACKS_DIR, packFolderPaths, readPackFolder } from './folder';

export { PACKS_DIR } from './folder';

export interface LoadedPackFolders {
  /** Every folder, compiled (with its errors and drafts), in folder-name order. */
  folders: CompiledFolder[];
  /** The packs of the folders without errors. */
  packs: Pack[];
  /** Every error of every folder. */
  errors: PackError[];
}

export interface LoadOptions {
  /** File names in errors are relative to this directory (default: the working directory). */
  cwd?: string;
  /** Article ids (folder names) to leave out, as if their folders were not there. */
  exclude?: readonly string[];
}

/** Compile one pack folder. Never throws for bad data: problems are in `errors`. */
export function loadPackFolder(dir: string, options: LoadOptions = {}): CompiledFolder {
  const cwd = options.cwd ?? process.cwd();
  const display = (path: string) => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') ? rel : path;
  };
  return compilePackFolder(readPackFolder(dir, display));
}

/** Compile every pack folder of `packsDir`. */
export function loadPackFolders(
  packsDir = PACKS_DIR,
  options: LoadOptions = {},
): LoadedPackFolders {
  const excluded = new Set(options.exclude ?? []);
  const folders = packFolderPaths(packsDir)
    .filter((dir) => !excluded.has(basename(dir)))
    .map((dir) => loadPackFolder(dir, options));
  return {
    folders,
    packs: folders.flatMap((f) => (f.pack ? [f.pack] : [])),
    errors: folders.flatMap((f) => f.errors),
  };
}
