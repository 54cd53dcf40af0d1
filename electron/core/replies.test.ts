import { describe, expect, it } from 'vitest';
import { readAnswer, readReplyRows, recognizeReplyColumns } from './replies.ts';

describe('reading a returned 参会回执', () => {
  it('reads the answers people write: 是/参会, 否/请假, 代会, in full-width or with spaces', () => {
    const read = (words: string[]) => words.map(readAnswer);
    expect(read(['是', '参会', ' 参加 ', '出席', '√'])).toEqual(Array(5).fill('attending'));
    expect(read(['否', '请假', '不参会', '不 参加'])).toEqual(Array(4).fill('leave'));
    expect(read(['代会', '代', '委托参会'])).toEqual(Array(3).fill('substitute'));
    expect(read(['', '　'])).toEqual(['none', 'none']);
    expect(read(['也许', '待定'])).toEqual(['unknown', 'unknown']);
  });

  it('finds the notice’s columns in any order, under the header below a title row', () => {
    expect(recognizeReplyColumns(['是否参会', '姓名', '单位', '请假事由', '代会人员'])).toEqual({
      answer: 0,
      name: 1,
      organization: 2,
      leaveReason: 3,
      substitute: 4,
    });
    const { replies, problems } = readReplyRows('回执.xlsx', [
      ['参会回执'],
      [],
      ['姓名', '单位', '是否参会', '请假事由'],
      ['林一平', '平湖街道', '', '外出学习'],
    ]);
    expect(problems).toEqual([]);
    // A reason with the answer left empty is a leave, and its row is the spreadsheet's.
    expect(replies).toEqual([
      {
        row: 4,
        organization: '平湖街道',
        name: '林一平',
        phone: '',
        reply: 'leave',
        leaveReason: '外出学习',
        substitute: '',
      },
    ]);
  });

  it('reads the 联系电话 and names one longer than a participant’s phone may be', () => {
    const { replies, problems } = readReplyRows('回执.csv', [
      ['姓名', '联系电话', '是否参会'],
      ['林一平', '0755-28940001', '是'],
      ['张勇', '1'.repeat(41), '是'],
    ]);
    expect(replies.map((r) => r.phone)).toEqual(['0755-28940001', '1'.repeat(41)]);
    expect(problems).toEqual([
      { file: '回执.csv', row: 3, column: '联系电话', code: 'tooLong', value: '40' },
    ]);
  });

  it('names a missing 是否参会 column and a file with no filled-in reply', () => {
    expect(
      readReplyRows('a.csv', [
        ['姓名', '单位'],
        ['林一平', '平湖街道'],
      ]).problems,
    ).toEqual([{ file: 'a.csv', row: 1, column: null, code: 'missingColumn', value: '是否参会' }]);
    expect(
      readReplyRows('b.csv', [
        ['姓名', '是否参会'],
        ['林一平', ''],
      ]).problems,
    ).toEqual([{ file: 'b.csv', row: null, column: null, code: 'noRows', value: '' }]);
  });
});
