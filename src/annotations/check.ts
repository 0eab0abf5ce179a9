/**
 * Build-time check of every pack (Node only: reads the packs folder).
 *
 * `checkAllPacks()` compiles and validates every pack folder (`authoring/load.ts`), lists what is
 * still a draft, and checks that each pack's coverage of the article is complete (every
 * capitalised name and every attributed sentence annotated or excluded with a reason). A Vite
 * plugin fails the build on `!report.ok`, printing `report.text`; `npm run annotations:check`
 * also fails while drafts remain.
 */
import { join } from 'node:path';
import type { Draft } from './authoring/compile';
import { PACK_FILES } from './authoring/folder';
import { loadPackFolders, PACKS_DIR } from './authoring/load';
import { type CoverageReport, coverage } from './coverage';
import type { Pack } from './model';
import { formatPackError, type PackError } from './validate';

export { PACKS_DIR } from './authoring/load';

export interface PackCheck {
  /** The pack's folder (relative to the working directory). */
  file: string;
  pack?: Pack;
  errors: PackError[];
  /** What a person has not reviewed yet (`draft:` in the source). */
  drafts: Draft[];
  coverage?: CoverageReport;
  counts?: Record<string, number>;
}

export interface CheckReport {
  /** No errors (drafts are allowed: see `drafts`). */
  ok: boolean;
  /** How many annotations are still drafts, over all packs. */
  drafts: number;
  packs: PackCheck[];
  /** Human-readable report (errors first, then drafts, coverage and counts). */
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

/** Compile, validate and measure every pack folder in `packsDir`. Never throws on bad packs. */
export function checkAllPacks(
  options: { packsDir?: string; cwd?: string; exclude?: readonly string[] } = {},
): CheckReport {
  const packsDir = options.packsDir ?? PACKS_DIR;
  const { folders } = loadPackFolders(packsDir, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
  });
  const results: PackCheck[] = [];

  for (const folder of folders) {
    const file = folder.path;
    const { pack, drafts } = folder;
    const errors = [...folder.errors];
    if (!pack) {
      results.push({ file, errors, drafts });
      continue;
    }
    const cov = coverage(pack);
    for (const n of cov.uncoveredNames) {
      errors.push({
        file: join(file, PACK_FILES.exclusions.name),
        path: '$',
        message: `"${n.text}" (${n.paragraph}, offset ${n.start}) is capitalised but no entity mention or timeline date covers it`,
        expected: 'a mention, or an exclusion with a reason',
      });
    }
    for (const s of cov.unattributedSentences) {
      errors.push({
        file: join(file, PACK_FILES.claims.name),
        path: '$',
        message: `the sentence "${s.text}" (${s.paragraph}) attributes words to someone but no claim covers it`,
        expected: 'a claim, or an exclusion with a reason',
      });
    }
    results.push({ file, pack, errors, drafts, coverage: cov, counts: packCounts(pack) });
  }

  const lines: string[] = [];
  for (const r of results) {
    if (r.errors.length > 0) {
      lines.push(`✗ ${r.file}: ${r.errors.length} problem(s)`);
      for (const e of r.errors) lines.push(`  ${formatPackError(e)}`);
    } else {
      lines.push(`✓ ${r.file}`);
    }
    if (r.drafts.length > 0) {
      lines.push(`  ${r.drafts.length} still a draft (review, then delete the \`draft:\` line):`);
      for (const d of r.drafts) lines.push(`    ${d.file}:${d.line}: ${d.what} (${d.how})`);
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
  const drafts = results.reduce((n, r) => n + r.drafts.length, 0);
  return { ok, drafts, packs: results, text: lines.join('\n') };
}

/** JSON with object keys sorted, to compare data regardless of key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
