/**
 * The notes benchmark's corpus: 500 meetings × 13 items and 100,000 notes written straight into
 * a database file, then settled on the disk. `node bench/notes-corpus.ts <folder> <epoch ms>`
 * makes it in a process of its own, so that the process measuring the saves starts with none
 * of it in its heap (its collections would be timed as the server's).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backupFileName, backupFolder } from '../electron/store/backup.ts';
import { openStore } from '../electron/store/index.ts';
import { syncToDisk } from '../electron/store/sync-to-disk.ts';

const PHRASES = [
  '临时党支部把党政资源汇聚到一线',
  '我当网格员主题党日走访出租屋',
  '以实干论英雄以实绩定进退',
  '土地整备和征拆实践锻炼',
  '消防通道被杂物堵塞已整改',
  '治水提质攻坚完成节点移交',
  '选拔狮子型和黄牛型干部',
  '隐患处置率达到百分之九十五',
];

/** A corpus written straight into a database file: `meetings` × 13 items, `notes` in all. */
export function generateCorpus(dataDir: string, meetings: number, notes: number): void {
  const store = openStore(path.join(dataDir, 'roundtable.sqlite'));
  const perMeeting = Math.ceil(notes / meetings);
  store.transaction(() => {
    let written = 0;
    for (let m = 0; m < meetings; m++) {
      const meetingId = randomUUID();
      store.db
        .prepare(
          'INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES (?, ?, ?, 1, 1)',
        )
        .run(meetingId, `第${m + 1}次基层工作经验交流座谈会`, '2026-11-25');
      const items = Array.from({ length: 13 }, (_, position) => ({
        id: randomUUID(),
        meetingId,
        position,
        kind: 'exchange' as const,
        title: '',
        speaker: `发言人${position}`,
        speakerPosition: '党工委书记',
        organization: `第${position}街道`,
        topic: '',
        plannedMinutes: 8,
        warningSeconds: null,
        dangerSeconds: null,
      }));
      store.agenda.replaceAll(meetingId, items);
      for (let n = 0; n < perMeeting && written < notes; n++, written++) {
        const item = items[n % items.length] as (typeof items)[number];
        store.notes.save({
          id: randomUUID(),
          meetingId,
          itemId: item.id,
          kind: 'takeaway',
          text: `${PHRASES[(m + n) % PHRASES.length]}，第${m}会第${n}条记录，编号${written}`,
          starred: false,
          position: n,
          speechOffsetMs: null,
          owner: '',
          dueDate: null,
          author: '',
          version: 1,
          createdAt: written,
          updatedAt: written,
        });
      }
    }
  });
  store.close();
}

/**
 * Puts the corpus on the disk as a database that has been in use is: synced, with the day's
 * backup beside it. Written a moment ago and not, its 50 MB would be written back by the kernel
 * during the saves, and the server's start-of-day backup would copy all of it then too: the
 * figures would be the benchmark's own setup, not a note save (p50 2.2 against 1.1–1.4 ms here).
 */
export function settleCorpus(dir: string, at: number): void {
  const file = path.join(dir, 'roundtable.sqlite');
  const backups = backupFolder(dir);
  fs.mkdirSync(backups, { recursive: true });
  const backup = path.join(backups, backupFileName(at));
  fs.copyFileSync(file, backup);
  for (const synced of [file, backup, backups, dir]) syncToDisk(synced);
}

if (import.meta.main) {
  const [dir, at] = process.argv.slice(2);
  if (!dir || !at) throw new Error('usage: node bench/notes-corpus.ts <folder> <epoch ms>');
  generateCorpus(dir, 500, 100_000);
  settleCorpus(dir, Number(at));
}
