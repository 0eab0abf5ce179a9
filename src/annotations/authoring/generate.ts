/**
 * Compiles the authoring sources into `src/annotations/packs/<article-id>.json`, formatted by
 * Biome. Run: `npx tsx src/annotations/authoring/generate.ts` (then `npm run annotations:check`).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAll } from './sources';

const packsDir = resolve(import.meta.dirname, '../packs');
const files: string[] = [];
for (const pack of buildAll()) {
  const file = resolve(packsDir, `${pack.article.id}.json`);
  writeFileSync(file, `${JSON.stringify(pack, null, 2)}\n`);
  files.push(file);
}
execFileSync('npx', ['biome', 'format', '--write', ...files], { stdio: 'inherit' });
for (const file of files) console.log(`wrote ${file}`);
