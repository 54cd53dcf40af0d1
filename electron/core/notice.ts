/**
 * The 会议通知 (notice) of a meeting: what the meeting itself does not know and the organizer
 * fills in once (who it is addressed to, the deadlines, the contact, who issues it and when).
 * The rest of the notice (time, place, people, agenda) is read from the meeting each time it is
 * exported, so a change to the agenda is never left out of a notice printed after it.
 */
export interface NoticeSettings {
  /** 主送机关, without the colon, e.g. 各街道党工委; '' for the default (各有关单位). */
  addressee: string;
  /** 报送发言材料 by this date (YYYY-MM-DD); '' leaves the deadline out. */
  materialsDue: string;
  /** 参会回执 back by this date (YYYY-MM-DD); '' leaves the sentence out. */
  repliesDue: string;
  /** Further 有关要求, one a line, as the organizer words them. */
  requirements: string;
  contactName: string;
  contactPhone: string;
  /** 发文机关署名; '' signs with the meeting's organizer (主办单位). */
  issuer: string;
  /** 成文日期 (YYYY-MM-DD); '' dates it the day it is exported. */
  issuedOn: string;
}

export const defaultNoticeSettings: NoticeSettings = {
  addressee: '',
  materialsDue: '',
  repliesDue: '',
  requirements: '',
  contactName: '',
  contactPhone: '',
  issuer: '',
  issuedOn: '',
};

/** When the organizer names no addressee: the usual wording for every unit the notice goes to. */
export const DEFAULT_ADDRESSEE = '各有关单位';

/**
 * The columns of the 参会回执, in the order the notice prints them. The reply import reads the
 * same headers back, so a filled-in copy of the app's own form imports as it is.
 */
export const REPLY_COLUMNS = [
  '单位',
  '姓名',
  '职务',
  '联系电话',
  '是否参会',
  '请假事由',
  '代会人员',
] as const;
export type ReplyColumn = (typeof REPLY_COLUMNS)[number];
