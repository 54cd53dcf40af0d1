import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../api/client.ts';
import { translate, type Locale, type Translate } from '../../i18n/i18n.tsx';
import { say } from '../../i18n/phrase.ts';
import { contract } from '../../../electron/api/contract.ts';
import {
  callErrorMessage,
  callErrorPhrase,
  errorPhrase,
  fieldErrorsFrom,
  isStorageFull,
  refusedFields,
} from './fieldErrors.ts';

const tIn =
  (locale: Locale): Translate =>
  (key, vars) =>
    translate(locale, key, vars);

/** What the server answers when its disk is full (routes.ts, 507). */
const diskFull = new ApiCallError(507, {
  code: 'storage_full',
  message: 'the disk of the Roundtable computer is full: nothing was saved.',
});

describe('callErrorMessage, as every console and note action shows a failed write', () => {
  it('names a full disk in one sentence, in Chinese, with what to do', () => {
    expect(callErrorMessage(tIn('zh-CN'), diskFull)).toBe(
      '磁盘空间不足，未能保存。请清理会务服务所在电脑的磁盘空间后重试。',
    );
    expect(callErrorMessage(tIn('en'), diskFull)).toMatch(
      /^The disk is full, so nothing was saved/,
    );
  });

  it('tells a full disk apart from other failures', () => {
    expect(isStorageFull(diskFull)).toBe(true);
    const internal = new ApiCallError(500, { code: 'internal', message: 'internal error' });
    expect(isStorageFull(internal)).toBe(false);
    expect(isStorageFull(new Error('disk full'))).toBe(false);
    expect(callErrorMessage(tIn('zh-CN'), internal)).toBe('操作未完成（错误代码：internal 500）。');
  });
});

