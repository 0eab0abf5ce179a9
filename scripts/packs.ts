/**
 * The pack folders (src/annotations/packs/<article-id>/), from the command line:
 *   npm run packs:build              compile every folder into dist/packs/<id>.json (and check it)
 *   npm run packs:format             rewrite every file of every folder in its canonical form
 *   npm run packs:diff [-- <ref>]    diff the compiled packs of a git ref (default HEAD) and of
 *                                    the working tree: the reviewable diff of a change to a pack
 *   npm run pack:new -- <article-id> scaffold a folder for a new article
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatPackFolders } from '../src/annotations/authoring/format';
import { loadPackFolders, PACKS_DIR } from '../src/annotations/authoring/load';
import { scaffoldPackFolder } from '../src/annotations/authoring/scaffold';
import type { Pack } from '../src/annotations/model';
import { formatPackError } from '../src/annotations/validate';

const ROOT = resolve(import.meta.dirname, '..');
const packJson = (pack: Pack) => `${JSON.stringify(pack, null, 2)}\n`;

function build(): number {
  const { folders, errors } = loadPackFolders();
  const out = resolve(ROOT, 'dist/packs');
  mkdirSync(out, { recursive: true });
  for (const f of folders) {
    if (!f.pack) continue;
    const file = join(out, `${f.id}.json`);
    writeFileSync(file, packJson(f.pack));
    console.log(`wrote ${file}${f.drafts.length ? ` (${f.drafts.length} drafts)` : ''}`);
  }
  for (const e of errors) console.error(formatPackError(e));
  return errors.length > 0 ? 1 : 0;
}

function format(): number {
  let failed = 0;
  for (const result of formatPackFolders()) {
    if (result.problem) {
      console.error(`${result.path}: ${result.problem}`);
      failed++;
    } else if (result.changed) console.log(`formatted ${result.path}`);
  }
  return failed > 0 ? 1 : 0;
}

/** The compiled packs of a git ref: its folders compiled by today's compiler, or its pack JSON. */
function packsAt(ref: string): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-packs-at-'));
  // Before the folder format, a pack's sources section lived in src/annotations/sources/<id>.json.
  const paths = ['src/annotations/packs', 'src/annotations/sources'].filter(
    (path) => execFileSync('git', ['ls-tree', ref, path], { cwd: ROOT, encoding: 'utf8' }) !== '',
  );
  const archive = execFileSync('git', ['archive', ref, ...paths], { cwd: ROOT });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const packsDir = join(dir, 'src/annotations/packs');
  const packs = new Map<string, string>();
  for (const f of loadPackFolders(packsDir).folders) {
    if (f.pack) packs.set(f.id, packJson(f.pack));
    else packs.set(f.id, `${f.errors.map(formatPackError).join('\n')}\n`);
  }
  // Before the folder format (issue #14), packs were committed as <id>.json.
  for (const name of readdirSync(packsDir)) {
    if (name.endsWith('.json') && !packs.has(name.slice(0, -5))) {
      const pack = JSON.parse(readFileSync(join(packsDir, name), 'utf8'));
      const sources = join(dir, 'src/annotations/sources', name);
      if (existsSync(sources)) pack.sources = JSON.parse(readFileSync(sources, 'utf8'));
      packs.set(name.slice(0, -5), packJson(pack));
    }
  }
  return packs;
}

function diff(ref = 'HEAD'): number {
  const before = packsAt(ref);
  const after = new Map(
    loadPackFolders().folders.map((f) => [
      f.id,
      f.pack ? packJson(f.pack) : `${f.errors.map(formatPackError).join('\n')}\n`,
    ]),
  );
  const dir = mkdtempSync(join(tmpdir(), 'gloss-packs-diff-'));
  let changed = 0;
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = join(dir, `${id}.${ref.replace(/[^\w.-]/g, '_')}.json`);
    const b = join(dir, `${id}.json`);
    writeFileSync(a, before.get(id) ?? '');
    writeFileSync(b, after.get(id) ?? '');
    const result = spawnSync('git', ['diff', '--no-index', '--stat', '-p', a, b], {
      stdio: 'inherit',
    });
    if (result.status === 0) console.log(`${id}: the compiled pack is identical at ${ref} and now`);
    else changed++;
  }
  return changed > 0 ? 1 : 0;
}

function scaffold(id: string | undefined): number {
  if (!id) {
    console.error('Usage: npm run pack:new -- <article-id>   (e.g. 2026-01-05-some-story)');
    return 2;
  }
  const result = scaffoldPackFolder(PACKS_DIR, id);
  if (!result.ok) {
    console.error(result.problem);
    return 1;
  }
  console.log(`created ${result.dir}: fill in article.yaml and text.md, then annotate.`);
  return 0;
}

const [command, arg] = process.argv.slice(2);
const commands: Record<string, () => number> = {
  build,
  format,
  diff: () => diff(arg),
  new: () => scaffold(arg),
};
const run = command ? commands[command] : undefined;
if (!run) {
  console.error(`Usage: tsx scripts/packs.ts ${Object.keys(commands).join('|')} [argument]`);
  process.exitCode = 2;
} else {
  process.exitCode = run();
}
