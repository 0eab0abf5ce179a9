/**
 * `npm run annotations:check [-- --allow-drafts] [-- --export <dir>] [-- --packs-dir <dir>]`
 *
 * Compiles and validates every pack folder, checks every selector against the article text, lists
 * what is still a draft, prints the coverage report, and exits 1 if any pack is invalid, leaves a
 * name or an attributed sentence unexplained, or (without --allow-drafts) still holds drafts. With `--export <dir>`, also writes each valid pack as W3C Web Annotation JSON-LD
 * to `<dir>/<article-id>.jsonld`. With `--packs-dir <dir>`, checks the pack folders in `<dir>`
 * instead of src/annotations/packs/ (a folder drafted elsewhere with `pack:draft -- --out`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkAllPacks } from '../src/annotations/check';
import { exportJsonLd } from '../src/annotations/export-jsonld';

function main(argv: string[]): number {
  let exportDir: string | undefined;
  let allowDrafts = false;
  let packsDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--export') {
      exportDir = argv[++i];
      if (!exportDir) {
        console.error('--export needs a directory: --export <dir>');
        return 2;
      }
    } else if (arg === '--packs-dir') {
      packsDir = argv[++i];
      if (!packsDir) {
        console.error('--packs-dir needs a directory: --packs-dir <dir>');
        return 2;
      }
    } else if (arg === '--allow-drafts') {
      allowDrafts = true;
    } else if (arg?.startsWith('--export=')) {
      exportDir = arg.slice('--export='.length);
    } else {
      console.error(
        `Unknown argument: ${arg}\nUsage: check-annotations [--allow-drafts] [--export <dir>] [--packs-dir <dir>]`,
      );
      return 2;
    }
  }

  const report = checkAllPacks(packsDir ? { packsDir: resolve(packsDir) } : {});
  console.log(report.text);

  if (exportDir) {
    const dir = resolve(exportDir);
    mkdirSync(dir, { recursive: true });
    for (const r of report.packs) {
      if (!r.pack) continue;
      const file = resolve(dir, `${r.pack.article.id}.jsonld`);
      writeFileSync(
        file,
        `${JSON.stringify(exportJsonLd(r.pack, packWritten(r.file)), null, 2)}\n`,
      );
      console.log(`exported ${file}`);
    }
  }
  if (!report.ok) console.error('\nannotations:check failed');
  const draftsLeft = report.drafts > 0 && !allowDrafts;
  if (draftsLeft) {
    console.error(`\nannotations:check failed: ${report.drafts} annotation(s) still a draft`);
  }
  return report.ok && !draftsLeft ? 0 : 1;
}

/** When a pack was written: its file's first commit, else the file's modification time. */
function packWritten(file: string): string {
  try {
    const log = execFileSync('git', ['log', '--diff-filter=A', '--format=%cI', '--', file], {
      encoding: 'utf8',
    }).trim();
    const first = log.split('\n').at(-1);
    if (first) return new Date(first).toISOString();
  } catch {
    // Not a git checkout: fall through.
  }
  return statSync(file).mtime.toISOString();
}

process.exitCode = main(process.argv.slice(2));
