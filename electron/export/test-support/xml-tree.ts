/**
 * A small XML reader for tests that look inside Office files: elements with their attributes
 * and children, text with entities decoded. Enough for the well-formed XML that Office files
 * hold (no DTDs); names keep their prefixes (`w:p`), as the files spell them.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[name] ?? whole;
  });
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The document element of `xml`; throws on mismatched tags. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const open: XmlElement[] = [root];
  let at = 0;
  for (const m of xml.matchAll(TOKEN)) {
    if (m.index !== at)
      throw new Error(`XML: cannot read ${JSON.stringify(xml.slice(at, at + 40))}`);
    at += m[0].length;
    const [, cdata, closing, name, attributes, selfClosing, text] = m;
    const parent = open.at(-1) as XmlElement;
    // Comments, the declaration and processing instructions match no group and are skipped.
    if (text !== undefined) parent.children.push(decode(text));
    else if (cdata !== undefined) parent.children.push(cdata);
    else if (name === undefined) continue;
    else if (closing) {
      if (parent.name !== name) throw new Error(`XML: </${name}> closes <${parent.name}>`);
      open.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of (attributes ?? '').matchAll(ATTRIBUTE)) {
        attrs[a[1] as string] = decode(a[2] ?? a[3] ?? '');
      }
      const element: XmlElement = { name, attrs, children: [] };
      parent.children.push(element);
      if (!selfClosing) open.push(element);
    }
  }
  if (at !== xml.length)
    throw new Error(`XML: cannot read ${JSON.stringify(xml.slice(at, at + 40))}`);
  if (open.length !== 1) throw new Error(`XML: <${open.at(-1)?.name}> is never closed`);
  const element = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!element) throw new Error('XML: no element');
  return element;
}

/** The child elements of `parent` named `name`. */
export const children = (parent: XmlElement | undefined, name: string): XmlElement[] =>
  (parent?.children ?? []).filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);

/** The first child element of `parent` named `name`. */
export const child = (parent: XmlElement | undefined, name: string): XmlElement | undefined =>
  children(parent, name)[0];

/** Every element named `name` below `root`, in document order, nested ones included. */
export function descendants(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    for (const c of element.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(root);
  return out;
}
