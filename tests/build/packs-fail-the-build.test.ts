// @vitest-environment node
/**
 * An invalid pack fails the build (the Vite plugins in tools/build/extension.ts), with a message
 * naming the source file and line of each problem. One case per kind of mistake the issues name.
 */
import { describe, expect, test } from 'vitest';
import { glossPacks, packsMustBeValid } from '../../tools/build/extension';
import { editFile, SEED_ID, seedFolderCopy } from '../annotations/helpers';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

/** Runs a plugin hook with a Vite-like context; returns the build error, if any. */
function errorOf(hook: Hook, ...args: unknown[]): string | null {
  let error: string | null = null;
  const context = {
    error: (message: string) => {
      error = message;
      throw new Error(message);
    },
  };
  try {
    hook.call(context, ...args);
  } catch {
    // `this.error` throws, as Vite's does.
  }
  return error;
}

/** Builds with a copy of the seed folder after `edit` (none: unchanged); returns the error, if any. */
function buildWith(edit?: { file: string; change: (text: string) => string }): string | null {
  const { packsDir, folder } = seedFolderCopy();
  if (edit) editFile(folder, edit.file, edit.change);
  const check = errorOf(packsMustBeValid(packsDir).buildStart as Hook);
  const bundle = errorOf(glossPacks(packsDir).load as Hook, '\0virtual:gloss-packs');
  // Both plugins refuse the same packs.
  expect(check === null).toBe(bundle === null);
  return check;
}

describe('the build', () => {
  test('passes with the seed pack', () => {
    expect(buildWith()).toBeNull();
  });

  test('fails on a missing field, naming the file and the line', () => {
    const error = buildWith({
      file: 'entities.yaml',
      change: (t) => t.replace(/\n {2}description: Commerce Secretary\..*\n/, '\n'),
    });
    expect(error).toMatch(
      new RegExp(`${SEED_ID}/entities\\.yaml:\\d+: \\$\\[2\\]\\.description: is missing`),
    );
  });

  test('fails on a quote that is not in the text', () => {
    const error = buildWith({
      file: 'claims.yaml',
      change: (t) =>
        t.replace(
          'target: he agreed to visit Beijing in April',
          'target: words the article never says',
        ),
    });
    expect(error).toMatch(
      /claims\.yaml:\d+: \$\[5\]\.target: "words the article never says" is not found in the text/,
    );
  });

  test('fails on a quote that is not unique', () => {
    const error = buildWith({
      file: 'entities.yaml',
      change: (t) => t.replace('quote: Mr Lutnick}', 'quote: Mr}'),
    });
    expect(error).toMatch(/entities\.yaml:\d+: .*"Mr" is not unique/);
  });

  test('fails on a dangling reference', () => {
    const error = buildWith({
      file: 'claims.yaml',
      change: (t) => t.replace('speaker: {entity: lutnick}', 'speaker: {entity: lutnik}'),
    });
    expect(error).toMatch(/claims\.yaml:\d+: .*refers to entity "lutnik", which does not exist/);
  });

  test('fails on a duplicate id', () => {
    const error = buildWith({
      file: 'timeline.yaml',
      change: (t) => t.replace('- id: t-truce', '- id: t-call'),
    });
    expect(error).toMatch(/timeline\.yaml:\d+: .*"t-call" is already used/);
  });

  test('fails on an impossible date', () => {
    const error = buildWith({
      file: 'timeline.yaml',
      change: (t) => t.replace('date: 2025-11-24', 'date: 2025-02-30'),
    });
    expect(error).toMatch(/timeline\.yaml:\d+: \$\[0\]\.date.*does not exist/);
  });
});
