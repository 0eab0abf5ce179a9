/**
 * The bundled annotation packs, validated. Pure (no browser APIs): usable from the content
 * script, the popup, the side panel and the background.
 *
 * The packs are compiled at build time from the folders in `packs/` (one folder per article; see
 * `packs/README.md`) into the module `virtual:gloss-packs` (tools/build/extension.ts, `glossPacks()`).
 * Adding an article needs nothing but its folder.
 */
import { bundledPacks } from 'virtual:gloss-packs';
import type { Pack } from './model';
import { type PackError, validatePack } from './validate';

/** A pack file before validation: its name (for error messages) and its parsed JSON. */
export interface PackSource {
  file: string;
  json: unknown;
}

export interface LoadedPacks {
  /** The packs that passed validation, in source order. */
  packs: Pack[];
  /** The packs that failed, with every reason. They are skipped; the others keep working. */
  rejected: Array<{ file: string; errors: PackError[] }>;
}

/** Validate pack sources; a bad pack is skipped with its reasons, the others are loaded. */
export function loadPackSources(sources: readonly PackSource[]): LoadedPacks {
  const packs: Pack[] = [];
  const rejected: LoadedPacks['rejected'] = [];
  const seen = new Set<string>();
  for (const { file, json } of sources) {
    const result = validatePack(json, file);
    if (!result.ok) {
      rejected.push({ file, errors: result.errors });
    } else if (seen.has(result.pack.article.id)) {
      rejected.push({
        file,
        errors: [
          {
            file,
            path: '$.article.id',
            message: `"${result.pack.article.id}" is the id of a pack loaded before`,
            expected: 'an article id used by one pack only',
          },
        ],
      });
    } else {
      seen.add(result.pack.article.id);
      packs.push(result.pack);
    }
  }
  return { packs, rejected };
}

let bundled: LoadedPacks | undefined;

/** The bundled packs, validated once and cached. */
export function loadPacks(): LoadedPacks {
  bundled ??= loadPackSources(bundledPacks);
  return bundled;
}

/** The valid bundled pack for an article id, if any. */
export function packById(articleId: string): Pack | undefined {
  return loadPacks().packs.find((p) => p.article.id === articleId);
}
