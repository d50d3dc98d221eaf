/**
 * A small, strict XML reader for the parts of a .docx: elements, attributes and text, no DTDs.
 * Strict on purpose: it is also how tests prove a rendered document is well-formed XML.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} (vị trí ${offset})`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME = '[A-Za-z_][\\w.:-]*';
const MARKUP = new RegExp(
  [
    `<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, // start or empty tag
    `</(${NAME})\\s*>`, // end tag
    '<\\?[\\s\\S]*?\\?>', // declaration, processing instruction
    '<!--[\\s\\S]*?-->', // comment
    '<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>',
  ].join('|'),
  'g',
);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));|&/g;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string, offset: number): string {
  return text.replace(ENTITY, (_match, named?: string, decimal?: string, hex?: string) => {
    if (named) return NAMED_ENTITIES[named];
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    throw new XmlSyntaxError('ký tự "&" không được mã hóa', offset);
  });
}

function parseAttributes(source: string, offset: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, doubleQuoted, singleQuoted] of source.matchAll(ATTRIBUTE)) {
    if (name in attributes) throw new XmlSyntaxError(`thuộc tính "${name}" lặp lại`, offset);
    attributes[name] = decodeEntities(doubleQuoted ?? singleQuoted, offset);
  }
  return attributes;
}

function appendText(parent: XmlElement | undefined, text: string, offset: number): void {
  if (text.includes('<')) throw new XmlSyntaxError('ký tự "<" không hợp lệ', offset);
  if (!parent) {
    if (text.trim()) throw new XmlSyntaxError('có văn bản ngoài phần tử gốc', offset);
    return;
  }
  if (text) parent.children.push(decodeEntities(text, offset));
}

/** Parses a whole XML document and returns its root element; throws XmlSyntaxError. */
export function parseXml(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let position = 0;
  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(xml); match; match = MARKUP.exec(xml)) {
    appendText(stack.at(-1), xml.slice(position, match.index), position);
    position = MARKUP.lastIndex;
    const [, startName, attributeSource, selfClosing, endName, cdata] = match;
    if (startName) {
      const element: XmlElement = { name: startName, attributes: parseAttributes(attributeSource, match.index), children: [] };
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) throw new XmlSyntaxError('có nhiều hơn một phần tử gốc', match.index);
      else root = element;
      if (!selfClosing) stack.push(element);
    } else if (endName) {
      const open = stack.pop();
      if (open?.name !== endName) throw new XmlSyntaxError(`thẻ đóng </${endName}> không khớp`, match.index);
    } else if (cdata !== undefined) {
      stack.at(-1)?.children.push(cdata);
    }
  }
  appendText(stack.at(-1), xml.slice(position), position);
  if (stack.length) throw new XmlSyntaxError(`thẻ <${stack.at(-1)!.name}> chưa đóng`, xml.length);
  if (!root) throw new XmlSyntaxError('không có phần tử gốc', 0);
  return root;
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((node): node is XmlElement => isElement(node) && (!name || node.name === name));
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((node): node is XmlElement => isElement(node) && node.name === name);
}

/** Descendants named `name`, not looking inside elements named in `stopAt`. */
export function descendants(element: XmlElement, name: string, stopAt: readonly string[] = []): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of childElements(element)) {
    if (child.name === name) found.push(child);
    if (!stopAt.includes(child.name)) found.push(...descendants(child, name, stopAt));
  }
  return found;
}

export function textContent(element: XmlElement): string {
  return element.children.map((node) => (isElement(node) ? textContent(node) : node)).join('');
}
