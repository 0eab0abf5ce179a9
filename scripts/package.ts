/** `npm run package`: store-ready zips of dist/chrome and dist/firefox in artifacts/. */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

mkdirSync(resolve(root, 'artifacts'), { recursive: true });
for (const browser of ['chrome', 'firefox']) {
  const dir = resolve(root, 'dist', browser);
  const entries: Record<string, Uint8Array> = {};
  // Sorted paths and a fixed date: the same build gives the same zip.
  for (const file of filesUnder(dir).sort()) {
    entries[relative(dir, file).split('\\').join('/')] = readFileSync(file);
  }
  const zip = zipSync(entries, { level: 9, mtime: new Date('2025-11-25T00:00:00Z') });
  const out = resolve(root, 'artifacts', `gloss-${browser}-${version}.zip`);
  writeFileSync(out, zip);
  console.log(`${relative(root, out)}: ${Object.keys(entries).length} files, ${zip.length} bytes`);
}
