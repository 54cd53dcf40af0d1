import type { AgendaItem } from '../core/agenda.ts';
import type { Meeting } from '../core/meeting.ts';
import type { MinutesPerson } from '../core/participants.ts';

const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/u;
const HAN = /\p{Script=Han}/u;

/** A word boundary to keep when two pieces meet: Latin next to Latin, or Latin next to Han. */
const needsSpace = (before: string, after: string) =>
  (LATIN_LETTER.test(before) && (LATIN_LETTER.test(after) || HAN.test(after))) ||
  (HAN.test(before) && LATIN_LETTER.test(after));

/**
 * Pieces run together as Chinese is written, with a space where an English word meets another
 * word: "Shenzhen Innovation Center" + "Party Secretary" + "Zhang Wei-Ming" + "同志" reads
 * "Shenzhen Innovation Center Party Secretary Zhang Wei-Ming 同志", not "CenterParty".
 * Only the joins get spaces; what the user typed inside a piece is kept as typed.
 */
export function joinWords(pieces: readonly string[]): string {
  let out = '';
  for (const piece of pieces) {
    if (!piece) continue;
    const last = [...out].at(-1) ?? '';
    const first = [...piece][0] ?? '';
    out += (last && needsSpace(last, first) ? ' ' : '') + piece;
  }
  return out;
}

/** A template tag that joins its text and values with `joinWords`. */
export function spoken(strings: TemplateStringsArray, ...values: string[]): string {
  return joinWords(strings.flatMap((s, i) => (i < values.length ? [s, values[i] ?? ''] : [s])));
}

/** "平湖街道党工委书记林一平同志": how a presider names a speaker. */
export function formalName(
  item: Pick<AgendaItem, 'organization' | 'speakerPosition' | 'speaker' | 'title'>,
): string {
  if (!item.speaker) return joinWords([item.organization, item.speakerPosition]) || item.title;
  return joinWords([item.organization, item.speakerPosition, item.speaker, '同志']);
}

/** "张勇（区委书记）" → name 张勇, post 区委书记; "戴斌" → no post. */
function splitAttendee(entry: string): { name: string; post: string } {
  const match = /^(.+?)\s*[（(]([^）)]*)[）)]\s*$/.exec(entry);
  return match
    ? { name: (match[1] as string).trim(), post: (match[2] as string).trim() }
    : { name: entry, post: '' };
}

/**
 * A person's name rather than a group ("各街道党工委书记", "区直有关单位负责人"): short, written
 * in Latin letters, or with the middle dot of a transcribed name (买买提·艾力). Only a person is
 * read with 同志.
 */
const isPersonName = (name: string) =>
  [...name].length <= 4 || /^[A-Za-z][A-Za-z .'-]*$/.test(name) || /\S·\S/.test(name);

/**
 * The attendees as a presider reads them out, in the order the organizer listed them (their
 * rank order): "区委书记张勇同志", the post from the list or else from the agenda
 * ("平湖街道党工委书记林一平同志"). The presider is not among them: nobody announces himself.
 */
export function spokenAttendees(
  meeting: Pick<Meeting, 'attendees' | 'presider'>,
  items: readonly AgendaItem[],
): string[] {
  const presider = splitAttendee(meeting.presider).name;
  return meeting.attendees
    .map(splitAttendee)
    .filter(({ name }) => name !== presider)
    .map(({ name, post }) => spokenPerson(name, post, items));
}

/** "区委书记张勇同志"; a group ("各街道党工委书记") without 同志; the post else from the agenda. */
function spokenPerson(name: string, post: string, items: readonly AgendaItem[]): string {
  const speech = items.find((i) => i.speaker === name);
  if (!speech && !isPersonName(name)) return joinWords([post, name]);
  const role = post || (speech ? joinWords([speech.organization, speech.speakerPosition]) : '');
  return joinWords([role, name, '同志']);
}

/**
 * People of the participant list as a presider reads them out, in the order given (the minutes'
 * rank order), the presider left out: "平湖街道党工委书记林一平同志", a substitute by the
 * member's organization ("平湖街道王代表同志").
 */
export function spokenParticipants(
  people: readonly Pick<MinutesPerson, 'name' | 'organization' | 'position'>[],
  presider: string,
  items: readonly AgendaItem[],
): string[] {
  const presiderName = splitAttendee(presider).name;
  return people
    .filter((person) => person.name !== presiderName)
    .map((person) =>
      spokenPerson(person.name, joinWords([person.organization, person.position]), items),
    );
}
