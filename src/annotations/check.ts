/**
 * Build-time check of every pack (Node only: reads the packs directory).
 *
 * `checkAllPacks()` validates every `packs/*.json`, checks that each is bundled by `packs.ts`,
 * that it is up to date with its authoring source, and that its coverage of the article is
 * complete (every capitalised name and every attributed sentence annotated or excluded with a
 * reason). A Vite plugin can fail the build on `!report.ok`, printing `report.text`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { buildAll } from './authoring/sources';
import { type CoverageReport, coverage } from './coverage';
import type { Pack } from './model';
import { BUNDLED_PACKS, withSources } from './packs';
import { formatPackError, type PackError, parsePack, validatePack } from './validate';

export const PACKS_DIR = resolve(import.meta.dirname, 'packs');
/** Each pack's sources section, `<article-id>.json`, validated with its pack. */
export const SOURCES_DIR = resolve(import.meta.dirname, 'sources');

export interface PackCheck {
  file: string;
  pack?: Pack;
  errors: PackError[];
  coverage?: CoverageReport;
  counts?: Record<string, number>;
}

export interface CheckReport {
  ok: boolean;
  packs: PackCheck[];
  /** Human-readable report (errors first, then coverage and counts). */
  text: string;
}

export function packCounts(pack: Pack): Record<string, number> {
  return {
    entities: pack.entities.length,
    mentions: pack.entities.reduce((n, e) => n + e.mentions.length, 0),
    claims: pack.claims.length,
    timeline: pack.timeline.length,
    topics: pack.topics.length,
    exclusions: pack.exclusions.length,
  };
}

/** Validate, cross-check and measure every pack in `packsDir`. Never throws on bad packs. */
export function checkAllPacks(
  options: { packsDir?: string; sourcesDir?: string; cwd?: string } = {},
): CheckReport {
  const packsDir = options.packsDir ?? PACKS_DIR;
  const sourcesDir = options.sourcesDir ?? (packsDir === PACKS_DIR ? SOURCES_DIR : undefined);
  const cwd = options.cwd ?? process.cwd();
  const files = readdirSync(packsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const generated = new Map(buildAll().map((p) => [p.article.id, p]));
  const bundled = new Set(BUNDLED_PACKS.map((s) => basename(s.file)));
  const results: PackCheck[] = [];

  for (const name of files) {
    const path = resolve(packsDir, name);
    const file = relative(cwd, path) || path;
    const raw = readFileSync(path, 'utf8');
    const sourcesPath = sourcesDir ? resolve(sourcesDir, name) : undefined;
    const result =
      sourcesPath && existsSync(sourcesPath)
        ? parseWithSources(raw, file, sourcesPath, relative(cwd, sourcesPath) || sourcesPath)
        : parsePack(raw, file);
    if (!result.ok) {
      results.push({ file, errors: result.errors });
      continue;
    }
    const { pack } = result;
    const errors: PackError[] = [];
    if (name !== `${pack.article.id}.json`) {
      errors.push({
        file,
        path: '$.article.id',
        message: `is "${pack.article.id}" but the file is ${name}`,
        expected: `the file name ${pack.article.id}.json`,
      });
    }
    if (packsDir === PACKS_DIR && !bundled.has(name)) {
      errors.push({
        file,
        path: '$',
        message: 'is not bundled: packs.ts does not import it',
        expected: 'an entry in BUNDLED_PACKS',
      });
    }
    const source = generated.get(pack.article.id);
    if (source && stableJson(source) !== stableJson(JSON.parse(raw))) {
      errors.push({
        file,
        path: '$',
        message: 'differs from its authoring source',
        expected: 'the output of `npx tsx src/annotations/authoring/generate.ts`',
      });
    }
    const cov = coverage(pack);
    for (const n of cov.uncoveredNames) {
      errors.push({
        file,
        path: '$.exclusions',
        message: `"${n.text}" (${n.paragraph}, offset ${n.start}) is capitalised but no entity mention or timeline date covers it`,
        expected: 'a mention, or an exclusion with a reason',
      });
    }
    for (const s of cov.unattributedSentences) {
      errors.push({
        file,
        path: '$.claims',
        message: `the sentence "${s.text}" (${s.paragraph}) attributes words to someone but no claim covers it`,
        expected: 'a claim, or an exclusion with a reason',
      });
    }
    results.push({ file, pack, errors, coverage: cov, counts: packCounts(pack) });
  }

  const lines: string[] = [];
  for (const r of results) {
    if (r.errors.length > 0) {
      lines.push(`✗ ${r.file}: ${r.errors.length} problem(s)`);
      for (const e of r.errors) lines.push(`  ${formatPackError(e)}`);
    } else {
      lines.push(`✓ ${r.file}`);
    }
    if (r.counts) {
      lines.push(
        `  ${Object.entries(r.counts)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}`,
      );
    }
    if (r.coverage) {
      const c = r.coverage;
      lines.push(
        `  coverage: ${c.sentences} sentences, ${c.uncoveredNames.length} unexplained names, ${c.unattributedSentences.length} unexplained attributions`,
      );
      for (const s of c.sentencesWithoutClaims)
        lines.push(`  (no claim, for information) ${s.paragraph}: "${s.text}"`);
    }
  }
  if (results.length === 0) lines.push(`✗ no packs in ${packsDir}`);
  const ok = results.length > 0 && results.every((r) => r.errors.length === 0);
  return { ok, packs: results, text: lines.join('\n') };
}

/** A pack and its sources file, parsed and validated together; bad JSON in either is an error. */
function parseWithSources(raw: string, file: string, sourcesPath: string, sourcesFile: string) {
  const parsed = parsePack(raw, file);
  if (!parsed.ok) return parsed;
  let sources: unknown;
  try {
    sources = JSON.parse(readFileSync(sourcesPath, 'utf8'));
  } catch (e) {
    return {
      ok: false as const,
      errors: [
        {
          file: sourcesFile,
          path: '$',
          message: `is not valid JSON: ${(e as Error).message}`,
          expected: 'a JSON object',
        },
      ],
    };
  }
  return validatePack(withSources(JSON.parse(raw), sources), `${file} + ${sourcesFile}`);
}

/** JSON with object keys sorted, to compare data regardless of key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
