import { emptyAgendaItemFields, type AgendaItem, type AgendaItemFields } from './agenda.ts';
import { SAMPLE_SPEAKERS, SAMPLE_SUBDISTRICTS } from './sample-meeting.ts';

/**
 * The organizations and people who speak at meetings, kept across meetings: the organizer
 * fills a new meeting's speeches from it in one action instead of typing eleven names again.
 */
export interface RosterEntry {
  id: string;
  organization: string;
  name: string;
  /** 职务, e.g. 党工委书记 */
  position: string;
  /** Place in the roster's own order (fractional, so a move writes one row). */
  sequence: number;
  /** No longer speaks (moved post); kept so past meetings still name them. */
  retired: boolean;
  createdAt: number;
  updatedAt: number;
}

export type RosterEntryFields = Pick<RosterEntry, 'organization' | 'name' | 'position'>;

/** Longgang's 11 subdistricts and their (invented) Party secretaries, as in the sample meeting. */
export const SAMPLE_ROSTER: RosterEntryFields[] = SAMPLE_SUBDISTRICTS.map((name, i) => ({
  organization: `${name}街道`,
  name: SAMPLE_SPEAKERS[i] ?? '',
  position: '党工委书记',
}));

/**
 * The sample's subdistricts the roster lacks, in the sample's order. A subdistrict already there
 * (under any name: the organizer's real secretary, or retired on purpose) is left as it is.
 */
export const sampleEntriesMissing = (entries: readonly RosterEntry[]): RosterEntryFields[] =>
  SAMPLE_ROSTER.filter((s) => !entries.some((e) => e.organization === s.organization));

const sameSpeaker = (item: Pick<AgendaItem, 'organization' | 'speaker'>, entry: RosterEntry) =>
  item.organization === entry.organization && item.speaker === entry.name;

/** Active entries in roster order. */
export const activeRoster = (entries: readonly RosterEntry[]) =>
  entries.filter((e) => !e.retired).sort((a, b) => a.sequence - b.sequence);

/** Exchange speeches for the active entries not yet on the agenda, in roster order. */
export function speechesFromRoster(
  entries: readonly RosterEntry[],
  items: readonly AgendaItem[],
  plannedMinutes = 8,
): AgendaItemFields[] {
  return activeRoster(entries)
    .filter((entry) => !items.some((item) => sameSpeaker(item, entry)))
    .map((entry) => ({
      ...emptyAgendaItemFields,
      kind: 'exchange',
      organization: entry.organization,
      speaker: entry.name,
      speakerPosition: entry.position,
      plannedMinutes,
    }));
}

/**
 * The exchange speeches put in roster order, in the places exchange speeches hold; speakers
 * not on the roster keep their relative order after those that are.
 */
export function orderByRoster(
  items: readonly AgendaItem[],
  entries: readonly RosterEntry[],
): AgendaItem[] {
  const roster = activeRoster(entries);
  const rank = (item: AgendaItem) => {
    const at = roster.findIndex((entry) => sameSpeaker(item, entry));
    return at < 0 ? roster.length : at;
  };
  const speeches = items
    .filter((i) => i.kind === 'exchange')
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map((s) => s.item);
  return items
    .map((item) => (item.kind === 'exchange' ? (speeches.shift() ?? item) : item))
    .map((item, position) => ({ ...item, position }));
}
