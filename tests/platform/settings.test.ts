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
const {
  readSettings,
  updateSettings,
  normaliseSettings,
  isCategoryShown,
  DEFAULT_SETTINGS,
  READING_MODES,
} = await import('../../src/platform/settings');

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
      readingMode: 'everything',
    });
    expect(normaliseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the reading mode', () => {
  test('is "everything" by default', async () => {
    expect(DEFAULT_SETTINGS.readingMode).toBe('everything');
    expect((await readSettings()).readingMode).toBe('everything');
  });

  test('settings stored before reading modes existed keep their toggles and get the default', async () => {
    storage.set('gloss.settings.v1', { enabled: false, hiddenCategories: ['claim-fact'] });
    expect(await readSettings()).toEqual({
      enabled: false,
      hiddenCategories: ['claim-fact'],
      readingMode: 'everything',
    });
  });

  test('an unknown or malformed mode falls back to the default, the rest kept', () => {
    for (const readingMode of ['zen', 'CALM', '', null, 3, {}, ['calm'], ' calm']) {
      expect(normaliseSettings({ enabled: true, hiddenCategories: [], readingMode })).toEqual({
        ...DEFAULT_SETTINGS,
        readingMode: 'everything',
      });
    }
  });

  test('every mode of the list is kept as it is, and remembered', async () => {
    for (const readingMode of READING_MODES) {
      expect(normaliseSettings({ readingMode }).readingMode).toBe(readingMode);
      await updateSettings((s) => ({ ...s, readingMode }));
      expect((await readSettings()).readingMode).toBe(readingMode);
    }
  });

  test('changing the mode leaves the toggles alone', async () => {
    await updateSettings((s) => ({ ...s, hiddenCategories: ['entity-place'] }));
    await updateSettings((s) => ({ ...s, readingMode: 'calm' }));
    expect(await readSettings()).toEqual({
      enabled: true,
      hiddenCategories: ['entity-place'],
      readingMode: 'calm',
    });
  });
});
