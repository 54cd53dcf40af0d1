import { describe, expect, it } from 'vitest';
import type { Note } from '../../electron/api/notes.ts';
import {
  latestNoteChange,
  loadedNotes,
  withNoteChange,
  withOwnAnswer,
  type NoteChange,
} from './noteChanges.ts';

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
const answer = (kind: NoteChange['kind'], n: Note): NoteChange => ({
  kind,
  note: n,
  revision: null,
});

/**
 * A screen hearing changes in the order given, as useMeetingNotes does: each is remembered as
 * the note's latest or dropped; an event is shown as it is, an answer unless a later state of
 * its note is shown already. Answers are taken as a create's or a restore's would be (not
 * `edit`), so what keeps a stale one out here is the change remembered alone.
 */
function screenHearing(shown: Note[], arrivals: NoteChange[]): Note[] {
  const lastHeard = new Map<string, NoteChange>();
  let notes = shown;
  for (const change of arrivals) {
    const latest = latestNoteChange(lastHeard.get(change.note.id), change);
    if (!latest) continue;
    lastHeard.set(change.note.id, latest);
    notes =
      change.revision === null
        ? withOwnAnswer(notes, change, { edit: false })
        : withNoteChange(notes, change);
  }
  return notes;
}

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

describe('an answer to a note-taker’s own command, heard after another note-taker’s later change', () => {
  const first = note('n1', '抓党建促基层治理');
  const starredByA = { ...note('n1', '抓党建促基层治理', 2), starred: true };
  const editedByB = { ...note('n1', '乙改：抓党建促基层治理', 3), starred: true };

  it('leaves the other note-taker’s later edit shown', () => {
    // Over the socket: A's star is committed and announced, B's edit is committed and announced
    // while A's commit is being flushed, then A's answer is sent.
    const shown = screenHearing(
      [first],
      [saved(starredByA, 5), saved(editedByB, 6), answer('note.saved', starredByA)],
    );
    expect(texts(shown)).toEqual(['乙改：抓党建促基层治理']);
  });

  it('leaves a note the other note-taker deleted out', () => {
    const deletedByB: NoteChange = { kind: 'note.deleted', note: starredByA, revision: rev(6) };
    const shown = screenHearing(
      [first],
      [saved(starredByA, 5), deletedByB, answer('note.saved', starredByA)],
    );
    expect(shown).toEqual([]);
  });

  it('leaves a note the other note-taker restored after this screen deleted it in', () => {
    const restoredByB = note('n1', '抓党建促基层治理', 3);
    const deletedByA: NoteChange = { kind: 'note.deleted', note: starredByA, revision: rev(6) };
    const shown = screenHearing(
      [starredByA],
      [deletedByA, saved(restoredByB, 7), answer('note.deleted', starredByA)],
    );
    expect(texts(shown)).toEqual(['抓党建促基层治理']);
  });

  it('leaves the other note-taker’s edit of a note just created here shown', () => {
    const shown = screenHearing(
      [],
      [saved(first, 5), saved(editedByB, 6), answer('note.saved', first)],
    );
    expect(texts(shown)).toEqual(['乙改：抓党建促基层治理']);
  });

  it('is not shown over a later state a reload brought in (over HTTP, the socket was down)', () => {
    const ownStar = answer('note.saved', starredByA);
    expect(texts(withOwnAnswer([editedByB], ownStar, { edit: true }))).toEqual([
      '乙改：抓党建促基层治理',
    ]);
    // The reload brought the other note-taker's delete: the note is no longer listed.
    expect(withOwnAnswer([], ownStar, { edit: true })).toEqual([]);
  });

  it('shows a note created or restored here that the list does not hold yet', () => {
    expect(texts(withOwnAnswer([], answer('note.saved', starredByA), { edit: false }))).toEqual([
      '抓党建促基层治理',
    ]);
  });

  it('is shown when nothing later was heard, and the event of the same state keeps its revision', () => {
    const event = saved(starredByA, 5);
    expect(latestNoteChange(event, answer('note.saved', starredByA))).toBe(event);
    const ownEdit = { ...note('n1', '甲改：抓党建促基层治理', 3), starred: true };
    const shown = screenHearing([starredByA], [answer('note.saved', ownEdit)]);
    expect(texts(shown)).toEqual(['甲改：抓党建促基层治理']);
    expect(screenHearing([first], [answer('note.deleted', first)])).toEqual([]);
  });

  it('does not hold a restarted server’s events against what the one before announced', () => {
    const lost = saved(note('n1', '崩溃前的一版', 4), 9, 'b1');
    const after = saved(note('n1', '重启后的一版', 3), 1, 'b2');
    expect(latestNoteChange(lost, after)).toBe(after);
  });
});

describe('loadedNotes: a reload landing after the screen’s own answer', () => {
  it('keeps the screen’s own edit when the reload was read before it', () => {
    const ownEdit = note('n1', '甲改：抓党建促基层治理', 2);
    const loaded = { notes: [note('n1', '抓党建促基层治理')], revision: rev(4) };
    expect(texts(loadedNotes(loaded, [answer('note.saved', ownEdit)]).notes)).toEqual([
      '甲改：抓党建促基层治理',
    ]);
  });

  it('takes the load’s later state, and leaves out a note the load lacks', () => {
    const editedByB = note('n1', '乙改：抓党建促基层治理', 3);
    const loaded = { notes: [editedByB], revision: rev(4) };
    const ownStar = answer('note.saved', note('n1', '抓党建促基层治理', 2));
    expect(loadedNotes(loaded, [ownStar])).toBe(loaded);
    const empty = { notes: [], revision: rev(4) };
    expect(loadedNotes(empty, [ownStar])).toBe(empty);
  });
});
