/**
 * Compiles the authoring sources into `src/annotations/packs/<article-id>.json`.
 * Run: `npx tsx src/annotations/authoring/generate.ts` (then `npm run annotations:check`).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAll } from './sources';

const packsDir = resolve(import.meta.dirname, '../packs');
for (const pack of buildAll()) {
  const file = resolve(packsDir, `${pack.article.id}.json`);
  writeFileSync(file, `${JSON.stringify(pack, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
