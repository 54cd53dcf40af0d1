import { describe, expect, it } from 'vitest';
import { seatingPeople } from '../core/test-support/participants.ts';
import { exportSampleData } from './test-support/export-fixture.ts';
import type { MeetingData } from './meeting-data.ts';
import { minutesDocx } from './minutes-docx.ts';
import { minutesMarkdown } from './minutes-md.ts';
import { minutesModel } from './minutes-model.ts';
import { readDocx } from './test-support/docx-readback.ts';

/**
 * 应到/实到 in the minutes (issue 16), read back from the .docx and the .md: the organizer's
 * choice, counted from the participants' states, never from the typed lists.
 */

const SIGNED_IN = Date.parse('2026-11-25T08:50:00+08:00');

/**
 * The sample with 11 members (李娜 on leave, 赵建国 sending 钱多多), 3 列席 and one staff, at the
 * door: seven members and one 列席 signed in, 王海涛 and 刘洋 never came.
 */
function doorData(minutesHeadcount: boolean): MeetingData {
  const data = exportSampleData();
  const cameIn = ['林一平', '张勇', '欧阳晓明', '陈静', '赵建国', '黄晓燕', '周伟', '郑凯', '何芳'];
  return {
    ...data,
    meeting: { ...data.meeting, minutesHeadcount },
    participants: seatingPeople(data.meeting.id).map((p) => ({
      ...p,
      signedInAt: cameIn.includes(p.name) ? SIGNED_IN : null,
    })),
  };
}

/** The block after the body as the .docx reads: the 应到 line if any, 出席, 请假, 列席. */
async function docxBlock(data: MeetingData): Promise<string[]> {
  const read = await readDocx(await minutesDocx(minutesModel(data)));
  const texts = read.body.map((p) => p.text);
  const first = texts.findIndex((t) => /^(应到|出席：)/.test(t));
  return texts.slice(first, first + 4).filter((t) => /^(应到|出席|请假|列席)/.test(t));
}

describe('the minutes’ 应到/实到', () => {
  it('states the members expected and present above 出席 when the organizer wants it', async () => {
    const data = doorData(true);
    const block = await docxBlock(data);
    // 11 members; 7 in (钱多多 in 赵建国's place), 李娜 on leave, 王海涛 and 刘洋 absent; the
    // 列席 郑凯 and the staff 何芳 signed in but are not counted.
    expect(block[0]).toBe('应到11人，实到7人。');
    expect(block[1]).toMatch(/^出席：林一平（区委）、张勇（区政府）、/);
    expect(block[1]?.split('、')).toHaveLength(7);
    expect(block.slice(2)).toEqual([
      '请假：李娜（布吉街道党工委，外出学习）',
      '列席：郑凯（区委组织部组织科）',
    ]);

    const md = minutesMarkdown(data);
    expect(md).toContain('应到11人，实到7人。  \n**出席**：林一平（区委）、');
  });

  it('says nothing of it unless asked, and nothing for typed lists', async () => {
    const off = doorData(false);
    expect((await docxBlock(off))[0]).toMatch(/^出席：/);
    expect(minutesMarkdown(off)).not.toContain('应到');

    // Typed lists have no states to count: no line, and the typed 出席 as before.
    const typed = { ...doorData(true), participants: [] };
    const block = await docxBlock(typed);
    expect(block[0]).toMatch(/^出席：张勇（区委书记）、戴斌、/);
    expect(block.join('')).not.toContain('应到');
    expect(minutesMarkdown(typed)).not.toContain('应到');
  });
});
