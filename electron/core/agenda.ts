export const AGENDA_ITEM_KINDS = ['opening', 'exchange', 'leader', 'break', 'other'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** Kinds where somebody speaks and the projector shows a speaker card. */
export const SPEECH_KINDS: readonly AgendaItemKind[] = ['opening', 'exchange', 'leader'];

export interface AgendaItem {
  id: string;
  meetingId: string;
  /** 0-based place in the speaking order; contiguous within a meeting. */
  position: number;
  kind: AgendaItemKind;
  /** Free title for items that are not a speech (茶歇, 合影); optional for speeches. */
  title: string;
  speaker: string;
  /** 职务, e.g. 街道党工委书记 */
  speakerPosition: string;
  organization: string;
  topic: string;
  plannedMinutes: number;
  /** Overrides the meeting's thresholds for this item; null to follow the meeting. */
  warningSeconds: number | null;
  dangerSeconds: number | null;
}

export type AgendaItemFields = Omit<AgendaItem, 'id' | 'meetingId' | 'position'>;

export const emptyAgendaItemFields: AgendaItemFields = {
  kind: 'exchange',
  title: '',
  speaker: '',
  speakerPosition: '',
  organization: '',
  topic: '',
  plannedMinutes: 8,
  warningSeconds: null,
  dangerSeconds: null,
};

export function isSpeech(item: Pick<AgendaItem, 'kind'>): boolean {
  return SPEECH_KINDS.includes(item.kind);
}

/** Positions are derived from array order; call after any change of order. */
export function renumber(items: readonly AgendaItem[]): AgendaItem[] {
  return items.map((item, position) => (item.position === position ? item : { ...item, position }));
}

export function sortByPosition(items: readonly AgendaItem[]): AgendaItem[] {
  return [...items].sort((a, b) => a.position - b.position);
}

/** Inserts at `index` (clamped); appends when no index is given. */
export function insertItem(
  items: readonly AgendaItem[],
  item: AgendaItem,
  index?: number,
): AgendaItem[] {
  const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length));
  const next = [...items];
  next.splice(at, 0, item);
  return renumber(next);
}

export function removeItem(items: readonly AgendaItem[], itemId: string): AgendaItem[] {
  return renumber(items.filter((item) => item.id !== itemId));
}

/** Moves one item to `toIndex` (clamped), the others keep their relative order. */
export function moveItem(
  items: readonly AgendaItem[],
  itemId: string,
  toIndex: number,
): AgendaItem[] {
  const from = items.findIndex((item) => item.id === itemId);
  if (from < 0) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  const to = Math.max(0, Math.min(toIndex, next.length));
  next.splice(to, 0, moved as AgendaItem);
  return renumber(next);
}

export type ReorderProblem =
  | { kind: 'missing'; itemIds: string[] }
  | { kind: 'unknown'; itemIds: string[] }
  | { kind: 'duplicate'; itemIds: string[] };

/**
 * Applies a full new order. The order must name every item exactly once, so a client
 * working from a stale list cannot silently drop or duplicate a speaker.
 */
export function reorderItems(
  items: readonly AgendaItem[],
  orderedIds: readonly string[],
): { ok: true; items: AgendaItem[] } | { ok: false; problem: ReorderProblem } {
  const byId = new Map(items.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const duplicate = orderedIds.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (duplicate.length) return { ok: false, problem: { kind: 'duplicate', itemIds: duplicate } };
  const unknown = orderedIds.filter((id) => !byId.has(id));
  if (unknown.length) return { ok: false, problem: { kind: 'unknown', itemIds: unknown } };
  const missing = items.filter((item) => !seen.has(item.id)).map((item) => item.id);
  if (missing.length) return { ok: false, problem: { kind: 'missing', itemIds: missing } };
  return { ok: true, items: renumber(orderedIds.map((id) => byId.get(id) as AgendaItem)) };
}

export function totalPlannedMinutes(items: readonly AgendaItem[]): number {
  return items.reduce((sum, item) => sum + item.plannedMinutes, 0);
}

/** How an item is named on a list: the speaker's organization and name, or its title. */
export function itemHeadline(item: Pick<AgendaItem, 'title' | 'organization' | 'speaker'>): string {
  if (item.title) return item.title;
  return [item.organization, item.speaker].filter(Boolean).join(' ');
}

/** "第 N 位": the place of an exchange speech among the exchange speeches, on screen and slide. */
export function speakerOrdinal(
  items: readonly Pick<AgendaItem, 'id' | 'kind'>[],
  item: Pick<AgendaItem, 'id' | 'kind'>,
): number | null {
  if (item.kind !== 'exchange') return null;
  return items.filter((i) => i.kind === 'exchange').findIndex((i) => i.id === item.id) + 1;
}
