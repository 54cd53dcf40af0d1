import {
  fitStack,
  fitText,
  balancedLines,
  slideLines,
  type FittedText,
  type FitLimits,
  type StackBlock,
} from './text-fit.ts';

/**
 * Where each text of a slide goes and at what size, measured before anything is drawn: the
 * model decides, the pptx writer only draws. Sizes are for a hall: 24 pt at least for anything
 * read from the back, 28 pt at least for names. Only the meeting's name in a corner or at the
 * foot of a slide is small: it says which deck this is on a printout, nobody reads it aloud.
 */

export const SLIDE_WIDTH_IN = 10;
export const SLIDE_HEIGHT_IN = 5.625;
export const MARGIN_IN = 0.6;
export const BAND_IN = 0.9;
/** The band leaves room on its right for the meeting's logo. */
export const BAND_TITLE_WIDTH_IN = SLIDE_WIDTH_IN - 2 * MARGIN_IN - 0.9;
const BAND_TITLE_HEIGHT_PT = 0.76 * 72;
const BAND_TITLE: FitLimits = { maxPt: 28, minPt: 24, spacing: 1.1 };
/** The meeting's name in small print: one line, cut with "…" when long. */
const SMALL_PRINT: FitLimits = { maxPt: 10, minPt: 10, spacing: 1.2 };

/** A text fitted to its box, and the box (inches from the slide's top left). */
export interface PlacedText extends FittedText {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Centred text broken into even lines here, written with line breaks; else one run. */
  breaks?: string[];
}

/** `placed` written in even lines (see balancedLines). */
export const balanced = (placed: PlacedText): PlacedText => {
  const breaks = balancedLines(placed.text, placed.w, placed.fontPt);
  return breaks.length > 1 ? { ...placed, breaks } : placed;
};

const place = (fitted: FittedText, x: number, y: number, w: number): PlacedText => ({
  ...fitted,
  x,
  y,
  w,
  h: (fitted.lines * fitted.linePt) / 72,
});

/** A band title: up to two lines, 28 pt down to 24, then cut before its tail ("（续）"). */
export function bandTitle(head: string, tail: string): PlacedText {
  const fitted = fitText(head, BAND_TITLE_WIDTH_IN, BAND_TITLE_HEIGHT_PT, BAND_TITLE, tail);
  const h = (fitted.lines * fitted.linePt) / 72;
  return { ...place(fitted, MARGIN_IN, (BAND_IN - h) / 2, BAND_TITLE_WIDTH_IN), h };
}

/** The meeting's name as small print, `w` wide, one line. */
export function smallPrint(title: string, x: number, y: number, w: number): PlacedText {
  return place(fitText(title, w, SMALL_PRINT.maxPt * 1.2, SMALL_PRINT), x, y, w);
}

/** Places fitted blocks one under another from `top`, each after the gap of the one before. */
function stackFrom(top: number, fitted: FittedText[], blocks: readonly StackBlock[], x: number) {
  let y = top;
  return fitted.map((f, i) => {
    const placed = balanced(place(f, x, y, blocks[i]?.widthIn ?? 0));
    y += placed.h + (blocks[i]?.gapAfterPt ?? 0) / 72;
    return placed;
  });
}

const stackHeightIn = (fitted: FittedText[], blocks: readonly StackBlock[]) =>
  fitted.reduce((sum, f, i) => sum + f.lines * f.linePt + (blocks[i]?.gapAfterPt ?? 0), 0) / 72;

export interface CoverLayout {
  title: PlacedText;
  organizer: PlacedText | null;
  dateVenue: PlacedText | null;
  /** The two rules above and below the title (top edge, inches). */
  rulesIn: [number, number];
  logo: { x: number; y: number; w: number; h: number } | null;
}

const RULE_ROOM_PT = 14;

/**
 * The cover: [logo], rule, title, rule, organizer, date and venue, centred as one column so a
 * four-line title pushes the organizer down instead of running through the rules into it.
 */
export function coverLayout(
  meeting: { title: string; organizer: string; date: string; venue: string },
  hasLogo: boolean,
): CoverLayout {
  const x = 0.8;
  const w = SLIDE_WIDTH_IN - 2 * x;
  // Date and venue on one line if they fit there, else each on its own rather than "（东 | 座）".
  const oneLine = [meeting.date, meeting.venue].filter(Boolean).join('  ·  ');
  const dateVenue =
    slideLines(oneLine, w, 24).length === 1
      ? oneLine
      : [meeting.date, meeting.venue].filter(Boolean).join('\n');
  const cover = { title: meeting.title, organizer: meeting.organizer, dateVenue };
  const top = hasLogo ? 1.3 : 0.45;
  const bottom = SLIDE_HEIGHT_IN - 0.4;
  const blocks: StackBlock[] = [
    {
      text: cover.title,
      widthIn: w,
      maxPt: 36,
      minPt: 28,
      spacing: 1.2,
      gapAfterPt: 2 * RULE_ROOM_PT,
      cutOrder: 2,
    },
    ...(cover.organizer
      ? [
          {
            text: cover.organizer,
            widthIn: w,
            maxPt: 26,
            minPt: 24,
            spacing: 1.25,
            gapAfterPt: 6,
            cutOrder: 0,
          },
        ]
      : []),
    ...(cover.dateVenue
      ? [
          {
            text: cover.dateVenue,
            widthIn: w,
            maxPt: 24,
            minPt: 24,
            spacing: 1.25,
            gapAfterPt: 0,
            // The date and the venue are never cut: the organizer's full name goes first.
          },
        ]
      : []),
  ];
  const roomPt = (bottom - top) * 72 - RULE_ROOM_PT;
  const fitted = fitStack(blocks, roomPt);
  const used = stackHeightIn(fitted, blocks) + RULE_ROOM_PT / 72;
  const start = top + Math.max(0, (bottom - top - used) / 2) + RULE_ROOM_PT / 72;
  const [title, ...rest] = stackFrom(start, fitted, blocks, x) as [PlacedText, ...PlacedText[]];
  return {
    title,
    organizer: cover.organizer ? (rest.shift() ?? null) : null,
    dateVenue: cover.dateVenue ? (rest.shift() ?? null) : null,
    rulesIn: [
      start - RULE_ROOM_PT / 72 / 2 - 0.02,
      title.y + title.h + RULE_ROOM_PT / 72 / 2 - 0.02,
    ],
    logo: hasLogo ? { x: SLIDE_WIDTH_IN / 2 - 0.5, y: 0.35, w: 1.0, h: 0.8 } : null,
  };
}

