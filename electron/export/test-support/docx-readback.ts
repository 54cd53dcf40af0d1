import JSZip from 'jszip';
import { parseXml, child, children, descendants, type XmlElement } from './xml-tree.ts';

/**
 * Reads a .docx back as Word lays it out, for tests: every paragraph of the body, the headers
 * and the footers, each run with the East-Asian font and the size Word would use for it. Those
 * are resolved as Word resolves them (the run's own properties, then its character style, then
 * the paragraph's style and the styles it is based on, then the document defaults), so a test
 * checks what a reader sees, whichever level the generator happened to set.
 */

/** One run as it prints: its text, East-Asian font and size in half-points (Word's unit). */
export interface RunFace {
  text: string;
  /** The East-Asian font's name; `theme:<slot>` if a theme font has no name; unset: undefined. */
  eastAsia: string | undefined;
  /** Half-points: 二号 22 pt = 44, 三号 16 pt = 32, 四号 14 pt = 28. */
  size: number;
}

export interface ReadParagraph {
  /** The part it is in: `word/document.xml`, `word/footer1.xml`… */
  part: string;
  /** The whole text; a field reads as its code in braces, e.g. `— {PAGE} —`. */
  text: string;
  runs: RunFace[];
  /** `w:jc`, resolved through the styles: `left`, `center`, `right`, `both`… */
  alignment: string | undefined;
  /** The paragraph's own `w:pPr`, for properties a test reads as written (keepNext, ind…). */
  properties: XmlElement | undefined;
}

export interface ReadHeaderFooter {
  kind: 'header' | 'footer';
  /** Which pages it is for: `default` (odd ones when even pages have their own), `even`, `first`. */
  type: string;
  part: string;
  paragraphs: ReadParagraph[];
}

export interface DocxReadback {
  body: ReadParagraph[];
  headersAndFooters: ReadHeaderFooter[];
  /** Whether even pages use their own headers and footers (settings.xml `w:evenAndOddHeaders`). */
  evenAndOddHeaders: boolean;
}

/** Word shows text at 10 pt when no level of the hierarchy sets a size (ECMA-376 17.3.2.38). */
const DEFAULT_SIZE = 20;

interface Face {
  eastAsia?: string;
  size?: number;
}

interface Style {
  basedOn: string | undefined;
  run: Face;
  alignment: string | undefined;
}

const val = (element: XmlElement | undefined) => element?.attrs['w:val'];

/** The run properties one level sets; an attribute it leaves out is inherited. */
function faceOf(rPr: XmlElement | undefined, themeFont: (slot: string) => string): Face {
  const face: Face = {};
  const fonts = child(rPr, 'w:rFonts');
  // A theme slot wins over a font named beside it, as in Word.
  const theme = fonts?.attrs['w:eastAsiaTheme'];
  if (theme) face.eastAsia = themeFont(theme);
  else if (fonts?.attrs['w:eastAsia']) face.eastAsia = fonts.attrs['w:eastAsia'];
  const size = val(child(rPr, 'w:sz'));
  if (size !== undefined) face.size = Number(size);
  return face;
}

const merge = (...levels: Face[]): Face => Object.assign({}, ...levels) as Face;

function themeFonts(themeXml: string | undefined): (slot: string) => string {
  const theme = themeXml ? parseXml(themeXml) : undefined;
  return (slot) => {
    const group = slot.startsWith('major') ? 'a:majorFont' : 'a:minorFont';
    const fonts = theme ? descendants(theme, group)[0] : undefined;
    const named = child(fonts, 'a:ea')?.attrs['typeface'];
    const hans = children(fonts, 'a:font').find((f) => f.attrs['script'] === 'Hans');
    return named || hans?.attrs['typeface'] || `theme:${slot}`;
  };
}

function readStyles(stylesXml: string | undefined, themeFont: (slot: string) => string) {
  const root = stylesXml ? parseXml(stylesXml) : undefined;
  const defaults = faceOf(
    child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'),
    themeFont,
  );
  const styles = new Map<string, Style>();
  const defaultStyle: Record<string, string> = {};
  for (const style of children(root, 'w:style')) {
    const id = style.attrs['w:styleId'] ?? '';
    const type = style.attrs['w:type'] ?? 'paragraph';
    if (['1', 'true', 'on'].includes(style.attrs['w:default'] ?? '')) defaultStyle[type] = id;
    styles.set(`${type}:${id}`, {
      basedOn: val(child(style, 'w:basedOn')),
      run: faceOf(child(style, 'w:rPr'), themeFont),
      alignment: val(child(child(style, 'w:pPr'), 'w:jc')),
    });
  }
  /** A style and the ones it is based on, the base first. */
  const chain = (type: string, id: string | undefined): Style[] => {
    const out: Style[] = [];
    const seen = new Set<string>();
    for (let at = id ?? defaultStyle[type]; at !== undefined && !seen.has(at);) {
      seen.add(at);
      const style = styles.get(`${type}:${at}`);
      if (!style) break;
      out.unshift(style);
      at = style.basedOn;
    }
    return out;
  };
  return { defaults, chain };
}

type Styles = ReturnType<typeof readStyles>;

/** Elements that hold runs of the paragraph they are in (not text boxes: their own paragraphs). */
const RUN_CONTAINERS = new Set([
  'w:hyperlink',
  'w:ins',
  'w:smartTag',
  'w:customXml',
  'w:sdt',
  'w:sdtContent',
  'w:fldSimple',
  'w:bdo',
  'w:dir',
]);

