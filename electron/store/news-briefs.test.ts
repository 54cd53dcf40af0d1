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
      paragraphs: [
        { key: 'theme:网格', text: '第二段', draftHash: 'abc', keepAtEnd: false },
        { key: 'gone:4', text: '留在文末', draftHash: '', keepAtEnd: true },
      ],
      withSources: false,
      minutesFinding: '会议认为，…',
    };
    briefs.save('m', edits, 2);
    expect(briefs.get('m')).toEqual(edits);
    db.prepare(
      'UPDATE meeting_news_briefs SET edits = \'{"headline": 5, "paragraphs": [{"key": "lead"}, {"key": "lead", "text": "导语"}]}\'',
    ).run();
    expect(briefs.get('m')).toEqual({
      headline: null,
      paragraphs: [{ key: 'lead', text: '导语', draftHash: '', keepAtEnd: false }],
      withSources: true,
      minutesFinding: '',
    });
    // Stored before paragraphs had keys: the texts by place, the lead as the lead.
    db.prepare(
      'UPDATE meeting_news_briefs SET edits = \'{"headline": null, "paragraphs": ["导语", null, "第三段", 3]}\'',
    ).run();
    expect(briefs.get('m').paragraphs).toEqual([
      { key: 'lead', text: '导语', draftHash: '', keepAtEnd: false },
      { key: 'position:2', text: '第三段', draftHash: '', keepAtEnd: false },
    ]);
    db.close();
  });
});