describe('the refusals of the server, worded from their reason and params', () => {
  it('words a 404, a 405, a refused Host and a 500 (with its error id), not the generic sentence', () => {
    const answers = [
      new ApiCallError(404, {
        code: 'not_found',
        message: 'no API route /api/nothing',
        reason: 'server.noRoute',
        params: { path: '/api/nothing' },
      }),
      new ApiCallError(405, {
        code: 'invalid_input',
        message: 'PUT is not allowed on /api/meetings',
        reason: 'server.wrongMethod',
        params: { method: 'PUT', path: '/api/meetings' },
      }),
      new ApiCallError(403, {
        code: 'forbidden',
        message: 'Host not allowed',
        reason: 'server.hostRefused',
        params: { host: 'attacker.example' },
      }),
      new ApiCallError(500, {
        code: 'internal',
        message: 'internal error (error id 1a2b3c4d); the server goes on',
        errorId: '1a2b3c4d',
        reason: 'server.internal',
        params: { errorId: '1a2b3c4d' },
      }),
    ];
    const zh = answers.map((error) => callErrorMessage(tIn('zh-CN'), error));
    const en = answers.map((error) => callErrorMessage(tIn('en'), error));
    for (const said of [...zh, ...en]) expect(said).not.toMatch(/操作未完成|did not complete/);
    expect(zh[0]).toContain('会务服务不认识这个请求（/api/nothing）');
    expect(zh[1]).toContain('不接受对 /api/meetings 的 PUT 请求');
    expect(zh[2]).toContain('“attacker.example”');
    expect(zh[3]).toContain('错误编号 1a2b3c4d');
    expect(en[3]).toContain('error id 1a2b3c4d');
  });

  const missingName = new ApiCallError(400, {
    code: 'invalid_input',
    message:
      'file: 名单.csv, row 1: missing column 姓名 (a header read as name: …); nothing was imported',
    field: 'file',
    reason: 'import.missingColumn',
    params: { file: '名单.csv', row: 1, column: '姓名' },
  });

  it('says an import refusal wholly in the language chosen', () => {
    expect(callErrorMessage(tIn('zh-CN'), missingName)).toBe(
      '操作失败：“名单.csv”第 1 行：缺少“姓名”列，未导入任何内容',
    );
    expect(callErrorMessage(tIn('en'), missingName)).toBe(
      'That did not work: “名单.csv” row 1: no “姓名” column; nothing was imported',
    );
  });

  it('says how many more problems there are', () => {
    const two = new ApiCallError(400, {
      code: 'invalid_input',
      message: '…',
      reason: 'import.emptyCell',
      params: { file: 'a.csv', row: 3, column: '单位', more: 2 },
    });
    expect(say(tIn('zh-CN'), errorPhrase(two))).toBe(
      '“a.csv”第 3 行“单位”列：不能为空，未导入任何内容（另有 2 处问题）',
    );
  });

  it('names a form field by its label, a place in a meeting file by its path', () => {
    const title = new ApiCallError(400, {
      code: 'invalid_input',
      message: 'title: Too big: expected string to have <=200 characters',
      field: 'title',
      reason: 'field.tooLong',
      params: { field: 'title', max: 200 },
    });
    expect(say(tIn('zh-CN'), errorPhrase(title))).toBe('会议名称过长：最多 200 个字');
    const note = new ApiCallError(400, {
      code: 'invalid_input',
      message: 'notes[12].text: at most 10,000 characters',
      field: 'notes[12].text',
      reason: 'field.tooLong',
      params: { field: 'notes[12].text', max: 10000 },
    });
    expect(say(tIn('zh-CN'), errorPhrase(note))).toBe('notes[12].text过长：最多 10000 个字');
  });

  it('says a lone surrogate in a note as a character that cannot be saved', () => {
    const lone = new ApiCallError(400, {
      code: 'invalid_input',
      message: 'text: holds a lone surrogate',
      field: 'text',
      reason: 'field.illFormedText',
      params: { field: 'text' },
    });
    expect(say(tIn('zh-CN'), errorPhrase(lone))).toBe(
      '内容含有无法保存的字符（残缺的 Unicode 字符），请删除后重新输入',
    );
  });

  it('words the empty agenda, and never shows English for a reason it does not know', () => {
    const empty = new ApiCallError(409, {
      code: 'conflict',
      message: 'the agenda is empty: add an item first',
      reason: 'run.emptyAgenda',
    });
    expect(callErrorMessage(tIn('zh-CN'), empty)).toBe('操作失败：还没有议程项：添加后才能开始');
    const unknown = new ApiCallError(409, {
      code: 'conflict',
      message: 'something new in English',
      reason: 'some.futureReason',
    });
    expect(callErrorMessage(tIn('zh-CN'), unknown)).toBe('操作未完成（错误代码：conflict 409）。');
  });

  it('keeps a notice as a phrase, so a language switch rewords it', () => {
    const notice = callErrorPhrase(missingName);
    expect(say(tIn('zh-CN'), notice)).toMatch(/缺少“姓名”列/);
    expect(say(tIn('en'), notice)).toMatch(/no “姓名” column/);
  });
});

describe('fieldErrorsFrom, as the forms check before sending', () => {
  it('words each field by its label and limit, in either language, from one kept phrase', () => {
    const input = contract['meetings.create'].input;
    const empty = input.safeParse({ title: '', date: '2026-12-01' });
    const errors = fieldErrorsFrom(empty.error!);
    expect(say(tIn('zh-CN'), errors.title!)).toBe('会议名称不能为空');
    expect(say(tIn('en'), errors.title!)).toBe('Title cannot be empty');
    const long = input.safeParse({ title: '长'.repeat(1000), date: '2026-12-01' });
    expect(say(tIn('zh-CN'), fieldErrorsFrom(long.error!).title!)).toMatch(
      /^会议名称过长：最多 \d+ 个字$/,
    );
  });
});

describe('refusedFields, for a form that shows a refusal at its field', () => {
  const tooLongPhone = new ApiCallError(400, {
    code: 'invalid_input',
    message: 'phone: at most 40 characters',
    field: 'phone',
    reason: 'field.tooLong',
    params: { field: 'phone', max: 40 },
  });

  it('words a refusal of one of its fields with the field’s name, and leaves others alone', () => {
    const shown = refusedFields(tooLongPhone, ['name', 'phone']);
    expect(say(tIn('zh-CN'), shown!.phone!)).toBe('联系电话过长：最多 40 个字');
    expect(refusedFields(tooLongPhone, ['name'])).toBeNull();
    expect(refusedFields(diskFull, ['phone'])).toBeNull();
  });
});
