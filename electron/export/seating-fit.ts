/**
 * How one seat of the printed seating chart is set: the seat number, the name as large as the
 * seat allows, and as much of the organization as fits under it. Sizes are in points; every line
 * is set at an exact pitch (LINE × its size), so what is computed here is what the page holds,
 * in Word and in LibreOffice alike, and nothing spills out of a seat or onto a second page.
 */
import { emWidth, wrapLines } from './text-fit.ts';

export const PT_PER_MM = 72 / 25.4;
/** Line pitch as a multiple of the font size. */
export const LINE = 1.2;
/**
 * The share of a seat's width a line may take: a name or organization set to the full width
 * touched the seat's border, and LibreOffice widens the space around figures (第16街道) a little.
 */
const USABLE = 0.86;
/** The smallest organization line worth printing; below it the seat shows the name only. */
const SMALLEST_ORGANIZATION_PT = 6.5;
/** A seat shows at most this many lines of organization; a longer one ends in "…". */
const ORGANIZATION_LINES = 3;

/**
 * A line's width in em as LibreOffice and Word set it: emWidth, plus the quarter em both put
 * between a Chinese character and a Latin letter or figure beside it (第16街道 is 第 16 街道).
 */
export function printedWidth(text: string): number {
  const wide = (ch: string) => (ch.codePointAt(0) ?? 0) >= 0x2e80;
  const chars = [...text];
  let gaps = 0;
  for (let i = 1; i < chars.length; i++) {
    const [a, b] = [chars[i - 1] as string, chars[i] as string];
    if (/[\p{L}\p{N}]/u.test(a) && /[\p{L}\p{N}]/u.test(b) && wide(a) !== wide(b)) gaps++;
  }
  return emWidth(text) + gaps * 0.25;
}

export interface SeatBox {
  /** The seat's inside, in mm. */
  width: number;
  height: number;
}

export interface ChartType {
  /** The size every name of three characters or fewer takes (a longer one shrinks to fit). */
  namePt: number;
  numberPt: number;
  organizationPt: number;
  /** Too low a seat for three lines: the number goes before the name, no organization. */
  compact: boolean;
}

export interface SeatSetting {
  namePt: number;
  /** The name in one line, or a long one in two (nameInTwo). */
  nameLines: string[];
  organizationLines: string[];
}

/**
 * One size of name for the whole chart, from its seat: a spaced two-character name (张, U+3000, 勇) or a
 * three-character one fills the seat's width or its height, whichever is less, up to `largestPt`.
 * Number and organization take a share of it. A seat too low for number, name and an
 * organization line over each other sets number and name on one line instead.
 */
export function chartType(seat: SeatBox, largestPt: number): ChartType {
  const width = seat.width * PT_PER_MM * USABLE;
  const height = seat.height * PT_PER_MM;
  // Stacked: number (0.4), name (1) and one organization line (0.42) of the name's size.
  const stacked = Math.min(largestPt, width / 3, height / (LINE * 1.82));
  // One line: "12 张勇" (spaced), the number at 0.6 of the name's size (two digits, a space: 1.3 em).
  const single = Math.min(largestPt, width / 4.5, height / LINE);
  // Stacked while it keeps the name readable for the sheet (12 pt on A4, `largestPt` 36) and
  // not much smaller than one line would.
  if (stacked >= 12 * (largestPt / 36) && stacked >= single * 0.7) {
    return {
      namePt: stacked,
      numberPt: Math.max(6, stacked * 0.4),
      organizationPt: Math.max(
        SMALLEST_ORGANIZATION_PT,
        Math.min(14 * (largestPt / 36), stacked * 0.42),
      ),
      compact: false,
    };
  }
  return { namePt: single, numberPt: single * 0.6, organizationPt: 0, compact: true };
}

/**
 * A long name that may take two lines: an English one at a space, a transliterated one after
 * its · (阿卜杜热合曼· / 买买提), broken where the two lines come out most even. Null: no place.
 */
export function nameInTwo(name: string): [string, string] | null {
  let best: [string, string] | null = null;
  for (const match of name.matchAll(/ +|·/g)) {
    const at = (match.index ?? 0) + (match[0] === '·' ? 1 : 0);
    const lines: [string, string] = [name.slice(0, at).trimEnd(), name.slice(at).trimStart()];
    if (!lines[0] || !lines[1]) continue;
    const widest = (pair: [string, string]) => Math.max(...pair.map(printedWidth));
    if (!best || widest(lines) < widest(best)) best = lines;
  }
  return best;
}

/** The name's size and lines in this seat, and the organization's lines that fit under it. */
export function setSeat(
  seat: SeatBox,
  type: ChartType,
  name: string,
  organization: string,
): SeatSetting {
  const width = seat.width * PT_PER_MM * USABLE;
  const height = seat.height * PT_PER_MM;
  const room = type.compact ? width - 1.3 * type.numberPt : width;
  let nameLines = [name];
  let namePt = Math.min(type.namePt, room / Math.max(3, printedWidth(name)));
  const two = type.compact ? null : nameInTwo(name);
  if (two) {
    const twoPt = Math.min(
      type.namePt,
      width / Math.max(3, ...two.map(printedWidth)),
      (height - LINE * type.numberPt) / (2 * LINE),
    );
    // Two lines only when that makes the name clearly larger.
    if (twoPt > namePt * 1.2) [nameLines, namePt] = [two, twoPt];
  }
  const none = { namePt, nameLines, organizationLines: [] };
  if (type.compact || !organization.trim()) return none;
  const left = height - LINE * (type.numberPt + namePt * nameLines.length);
  const fit = Math.min(ORGANIZATION_LINES, Math.floor(left / (LINE * type.organizationPt)));
  if (fit < 1) return none;
  const lineEm = width / type.organizationPt;
  const lines = wrapLines(organization.trim(), lineEm, printedWidth);
  if (lines.length <= fit) return { ...none, organizationLines: lines };
  const kept = lines.slice(0, fit);
  kept[fit - 1] = ellipsized(kept[fit - 1] as string, lineEm);
  return { ...none, organizationLines: kept };
}

/** A line cut short so that "…" still fits after it. */
function ellipsized(line: string, lineEm: number): string {
  const chars = [...line.trimEnd()];
  while (chars.length > 0 && printedWidth(chars.join('') + '…') > lineEm) chars.pop();
  return `${chars.join('')}…`;
}
