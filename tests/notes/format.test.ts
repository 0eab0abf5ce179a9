import { describe, expect, test } from 'vitest';
import {
  type Migration,
  NOTES_FORMAT,
  noteKey,
  readAllRecords,
  readRecord,
  writeRecord,
} from '../../src/notes/format';
import { note } from './helpers';

describe('stored note records', () => {
  test('a record written today reads back as the same note, not migrated', () => {
    const n = note({ text: 'kept' });
    const stored = JSON.parse(JSON.stringify(writeRecord(n)));
    expect(stored.format).toBe(NOTES_FORMAT);
    expect(readRecord(stored)).toEqual({ status: 'ok', note: n, migrated: false });
  });

  test('a record from a newer Gloss is reported as newer, not read and not rewritten', () => {
    expect(readRecord({ format: NOTES_FORMAT + 1, note: { anything: true } })).toEqual({
      status: 'newer',
      format: NOTES_FORMAT + 1,
    });
  });

  test.each([
    ['not an object', 'junk', 'is not a note record'],
    ['no format', { note: {} }, 'format'],
    ['a format of 0', { format: 0, note: {} }, 'format'],
    ['a damaged note', { format: 1, note: { id: 'urn:x:1' } }, 'note.'],
  ])('a record that is %s is unreadable, with why', (_name, raw, problem) => {
    const read = readRecord(raw);
    expect(read.status).toBe('unreadable');
    if (read.status === 'unreadable') expect(read.problems.join('\n')).toContain(problem);
  });
});

describe('migrations, one step per format version', () => {
  // Format 1 is the first that shipped, so MIGRATIONS is empty today. These tests drive the
  // chain with made-up older formats to prove how a future step is applied.
  const n = note({ text: 'old words', tags: ['x'] });
  // Format "1" of this made-up history kept the text in `comment`, format "2" keeps Web Annotations.
  const toTwo: Migration = (record) => {
    const { comment, ...rest } = record.note as Record<string, unknown>;
    return {
      note: {
        ...rest,
        body: [
          { type: 'TextualBody', purpose: 'commenting', value: comment },
          ...(rest.body as unknown[]),
        ],
      },
    };
  };
  const oldNote = {
    ...n,
    comment: 'old words',
    body: n.body.filter((b) => b.purpose === 'tagging'),
  };

  test('an older record is migrated step by step and validated', () => {
    const read = readRecord({ format: 1, note: oldNote }, { 1: toTwo }, 2);
    expect(read).toEqual({ status: 'ok', note: n, migrated: true });
  });

  test('every step runs, in order', () => {
    const seen: number[] = [];
    const step =
      (k: number): Migration =>
      (r) => {
        seen.push(k);
        return r;
      };
    readRecord({ format: 1, note: n }, { 1: step(1), 2: step(2), 3: step(3) }, 4);
    expect(seen).toEqual([1, 2, 3]);
  });

  test('a missing step or a failing step leaves the record unreadable, not half-migrated', () => {
    expect(readRecord({ format: 1, note: n }, {}, 2).status).toBe('unreadable');
    const throws: Migration = () => {
      throw new Error('bad data');
    };
    const read = readRecord({ format: 1, note: n }, { 1: throws }, 2);
    expect(read).toEqual({ status: 'unreadable', problems: ['format 1: Error: bad data'] });
  });

  test('a migration whose output is not a valid note is caught by validation', () => {
    const read = readRecord({ format: 1, note: n }, { 1: () => ({ note: { id: 'urn:x' } }) }, 2);
    expect(read.status).toBe('unreadable');
  });

  test('reading everything lists notes, migrated keys, unreadable and newer records; ignores other keys', () => {
    const a = note();
    const b = note({ text: 'b' });
    const items = {
      'gloss.settings.v1': { enabled: true },
      [noteKey(a.id)]: {
        format: 1,
        note: oldNote.id === a.id ? oldNote : { ...oldNote, id: a.id },
      },
      [noteKey(b.id)]: { format: 2, note: b },
      'gloss.note.urn:x:broken': { format: 2, note: 'nope' },
      'gloss.note.urn:x:future': { format: 3, note: {} },
      'gloss.note.urn:x:elsewhere': { format: 2, note: b },
    };
    const all = readAllRecords(items, { 1: toTwo }, 2);
    expect(all.notes.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(all.migrated).toEqual([noteKey(a.id)]);
    expect(all.newer).toEqual([{ key: 'gloss.note.urn:x:future', format: 3 }]);
    expect(all.unreadable.map((u) => u.key).sort()).toEqual([
      'gloss.note.urn:x:broken',
      'gloss.note.urn:x:elsewhere',
    ]);
  });
});
