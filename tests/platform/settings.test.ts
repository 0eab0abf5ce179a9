import { beforeEach, describe, expect, test, vi } from 'vitest';

const storage = new Map<string, unknown>();
let failReads = false;
vi.mock('../../src/platform/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async (key: string) => {
          if (failReads) throw new Error('storage is broken');
          return storage.has(key) ? { [key]: storage.get(key) } : {};
        },
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) storage.set(k, v);
        },
      },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
  },
}));
const { readSettings, updateSettings, normaliseSettings, isCategoryShown, DEFAULT_SETTINGS } =
  await import('../../src/platform/settings');

beforeEach(() => {
  storage.clear();
  failReads = false;
});

describe('settings', () => {
  test('start with every highlight shown', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  test('remember a change', async () => {
    await updateSettings((s) => ({ ...s, hiddenCategories: ['claim-warning'] }));
    const s = await readSettings();
    expect(isCategoryShown(s, 'claim-warning')).toBe(false);
    expect(isCategoryShown(s, 'entity-person')).toBe(true);
  });

  test('turning everything off hides every category', async () => {
    await updateSettings((s) => ({ ...s, enabled: false }));
    expect(isCategoryShown(await readSettings(), 'entity-person')).toBe(false);
  });

  test('fall back to the defaults when storage cannot be read', async () => {
    failReads = true;
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  test('repair what storage holds instead of trusting it', () => {
    expect(
      normaliseSettings({
        enabled: 'yes',
        hiddenCategories: ['entity-place', 3, '<b>', 'entity-place'],
      }),
    ).toEqual({
      enabled: true,
      hiddenCategories: ['entity-place'],
    });
    expect(normaliseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});