function readParagraph(
  p: XmlElement,
  part: string,
  styles: Styles,
  themeFont: (slot: string) => string,
): ReadParagraph {
  const pPr = child(p, 'w:pPr');
  const paragraphStyles = styles.chain('paragraph', val(child(pPr, 'w:pStyle')));
  const paragraphFace = merge(styles.defaults, ...paragraphStyles.map((s) => s.run));
  const faceOfRun = (r: XmlElement | undefined): Face => {
    const rPr = child(r, 'w:rPr');
    const characterStyles = styles.chain('character', val(child(rPr, 'w:rStyle')));
    return merge(paragraphFace, ...characterStyles.map((s) => s.run), faceOf(rPr, themeFont));
  };
  const runs: RunFace[] = [];
  const emit = (text: string, face: Face) =>
    runs.push({ text, eastAsia: face.eastAsia, size: face.size ?? DEFAULT_SIZE });

  // Complex fields (begin, code, separate, cached result, end) read as `{code}`, set in the
  // face of the code's first run, as Word formats a result it computes.
  const fields: { code: string; face: Face | undefined; shown: boolean }[] = [];
  const showField = (field: (typeof fields)[number]) => {
    if (field.shown) return;
    field.shown = true;
    emit(`{${field.code.trim()}}`, field.face ?? paragraphFace);
  };

  const walk = (element: XmlElement) => {
    for (const node of element.children) {
      if (typeof node === 'string') continue;
      if (node.name === 'w:fldSimple') {
        const first = descendants(node, 'w:r')[0];
        emit(`{${(node.attrs['w:instr'] ?? '').trim()}}`, faceOfRun(first));
      } else if (RUN_CONTAINERS.has(node.name)) walk(node);
      else if (node.name === 'w:r') readRun(node);
    }
  };
  const readRun = (r: XmlElement) => {
    const face = faceOfRun(r);
    for (const node of r.children) {
      if (typeof node === 'string') continue;
      const open = fields.at(-1);
      if (node.name === 'w:fldChar') {
        const type = node.attrs['w:fldCharType'];
        if (type === 'begin') fields.push({ code: '', face: undefined, shown: false });
        else if (type === 'separate' && open) showField(open);
        else if (type === 'end' && open) {
          showField(open);
          fields.pop();
        }
      } else if (node.name === 'w:instrText' && open) {
        open.face ??= face;
        open.code += textOf(node);
      } else if (open) {
        // The cached result of a field is what the field shows: it is read as the field.
      } else if (node.name === 'w:t') emit(textOf(node), face);
      else if (node.name === 'w:tab') emit('\t', face);
      else if (node.name === 'w:br' || node.name === 'w:cr') emit('\n', face);
    }
  };
  walk(p);

  const alignment = [val(child(pPr, 'w:jc')), ...paragraphStyles.map((s) => s.alignment)]
    .filter((a) => a !== undefined)
    .at(0);
  return { part, text: runs.map((r) => r.text).join(''), runs, alignment, properties: pPr };
}

const textOf = (element: XmlElement): string =>
  element.children.map((c) => (typeof c === 'string' ? c : '')).join('');

/** Reads the .docx: the body's paragraphs, and those of the headers and footers it uses. */
export async function readDocx(docx: Buffer | Uint8Array): Promise<DocxReadback> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => zip.file(name)?.async('string');
  const themeFont = themeFonts(await read('word/theme/theme1.xml'));
  const styles = readStyles(await read('word/styles.xml'), themeFont);
  const documentXml = await read('word/document.xml');
  if (!documentXml) throw new Error('no word/document.xml in the .docx');
  const document = parseXml(documentXml);
  const paragraphsOf = (root: XmlElement, part: string) =>
    descendants(root, 'w:p').map((p) => readParagraph(p, part, styles, themeFont));

  const rels = parseXml((await read('word/_rels/document.xml.rels')) ?? '<Relationships/>');
  const targetOf = (id: string) => {
    const target = children(rels, 'Relationship').find((r) => r.attrs['Id'] === id)?.attrs[
      'Target'
    ];
    return target?.startsWith('/') ? target.slice(1) : `word/${target}`;
  };
  const headersAndFooters: ReadHeaderFooter[] = [];
  for (const sectPr of descendants(document, 'w:sectPr')) {
    for (const kind of ['header', 'footer'] as const) {
      for (const ref of children(sectPr, `w:${kind}Reference`)) {
        const part = targetOf(ref.attrs['r:id'] ?? '');
        const xml = await read(part);
        if (!xml) throw new Error(`${part}, named in word/document.xml, is missing`);
        headersAndFooters.push({
          kind,
          type: ref.attrs['w:type'] ?? 'default',
          part,
          paragraphs: paragraphsOf(parseXml(xml), part),
        });
      }
    }
  }
  const settings = parseXml((await read('word/settings.xml')) ?? '<w:settings/>');
  const evenAndOdd = child(settings, 'w:evenAndOddHeaders');
  return {
    body: paragraphsOf(document, 'word/document.xml'),
    headersAndFooters,
    evenAndOddHeaders:
      evenAndOdd !== undefined && !['0', 'false', 'off'].includes(val(evenAndOdd) ?? ''),
  };
}

/** A paragraph as runs of one face each: neighbouring runs that print alike are joined. */
export function spansOf(paragraph: ReadParagraph): RunFace[] {
  const spans: RunFace[] = [];
  for (const run of paragraph.runs) {
    const last = spans.at(-1);
    if (last && last.eastAsia === run.eastAsia && last.size === run.size) last.text += run.text;
    else spans.push({ ...run });
  }
  return spans;
}
