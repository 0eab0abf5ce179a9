/**
 * The layer check (`npm run lint` runs dependency-cruiser with .dependency-cruiser.mjs over src/)
 * must pass what it allows and fail on what it forbids. This writes a small tree shaped like src/
 * to a temporary folder, with deliberate imports of each kind, and runs the same command and
 * configuration on it once.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.mjs');

const TREE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true },
  }),
  // Allowed: down the layers, within a folder, into anchoring through its index.
  'src/ui/app.ts': "import { label } from '../presentation/labels';\nexport const x = label;",
  'src/presentation/labels.ts':
    "import type { Kind } from '../annotations/model';\nimport { helper } from './helper';\nexport const label = (k: Kind) => helper(k);",
  'src/presentation/helper.ts': 'export const helper = (k: string) => k;',
  'src/annotations/model.ts': "export type Kind = 'person';",
  'src/content/engine.ts': "import { anchor } from '../anchoring';\nexport const e = anchor;",
  'src/anchoring/index.ts':
    "export { anchor } from './anchor';\nexport { fold } from './normalise';",
  'src/anchoring/anchor.ts': 'export const anchor = 1;',
  // Forbidden: up (type-only), sideways, past anchoring's index, anchoring reaching out, a folder
  // without a layer, the extension importing tooling.
  'src/highlights/describe.ts':
    "import type { MessageKey } from '../ui/i18n';\nexport const k: MessageKey = 'a';",
  'src/ui/i18n.ts': "export type MessageKey = 'a';",
  'src/background/main.ts': "import { run } from '../content/run';\nexport const m = run;",
  'src/content/run.ts': 'export const run = 1;',
  'src/highlights/plan.ts':
    "import { fold } from '../anchoring/normalise';\nexport const f = fold;",
  'src/anchoring/normalise.ts':
    "import type { Kind } from '../annotations/model';\nexport const fold = (k: Kind) => k;",
  'src/scratch/store.ts': "import { t } from '../platform/i18n';\nexport const s = t;",
  'src/platform/i18n.ts': "import { x } from '../../tools/harness';\nexport const t = x;",
  'tools/harness.ts': 'export const x = 1;',
};

let found: string[] = [];
/** The command's exit status: 0 would let `npm test` pass. */
let exitStatus: number | null = 0;
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gloss-layers-'));
  for (const [path, source] of Object.entries(TREE)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  // Exactly what `npm run lint` runs, on this tree.
  let output = '';
  try {
    execFileSync(process.execPath, [CLI, 'src', '--config', CONFIG, '--output-type', 'err'], {
      cwd: dir,
      encoding: 'utf8',
    });
  } catch (error) {
    const failed = error as { status?: number; stdout?: string };
    exitStatus = failed.status ?? null;
    output = failed.stdout ?? '';
  }
  found = [...output.matchAll(/^\s*error (\S+: \S+ → \S+)$/gm)].map((m) => m[1] as string);
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const from = (file: string) => found.filter((v) => v.includes(`: ${file} →`));

describe('the layer check', () => {
  test('exits non-zero, so that `npm test` fails', () => {
    expect(exitStatus).toBeGreaterThan(0);
  });

  test('passes imports that point down, imports within a folder, and anchoring through index.ts', () => {
    for (const file of [
      'src/ui/app.ts',
      'src/presentation/labels.ts',
      'src/content/engine.ts',
      'src/anchoring/index.ts',
    ])
      expect(from(file), file).toEqual([]);
  });

  test('fails on an upward import, a type-only one included', () => {
    expect(from('src/highlights/describe.ts')).toEqual([
      'layer-highlights: src/highlights/describe.ts → src/ui/i18n.ts',
    ]);
  });

  test('fails on a sideways import between two folders of one layer', () => {
    expect(from('src/background/main.ts')).toEqual([
      'layer-background: src/background/main.ts → src/content/run.ts',
    ]);
  });

  test("fails on a reach past anchoring's index.ts", () => {
    expect(from('src/highlights/plan.ts')).toEqual([
      'anchoring-through-index: src/highlights/plan.ts → src/anchoring/normalise.ts',
    ]);
  });

  test('fails on anchoring importing anything of the extension', () => {
    expect(from('src/anchoring/normalise.ts').sort()).toEqual([
      'anchoring-standalone: src/anchoring/normalise.ts → src/annotations/model.ts',
      'layer-anchoring: src/anchoring/normalise.ts → src/annotations/model.ts',
    ]);
  });

  test('fails on a folder that has no layer', () => {
    expect(from('src/scratch/store.ts')).toEqual([
      'folder-without-layer: src/scratch/store.ts → src/platform/i18n.ts',
    ]);
  });

  test('fails on the extension importing tooling', () => {
    expect(from('src/platform/i18n.ts')).toEqual([
      'src-imports-no-tooling: src/platform/i18n.ts → tools/harness.ts',
    ]);
  });
});
