import { beforeEach, describe, expect, test, vi } from 'vitest';

const local = new Map<string, unknown>();
let refuseWrites: Error | null = null;
vi.mock('../../src/platform/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async (key: string | null) =>
          key === null
            ? Object.fromEntries(local)
            : local.has(key)
              ? { [key]: local.get(key) }
              : {},
        set: async (items: Record<string, unknown>) => {
          if (refuseWrites) throw refuseWrites;
          for (const [k, v] of Object.entries(items)) local.set(k, structuredClone(v));
        },
        remove: async (key: string) => {
          local.delete(key);
        },
      },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
  },
}));
const { readNotes, saveNote, saveNotes, deleteNote, NotesStorageError } = await import(
  '../../src/notes/store'
);
const { noteKey } = await import('../../src/notes/format');
const { note } = await import('./helpers');

beforeEach(() => {
  local.clear();
  refuseWrites = null;
});

describe('notes in extension storage', () => {
  test('a saved note reads back; other keys (settings) are not notes', async () => {
    local.set('gloss.settings.v1', { enabled: false });
    const n = note({ text: 'kept' });
    await saveNote(n);
    expect((await readNotes()).notes).toEqual([n]);
  });

  test('a full quota gives a clear message and leaves the stored notes as they were', async () => {
    const kept = note({ text: 'already here' });
    await saveNote(kept);
    refuseWrites = new Error('Error: QUOTA_BYTES quota exceeded');
    const error = await saveNote(note({ text: 'new words' })).catch((e) => e);
    expect(error).toBeInstanceOf(NotesStorageError);
    expect(error.failure).toBe('quota');
    expect(error.message).toContain('storage for Gloss is full');
    expect(error.message).toContain('What you typed is kept');
    expect((await readNotes()).notes).toEqual([kept]);
  });

  test('any other refusal is named too', async () => {
    refuseWrites = new Error('IO error: disk');
    const error = await saveNotes([note()]).catch((e) => e);
    expect(error.failure).toBe('other');
    expect(error.message).toContain('IO error: disk');
  });

  test('records Gloss cannot read are reported and never removed by reading', async () => {
    local.set('gloss.note.urn:x:future', { format: 99, note: {} });
    local.set('gloss.note.urn:x:bad', { format: 1, note: { id: 1 } });
    const all = await readNotes();
    expect(all.newer).toHaveLength(1);
    expect(all.unreadable).toHaveLength(1);
    expect(local.has('gloss.note.urn:x:future')).toBe(true);
    expect(local.has('gloss.note.urn:x:bad')).toBe(true);
  });

  test('delete removes one note; saving it again restores it exactly (undo)', async () => {
    const a = note();
    const b = note({ text: 'b' });
    await saveNotes([a, b]);
    await deleteNote(a.id);
    expect(local.has(noteKey(a.id))).toBe(false);
    expect((await readNotes()).notes).toEqual([b]);
    await saveNote(a);
    expect((await readNotes()).notes.map((n) => n.id).sort()).toEqual([a.id, b.id].sort());
  });
});
