// @vitest-environment node
/**
 * An invalid pack fails the build (the Vite plugin in tools/build/extension.ts), with a message naming the
 * file and the JSON path of each problem. One case per kind of mistake the issue names.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { packById } from '../../src/annotations/packs';
import { packsMustBeValid } from '../../tools/build/extension';

const good = packById('2025-11-24-trump-xi-call');
if (!good) throw new Error('seed pack missing');

/** Runs the plugin's buildStart on a packs folder holding `pack`; returns the build error, if any. */
function buildWith(pack: unknown): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-build-'));
  writeFileSync(join(dir, '2025-11-24-trump-xi-call.json'), JSON.stringify(pack));
  const plugin = packsMustBeValid(dir);
  let error: string | null = null;
  const context = {
    error: (message: string) => {
      error = message;
      throw new Error(message);
    },
  };
  try {
    (plugin.buildStart as (this: unknown) => void).call(context);
  } catch {
    // `this.error` throws, as Vite's does.
  }
  return error;
}

/** The pack file as authored: its sources section lives in a file of its own (sources/). */
const copy = () => {
  const { sources: _, ...pack } = structuredClone(good);
  return pack;
};

describe('the build', () => {
  test('passes with the bundled pack', () => {
    expect(buildWith(copy())).toBeNull();
  });

  test('fails on a missing field, naming the file and the JSON path', () => {
    const pack = copy() as unknown as { entities: Array<Record<string, unknown>> };
    delete pack.entities[2]?.description;
    const error = buildWith(pack);
    expect(error).toMatch(/2025-11-24-trump-xi-call\.json/);
    expect(error).toMatch(/\$\.entities\[2\]\.description/);
  });

  test('fails on a quote that is not in the text', () => {
    const pack = copy();
    const claim = pack.claims[5];
    if (claim) claim.target.quote.exact = 'words the article never says';
    expect(buildWith(pack)).toMatch(/\$\.claims\[5\]\.target\.quote\.exact/);
  });

  test('fails on an impossible date', () => {
    const pack = copy();
    const event = pack.timeline[0];
    if (event) event.date = { ...event.date, value: '2025-02-30', precision: 'day' };
    expect(buildWith(pack)).toMatch(/\$\.timeline\[0\]\.date/);
  });
});
