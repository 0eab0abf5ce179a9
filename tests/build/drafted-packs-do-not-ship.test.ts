// @vitest-environment node
/**
 * A pack that still holds drafts does not ship: the build fails naming the pack and how many
 * drafts it holds, unless the pack is explicitly left out (GLOSS_EXCLUDE_PACKS), and then it is
 * left out of the bundle too.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { glossPacks, packsMustBeValid } from '../../tools/build/extension';
import { editFile, SEED_ID, seedFolderCopy } from '../annotations/helpers';
import { canonicalDraft, writeDraft } from '../tools/pack-draft/helpers';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

/** Runs a plugin hook with a Vite-like context; returns its result and the build error, if any. */
function run(hook: Hook, ...args: unknown[]): { error: string | null; result: unknown } {
  let error: string | null = null;
  let result: unknown;
  const context = {
    error: (message: string) => {
      error = message;
      throw new Error(message);
    },
  };
  try {
    result = hook.call(context, ...args);
  } catch {
    // `this.error` throws, as Vite's does.
  }
  return { error, result };
}

function build(packsDir: string) {
  const check = run(packsMustBeValid(packsDir).buildStart as Hook);
  const bundle = run(glossPacks(packsDir).load as Hook, '\0virtual:gloss-packs');
  expect(check.error === null).toBe(bundle.error === null);
  return { error: check.error, bundleError: bundle.error, bundle: String(bundle.result ?? '') };
}

afterEach(() => {
  delete process.env.GLOSS_EXCLUDE_PACKS;
});

describe('a drafted pack', () => {
  test('fails the build, named with its count of drafts', () => {
    const { packsDir } = seedFolderCopy();
    const drafted = canonicalDraft();
    writeDraft(drafted, packsDir);
    const { error, bundleError } = build(packsDir);
    expect(error).toMatch(/Drafted pack\(s\) cannot ship/);
    expect(error).toMatch(
      new RegExp(`${drafted.id} \\(.*${drafted.id}\\): \\d+ draft item\\(s\\)`),
    );
    expect(error).not.toContain(SEED_ID);
    expect(error).toContain(`GLOSS_EXCLUDE_PACKS=${drafted.id}`);
    expect(bundleError).toContain(drafted.id);
  });

  test('fails the build for one draft line left in a reviewed pack', () => {
    const { packsDir, folder } = seedFolderCopy();
    editFile(folder, 'claims.yaml', (t) =>
      t.replace('- id: c33\n', '- id: c33\n  draft: found by hand, not reviewed\n'),
    );
    expect(build(packsDir).error).toMatch(new RegExp(`${SEED_ID} \\(.*\\): 1 draft item\\(s\\)`));
  });

  test('is left out, and the build passes, when GLOSS_EXCLUDE_PACKS names it', () => {
    const { packsDir } = seedFolderCopy();
    const drafted = canonicalDraft();
    writeDraft(drafted, packsDir);
    process.env.GLOSS_EXCLUDE_PACKS = drafted.id;
    const { error, bundle } = build(packsDir);
    expect(error).toBeNull();
    expect(bundle).toContain(SEED_ID);
    expect(bundle).not.toContain(drafted.id);
  });
});
