/**
 * The bundled annotation packs, validated. Pure (no browser APIs): usable from the content
 * script, the popup, the side panel, the background and Node.
 *
 * To add a pack: put `packs/<article-id>.json` next to the others and add it to BUNDLED_PACKS.
 * Its optional sources section lives in `sources/<article-id>.json` (kept apart from the pack,
 * which is generated from its authoring source) and is attached with `withSources`.
 */
import type { Pack } from './model';
import trumpXiCall from './packs/2025-11-24-trump-xi-call.json' with { type: 'json' };
import trumpXiCallSources from './sources/2025-11-24-trump-xi-call.json' with { type: 'json' };
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

/** A pack's JSON with its sources section attached (validated with the pack). */
export function withSources(pack: unknown, sources: unknown): unknown {
  return pack !== null && typeof pack === 'object' && !Array.isArray(pack)
    ? { ...pack, sources }
    : pack;
}

export const BUNDLED_PACKS: readonly PackSource[] = [
  {
    file: 'src/annotations/packs/2025-11-24-trump-xi-call.json',
    json: withSources(trumpXiCall, trumpXiCallSources),
  },
];

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
  bundled ??= loadPackSources(BUNDLED_PACKS);
  return bundled;
}

/** The valid bundled pack for an article id, if any. */
export function packById(articleId: string): Pack | undefined {
  return loadPacks().packs.find((p) => p.article.id === articleId);
}
