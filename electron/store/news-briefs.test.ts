import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { newsBriefRepository } from './news-briefs.ts';

const VERSION = migrations.findIndex((m) => m.name === '015-news-brief') + 1;

describe('migration 015 and the news brief edits', () => {
  it('keeps one row of edits a meeting, and deletes it with the meeting', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, VERSION - 1), ':memory:');
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    migrate(db, migrations.slice(0, VERSION), ':memory:');
    db.pragma('foreign_keys = ON');
    const add = db.prepare(
      "INSERT INTO meeting_news_briefs (meeting_id, edits, updated_at) VALUES (?, '{}', 1)",
    );
    add.run('m');
    expect(() => add.run('m')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => add.run('nowhere')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM meetings WHERE id = 'm'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM meeting_news_briefs').get()).toEqual({ n: 0 });
    db.close();
  });

  it('reads edits back as saved, and a row written by hand over the defaults', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, VERSION), ':memory:');
    db.prepare(
      "INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES ('m', 't', '2026-11-25', 1, 1)",
    ).run();
    const briefs = newsBriefRepository(db);
    expect(briefs.get('m')).toEqual({
      headline: null,
      paragraphs: [],
      withSources: true,
      minutesFinding: '',
    });
    const edits = {
      headline: '标题',
      paragraphs: [null, '第二段'],
      withSources: false,
      minutesFinding: '会议认为，…',
    };
    briefs.save('m', edits, 2);
    expect(briefs.get('m')).toEqual(edits);
    db.prepare(
      'UPDATE meeting_news_briefs SET edits = \'{"headline": 5, "paragraphs": ["a", 3]}\'',
    ).run();
    expect(briefs.get('m')).toEqual({
      headline: null,
      paragraphs: ['a', null],
      withSources: true,
      minutesFinding: '',
    });
    db.close();
  });
});