export interface SpeakerCardLayout {
  header: PlacedText;
  ordinal: PlacedText;
  organization: PlacedText | null;
  /** The name, with the position after it on the same line when both fit there. */
  name: PlacedText;
  positionInline: string;
  position: PlacedText | null;
  ruleIn: number | null;
  topic: PlacedText | null;
}

const CARD_X = 1;
const CARD_W = SLIDE_WIDTH_IN - 2 * CARD_X;
const RULE_GAP_PT = 22;
/** The name is written at this size or smaller; the position beside it at this. */
export const CARD_POSITION_PT = 24;

/**
 * The speaker card the projector shows: 第 N 位, organization, name and position, topic. All of
 * it is read from the back, so nothing goes under 24 pt (28 for the name); a long organization
 * or topic shrinks the others with it, and only past that is cut, topic first.
 */
export function speakerCardLayout(card: {
  meetingTitle: string;
  ordinal: string;
  organization: string;
  name: string;
  position: string;
  topic: string;
}): SpeakerCardLayout {
  const nameLimits = { maxPt: 44, minPt: 28, spacing: 1.2 };
  const inline =
    !card.position ||
    slideLines(`${card.name}  ${card.position}`, CARD_W, nameLimits.maxPt).length === 1;
  const block = (
    role: string,
    text: string,
    limits: FitLimits & { gapAfterPt: number; cutOrder?: number },
  ) => ({ role, block: { text, widthIn: CARD_W, ...limits } as StackBlock });
  const parts = [
    block('ordinal', card.ordinal, { maxPt: 28, minPt: 28, spacing: 1.2, gapAfterPt: 10 }),
    ...(card.organization
      ? [
          block('organization', card.organization, {
            maxPt: 30,
            minPt: 24,
            spacing: 1.2,
            gapAfterPt: 8,
            cutOrder: 1,
          }),
        ]
      : []),
    block('name', inline && card.position ? `${card.name}  ${card.position}` : card.name, {
      ...nameLimits,
      gapAfterPt: inline ? 0 : 4,
      cutOrder: 3,
    }),
    ...(!inline
      ? [
          block('position', card.position, {
            maxPt: 24,
            minPt: 24,
            spacing: 1.2,
            gapAfterPt: 0,
            cutOrder: 2,
          }),
        ]
      : []),
    ...(card.topic
      ? [
          block('topic', card.topic, {
            maxPt: 28,
            minPt: 24,
            spacing: 1.3,
            gapAfterPt: 0,
            cutOrder: 0,
          }),
        ]
      : []),
  ];
  const top = 0.85;
  const bottom = SLIDE_HEIGHT_IN - 0.3;
  const blocks = parts.map((p) => p.block);
  const ruleRoomPt = card.topic ? RULE_GAP_PT * 2 : 0;
  const fitted = fitStack(blocks, (bottom - top) * 72 - ruleRoomPt);
  const used = stackHeightIn(fitted, blocks) + ruleRoomPt / 72;
  let y = top + Math.max(0, (bottom - top - used) / 2);
  const placed = new Map<string, PlacedText>();
  let ruleIn: number | null = null;
  parts.forEach(({ role }, i) => {
    if (role === 'topic') {
      ruleIn = y + RULE_GAP_PT / 72;
      y += ruleRoomPt / 72;
    }
    const fittedText = place(fitted[i] as FittedText, CARD_X, y, CARD_W);
    // The name line keeps its runs (name, then position); the other texts are centred lines.
    const text = role === 'name' ? fittedText : balanced(fittedText);
    placed.set(role, text);
    y += text.h + (blocks[i]?.gapAfterPt ?? 0) / 72;
  });
  const name = placed.get('name') as PlacedText;
  return {
    header: smallPrint(card.meetingTitle, CARD_X, 0.3, CARD_W),
    ordinal: placed.get('ordinal') as PlacedText,
    organization: placed.get('organization') ?? null,
    name: inline && card.position ? { ...name, text: card.name } : name,
    positionInline: inline && card.position ? `  ${card.position}` : '',
    position: placed.get('position') ?? null,
    ruleIn,
    topic: placed.get('topic') ?? null,
  };
}
