import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DamagedDatabaseError, openDatabase } from './db.ts';
import { migrate, NewerDatabaseError } from './migrate.ts';
import type { Meeting } from '../core/meeting.ts';
import { meetingRepository } from './meetings.ts';
import { migrations } from './migrations/index.ts';

const dirs: string[] = [];
function tempFile(name = 'roundtable.sqlite') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-db-'));
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('each applies on an in-memory database and records its version', () => {
    for (const upTo of migrations.map((m) => m.version)) {
      const db = new Database(':memory:');
      expect(migrate(db, migrations.slice(0, upTo), ':memory:')).toBe(upTo);
      expect(db.pragma('user_version', { simple: true })).toBe(upTo);
      db.close();
    }
  });

  it('001 creates meetings and agenda items, deleting a meeting deletes its items', () => {
    const db = openDatabase(':memory:');
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    db.prepare(
      "INSERT INTO agenda_items (id, meeting_id, position, kind, planned_minutes) VALUES ('i', 'm', 0, 'exchange', 8)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO agenda_items (id, meeting_id, position, kind, planned_minutes) VALUES ('j', 'm', 1, 'dance', 8)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare("DELETE FROM meetings WHERE id = 'm'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM agenda_items').get()).toEqual({ n: 0 });
    db.close();
  });

  it('006 keeps where an imported meeting came from; a meeting made here is its own origin', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 5), ':memory:');
    const addMeeting = db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES (?, 't', '2026-11-25', 1, 1)",
    );
    addMeeting.run('made-before');
    // On to the current schema: the repository below reads every column of today's meetings.
    migrate(db, migrations, ':memory:');
    const meetings = meetingRepository(db);
    expect(meetings.originOf('made-before')).toBe('made-before');
    expect(meetings.findByOrigin('made-before')).toBe('made-before');
    addMeeting.run('imported');
    meetings.setOrigin('imported', 'first-made-elsewhere');
    expect(meetings.originOf('imported')).toBe('first-made-elsewhere');
    expect(meetings.findByOrigin('first-made-elsewhere')).toBe('imported');
    expect(meetings.findByOrigin('nowhere')).toBeUndefined();
    db.close();
  });

  it('007 hides a meeting while it is being imported, and lists what a crash left half-written', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 6), ':memory:');
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('before', 't', '2026-11-25', 1, 1)",
    ).run();
    migrate(db, migrations, ':memory:');
    const meetings = meetingRepository(db);
    expect(meetings.get('before')?.id).toBe('before');
    meetings.save({ ...(meetings.get('before') as Meeting), id: 'arriving' });
    meetings.setOrigin('arriving', 'elsewhere');
    meetings.setImporting('arriving', true);
    expect(meetings.get('arriving')).toBeUndefined();
    expect(meetings.list().map((row) => row.meeting.id)).toEqual(['before']);
    expect(meetings.findByOrigin('elsewhere')).toBeUndefined();
    expect(meetings.listImporting()).toEqual(['arriving']);
    meetings.setImporting('arriving', false);
    expect(meetings.get('arriving')?.id).toBe('arriving');
    expect(meetings.findByOrigin('elsewhere')).toBe('arriving');
    expect(meetings.listImporting()).toEqual([]);
    db.close();
  });

  it('008 counts the turns of each item record: one for a record from before, none if skipped', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 7), ':memory:');
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    const addItem = db.prepare(
      "INSERT INTO agenda_items (id, meeting_id, position, kind, planned_minutes) VALUES (?, 'm', ?, 'exchange', 8)",
    );
    const addRun = db.prepare(
      "INSERT INTO item_runs (item_id, meeting_id, status, elapsed_ms) VALUES (?, 'm', ?, ?)",
    );
    addItem.run('spoke', 0);
    addItem.run('skipped', 1);
    addRun.run('spoke', 'done', 480_000);
    addRun.run('skipped', 'skipped', 0);
    migrate(db, migrations.slice(0, 8), ':memory:');
    expect(db.prepare('SELECT item_id, turns FROM item_runs ORDER BY item_id').all()).toEqual([
      { item_id: 'skipped', turns: 0 },
      { item_id: 'spoke', turns: 1 },
    ]);
    db.close();
  });

  it('009 gives each message a target: one written before showed on both screens', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 8), ':memory:');
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    db.prepare(
      "INSERT INTO meeting_runs (meeting_id, message, updated_at) VALUES ('m', '请抓紧时间', 1)",
    ).run();
    migrate(db, migrations.slice(0, 9), ':memory:');
    expect(
      db.prepare('SELECT message, message_target, message_redirected FROM meeting_runs').get(),
    ).toEqual({ message: '请抓紧时间', message_target: 'both', message_redirected: 0 });
    expect(() => db.prepare("UPDATE meeting_runs SET message_target = 'hall'").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });

  it('011 gives each meeting an empty 纪要标志: minutes written before print none', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 10), ':memory:');
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    migrate(db, migrations.slice(0, 11), ':memory:');
    expect(db.prepare('SELECT minutes_mark FROM meetings').get()).toEqual({ minutes_mark: '' });
    db.close();
  });

  it('012 keeps a meeting’s participants, refuses an unknown role, and deletes them with it', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 11), ':memory:');
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    migrate(db, migrations.slice(0, 12), ':memory:');
    db.pragma('foreign_keys = ON');
    const add = db.prepare(
      "INSERT INTO participants (id, meeting_id, name, rank, role, created_at, updated_at) VALUES (?, ?, '林一平', 1, ?, 1, 1)",
    );
    add.run('p', 'm', 'attendee');
    expect(db.prepare('SELECT reply, leave_reason, signed_in_at FROM participants').get()).toEqual({
      reply: 'none',
      leave_reason: '',
      signed_in_at: null,
    });
    expect(() => add.run('q', 'm', 'guest')).toThrow(/CHECK/);
    expect(() => add.run('r', 'nowhere', 'attendee')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM meetings WHERE id = 'm'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM participants').get()).toEqual({ n: 0 });
    db.close();
  });

  it('013 keeps a meeting’s seating plan, refuses an unknown layout, and deletes it with the meeting', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 12), ':memory:');
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    migrate(db, migrations.slice(0, 13), ':memory:');
    db.pragma('foreign_keys = ON');
    const add = db.prepare(
      "INSERT INTO seating_plans (meeting_id, layout, head_count, seats_per_side, seats_per_row, paper, updated_at) VALUES ('m', ?, 3, 0, 10, 'A4', 1)",
    );
    expect(() => add.run('circle')).toThrow(/CHECK/);
    add.run('u-shape');
    expect(
      db.prepare('SELECT on_projector, card_organization, swaps FROM seating_plans').get(),
    ).toEqual({ on_projector: 0, card_organization: 1, swaps: '[]' });
    db.prepare("DELETE FROM meetings WHERE id = 'm'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM seating_plans').get()).toEqual({ n: 0 });
    db.close();
  });

  it('014 keeps a meeting’s notice settings, one row a meeting, and deletes them with it', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 13), ':memory:');
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    migrate(db, migrations.slice(0, 14), ':memory:');
    db.pragma('foreign_keys = ON');
    const add = db.prepare(
      "INSERT INTO meeting_notices (meeting_id, settings, updated_at) VALUES (?, '{}', 1)",
    );
    add.run('m');
    expect(() => add.run('m')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => add.run('nowhere')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM meetings WHERE id = 'm'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM meeting_notices').get()).toEqual({ n: 0 });
    db.close();
  });

  it('018 leaves 应到/实到 out of the minutes of every meeting made before it', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      migrations.filter((m) => m.version < 18),
      ':memory:',
    );
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    migrate(
      db,
      migrations.filter((m) => m.version <= 18),
      ':memory:',
    );
    expect(db.prepare('SELECT minutes_headcount FROM meetings').get()).toEqual({
      minutes_headcount: 0,
    });
    expect(() => db.prepare('UPDATE meetings SET minutes_headcount = 2').run()).toThrow(/CHECK/);
    db.close();
  });

  it('019 keeps a plan written before it, the counts off, and refuses a value other than 0 or 1', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      migrations.filter((m) => m.version < 19),
      ':memory:',
    );
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    db.prepare(
      "INSERT INTO seating_plans (meeting_id, layout, head_count, seats_per_side, seats_per_row, paper, on_projector, updated_at) VALUES ('m', 'rostrum', 2, 0, 10, 'A3', 1, 1)",
    ).run();
    migrate(
      db,
      migrations.filter((m) => m.version <= 19),
      ':memory:',
    );
    expect(
      db.prepare('SELECT layout, on_projector, counts_on_projector FROM seating_plans').get(),
    ).toEqual({ layout: 'rostrum', on_projector: 1, counts_on_projector: 0 });
    expect(() => db.prepare('UPDATE seating_plans SET counts_on_projector = 2').run()).toThrow(
      /CHECK/,
    );
    db.close();
  });

  it('is a no-op when the schema is current, and refuses a database from a newer version', () => {
    const file = tempFile();
    openDatabase(file).close();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer Roundtable/);
  });

  it('opens with WAL, synchronous=NORMAL (answers wait for wal-flush.ts) and foreign keys on', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});

describe('a damaged database file', () => {
  it('is refused with an error that names the file, and is left as it was', () => {
    const file = tempFile();
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const before = fs.readFileSync(file);
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DamagedDatabaseError);
    expect((caught as Error).message).toContain(file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('is refused when its pages are corrupted behind a valid header', () => {
    const file = tempFile();
    const db = openDatabase(file);
    const insert = db.prepare(
      'INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES (?, ?, ?, 1, 1)',
    );
    for (let i = 0; i < 400; i++) insert.run(`m${i}`, '座谈会'.repeat(20), '2026-11-25');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    // Keep the 100-byte header and the schema page; scribble over the table's pages.
    bytes.fill(0xa5, 4096 * 2, bytes.length - 4096);
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(DamagedDatabaseError);
  });
});
