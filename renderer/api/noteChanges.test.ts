import { describe, expect, it } from 'vitest';
import type { Note } from '../../electron/api/notes.ts';
import { loadedNotes, withNoteChange, type NoteChange } from './noteChanges.ts';

const note = (id: string, text: string, version = 1): Note => ({
  id,
  meetingId: 'm1',
  itemId: 'i1',
  kind: 'takeaway',
  text,
  starred: false,
  position: 1,
  speechOffsetMs: null,
  owner: '',
  dueDate: null,
  author: '记录人乙',
  version,
  createdAt: 1,
  updatedAt: 1,
});
const rev = (change: number, boot = 'b1') => ({ boot, change });
const saved = (n: Note, change: number, boot = 'b1'): NoteChange => ({
  kind: 'note.saved',
  note: n,
  revision: rev(change, boot),
});
const texts = (notes: readonly Note[]) => notes.map((n) => n.text);

describe('withNoteChange', () => {
  it('adds a saved note, replaces its older copy, and drops a deleted one', () => {
    const first = note('n1', '抓党建促基层治理');
    expect(texts(withNoteChange([], saved(first, 1)))).toEqual(['抓党建促基层治理']);
    const edited = note('n1', '抓党建促基层治理（改）', 2);
    expect(texts(withNoteChange([first], saved(edited, 2)))).toEqual(['抓党建促基层治理（改）']);
    const deleted: NoteChange = { kind: 'note.deleted', note: edited, revision: rev(3) };
    expect(withNoteChange([edited], deleted)).toEqual([]);
  });
});

describe('loadedNotes: a reload landing', () => {
  const held = note('n1', '已有的一条');
  const written = note('n2', '另一位记录人写的一条');

  it('keeps a note saved after the reload was read, when its event came first', () => {
    const loaded = { notes: [held], revision: rev(4) };
    expect(texts(loadedNotes(loaded, [saved(written, 5)]).notes)).toEqual([
      '已有的一条',
      '另一位记录人写的一条',
    ]);
  });

  it('keeps a note deleted after the reload was read out', () => {
    const loaded = { notes: [held, written], revision: rev(5) };
    const deleted: NoteChange = { kind: 'note.deleted', note: written, revision: rev(6) };
    expect(texts(loadedNotes(loaded, [deleted]).notes)).toEqual(['已有的一条']);
  });

  it('takes the load as it is for changes it includes, and those of a restarted server', () => {
    const loaded = { notes: [held], revision: rev(6) };
    const gone: NoteChange = { kind: 'note.deleted', note: held, revision: rev(6) };
    expect(loadedNotes(loaded, [saved(written, 5), gone])).toBe(loaded);
    const restarted = { notes: [held], revision: rev(0, 'b2') };
    expect(loadedNotes(restarted, [saved(written, 9)])).toBe(restarted);
  });
});
