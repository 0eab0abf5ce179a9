/**
 * `npm run pack:draft -- <saved article page .html> [--out <folder>] [--url <https address>]`
 *   drafts a pack folder from a saved copy of an article page (tools/pack-draft/): into
 *   src/annotations/packs/<date>-<headline words>/ unless --out names the folder. Everything in
 *   it is marked `draft:`; the build refuses the pack until a person has reviewed it.
 *
 * `npm run pack:draft -- --evaluate`
 *   drafts the canonical fixture page and prints the precision and recall of the draft against the
 *   reviewed seed pack (the table in src/annotations/packs/README.md).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { loadPackFolder, PACKS_DIR } from '../src/annotations/authoring/load';
import { formatPackError } from '../src/annotations/validate';
import { PAGES_DIR } from '../tools/browsers/fixture-server';
import { fixture } from '../tools/browsers/fixtures';
import { draftPack } from '../tools/pack-draft/draft';
import { evaluateDraft, figuresTable } from '../tools/pack-draft/evaluate';
import { PageError } from '../tools/pack-draft/page';

const SEED_ID = '2025-11-24-trump-xi-call';
const USAGE =
  'Usage: npm run pack:draft -- <saved article page .html> [--out <folder>] [--url <https address>]\n' +
  '       npm run pack:draft -- --evaluate';

function draft(page: string, out: string | undefined, url: string | undefined): number {
  const drafted = draftPack(readFileSync(page, 'utf8'), { source: page, ...(url ? { url } : {}) });
  const dir = resolve(out ?? join(PACKS_DIR, drafted.id));
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    console.error(`${dir} exists and is not empty: choose another folder with --out`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(drafted.files))
    writeFileSync(join(dir, name), content);
  const compiled = loadPackFolder(dir);
  for (const e of compiled.errors) console.error(formatPackError(e));
  for (const d of drafted.dropped)
    console.warn(`left out (its words could not be cited once): ${d}`);
  if (!compiled.pack) return 1;
  const counts = {
    entities: compiled.pack.entities.length,
    mentions: compiled.pack.entities.reduce((n, e) => n + e.mentions.length, 0),
    claims: compiled.pack.claims.length,
    dates: compiled.pack.timeline.length,
  };
  console.log(
    `drafted ${dir} (article id ${basename(dir)}): ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}, ${compiled.drafts.length} draft items.\n` +
      'Review them (npm run annotations:check lists them), then delete each draft: line; the build refuses the pack until then.',
  );
  return 0;
}

function evaluate(): number {
  const page = fixture('canonical');
  const file = join(PAGES_DIR, page.file);
  const drafted = draftPack(readFileSync(file, 'utf8'), { source: page.file, url: page.url });
  const dir = join(mkdtempSync(join(tmpdir(), 'gloss-draft-')), drafted.id);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(drafted.files))
    writeFileSync(join(dir, name), content);
  const draftedPack = loadPackFolder(dir).pack;
  const reviewed = loadPackFolder(join(PACKS_DIR, SEED_ID)).pack;
  if (!draftedPack || !reviewed) {
    console.error(`the ${draftedPack ? 'reviewed' : 'drafted'} pack does not compile`);
    return 1;
  }
  const sameText =
    JSON.stringify(draftedPack.article.text) === JSON.stringify(reviewed.article.text);
  if (!sameText) {
    console.error('the drafted text differs from the reviewed text: spans cannot be compared');
    return 1;
  }
  console.log(`Draft of ${page.file} against the reviewed pack ${SEED_ID}:\n`);
  console.log(figuresTable(evaluateDraft(draftedPack, reviewed)));
  return 0;
}

function main(argv: string[]): number {
  let out: string | undefined;
  let url: string | undefined;
  const pages: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--evaluate') return evaluate();
    if (arg === '--out' || arg === '--url') {
      const value = argv[++i];
      if (!value) {
        console.error(`${arg} needs a value\n${USAGE}`);
        return 2;
      }
      if (arg === '--out') out = value;
      else url = value;
    } else if (arg.startsWith('--')) {
      console.error(`Unknown option ${arg}\n${USAGE}`);
      return 2;
    } else pages.push(arg);
  }
  const [page] = pages;
  if (!page || pages.length > 1) {
    console.error(USAGE);
    return 2;
  }
  try {
    return draft(page, out, url);
  } catch (e) {
    if (e instanceof PageError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
