/** 党建 red and gold, or a plain neutral look for other meetings. */
export const SLIDE_THEMES = ['party', 'neutral'] as const;
export type SlideTheme = (typeof SLIDE_THEMES)[number];

/** A meeting as the organizer prepares it. Times are epoch ms, passed in by the caller. */
export interface Meeting {
  id: string;
  title: string;
  /** Calendar date of the meeting, YYYY-MM-DD. */
  date: string;
  /** Planned start, HH:MM in the venue's local time. */
  startTime: string;
  venue: string;
  presider: string;
  recorder: string;
  /** 出席 */
  attendees: string[];
  /** 列席 */
  nonVotingAttendees: string[];
  /** 请假 */
  absentees: string[];
  archived: boolean;
  /** Countdown turns yellow with this much left, unless an item says otherwise. */
  warningSeconds: number;
  /** Countdown turns red with this much left (0: at zero). */
  dangerSeconds: number;
  /** Play the chime at the warning and at zero. */
  chime: boolean;
  /** 主办单位, named on the cover slide. */
  organizer: string;
  /** The look of the exported slides. */
  slideTheme: SlideTheme;
  /** An image (PNG or JPEG) as a data: URL for the slides and the projector's logo screen; '' for none. */
  logo: string;
  /**
   * 纪要标志 (GB/T 9704-2012 §10.3), e.g. 龙岗区组织工作纪要: printed in red above the minutes'
   * title on page 1; '' prints none.
   */
  minutesMark: string;
  /**
   * Whether the minutes state 应到/实到 ("应到11人，实到10人。") above 出席: an organizer's
   * choice, off unless asked for; only a meeting listing its participants has the figures.
   */
  minutesHeadcount: boolean;
  createdAt: number;
  updatedAt: number;
}

/** The fields a user may set; everything else is kept by the system. */
export type MeetingFields = Omit<Meeting, 'id' | 'createdAt' | 'updatedAt'>;

export const emptyMeetingFields: MeetingFields = {
  title: '',
  date: '',
  startTime: '09:00',
  venue: '',
  presider: '',
  recorder: '',
  attendees: [],
  nonVotingAttendees: [],
  absentees: [],
  archived: false,
  warningSeconds: 60,
  dangerSeconds: 0,
  chime: false,
  organizer: '',
  slideTheme: 'party',
  logo: '',
  minutesMark: '',
  minutesHeadcount: false,
};

export function createMeeting(
  id: string,
  fields: Partial<MeetingFields> & Pick<MeetingFields, 'title' | 'date'>,
  now: number,
): Meeting {
  return {
    ...emptyMeetingFields,
    ...fields,
    attendees: normalizeNames(fields.attendees ?? []),
    nonVotingAttendees: normalizeNames(fields.nonVotingAttendees ?? []),
    absentees: normalizeNames(fields.absentees ?? []),
    id,
    createdAt: now,
    updatedAt: now,
  };
}

export function applyMeetingPatch(
  meeting: Meeting,
  patch: Partial<MeetingFields>,
  now: number,
): Meeting {
  const next: Meeting = { ...meeting, ...patch, updatedAt: now };
  next.attendees = normalizeNames(next.attendees);
  next.nonVotingAttendees = normalizeNames(next.nonVotingAttendees);
  next.absentees = normalizeNames(next.absentees);
  return next;
}

/**
 * People lists are typed the way Chinese documents write them: separated by 、，, ; or new
 * lines. Trim each name and drop empties and repeats, keeping the order the user gave.
 */
export function parseNameList(text: string): string[] {
  return normalizeNames(text.split(/[、，,;；\n\r]+/));
}

export function normalizeNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

/** Newest first, archived meetings after the active ones. */
export function sortMeetingsForList(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort(
    (a, b) =>
      Number(a.archived) - Number(b.archived) ||
      b.date.localeCompare(a.date) ||
      b.updatedAt - a.updatedAt,
  );
}
