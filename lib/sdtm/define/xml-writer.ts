/**
 * A minimal indenting XML writer with correct escaping. Text and attribute values are escaped (`&`, `<`, `>`,
 * quotes; tab, CR and LF as character references inside attributes, so attribute-value normalisation keeps
 * them). Characters that XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, lone surrogates,
 * U+FFFE/U+FFFF) are not written: each is recorded as a problem with its location, and the caller decides.
 */

export type XmlAttrs = Record<string, string | number | undefined | null>;

// XML 1.0 Char production, negated: anything else cannot appear in a document, escaped or not.
const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Position and code point of the first character XML 1.0 cannot represent, or undefined. */
export function findInvalidXmlChar(value: string): { index: number; codePoint: number } | undefined {
  const m = INVALID_XML_CHAR.exec(value);
  return m ? { index: m.index, codePoint: m[0].codePointAt(0) ?? 0 } : undefined;
}

export function escapeXmlText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

export function escapeXmlAttr(value: string): string {
  return value.replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c]);
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

export class XmlWriter {
  private readonly lines: string[] = [];
  private readonly stack: string[] = [];
  /** Element names with their OID (or ID), for locating problems: "ItemDef[IT.DM.AGE]". */
  private readonly labels: string[] = [];
  /** Values that contained characters XML cannot represent, with where they were met. */
  readonly problems: string[] = [];

  constructor(private readonly indent = '  ') {}

  raw(line: string): this {
    this.lines.push(line);
    return this;
  }

  open(name: string, attrs: XmlAttrs = {}): this {
    this.lines.push(`${this.pad()}<${name}${this.attrs(name, attrs)}>`);
    this.stack.push(name);
    const id = attrs.OID ?? attrs.ID;
    this.labels.push(id === undefined || id === null ? name : `${name}[${id}]`);
    return this;
  }

  close(): this {
    const name = this.stack.pop();
    if (name === undefined) throw new Error('XmlWriter.close() without an open element');
    this.labels.pop();
    this.lines.push(`${this.pad()}</${name}>`);
    return this;
  }

  /** An element without children. */
  empty(name: string, attrs: XmlAttrs = {}): this {
    this.lines.push(`${this.pad()}<${name}${this.attrs(name, attrs)}/>`);
    return this;
  }

  /** An element holding only text, on one line. */
  text(name: string, attrs: XmlAttrs, text: string): this {
    const body = escapeXmlText(this.checked(text, `<${name}> text`));
    this.lines.push(`${this.pad()}<${name}${this.attrs(name, attrs)}>${body}</${name}>`);
    return this;
  }

  toString(): string {
    if (this.stack.length) throw new Error(`XmlWriter: unclosed elements ${this.stack.join(' > ')}`);
    return this.lines.join('\n') + '\n';
  }

  private pad(): string {
    return this.indent.repeat(this.stack.length);
  }

  private attrs(element: string, attrs: XmlAttrs): string {
    let out = '';
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null) continue;
      out += ` ${key}="${escapeXmlAttr(this.checked(String(value), `<${element}> @${key}`))}"`;
    }
    return out;
  }

  private checked(value: string, where: string): string {
    const bad = findInvalidXmlChar(value);
    if (!bad) return value;
    const at = this.labels.join('/');
    this.problems.push(
      `${at ? at + ' ' : ''}${where}: character U+${bad.codePoint.toString(16).toUpperCase().padStart(4, '0')} ` +
        `at index ${bad.index} cannot be represented in XML 1.0`,
    );
    return value.replace(new RegExp(INVALID_XML_CHAR.source, 'gu'), '\uFFFD');
  }
}
