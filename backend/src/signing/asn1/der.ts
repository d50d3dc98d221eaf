/**
 * A minimal DER writer and a TLV reader. The reader keeps byte offsets so that signed structures
 * (certificates, signed attributes) are used exactly as received, never re-encoded.
 */
import forge from 'node-forge';

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
export const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
/** DER requires the members of a SET OF in ascending order of their encodings (X.690 §11.6). */
export const sortedSet = (items: Buffer[]): Buffer => set(...[...items].sort(Buffer.compare));
export const octets = (bytes: Buffer): Buffer => tlv(0x04, bytes);
export const nullValue = (): Buffer => Buffer.from([0x05, 0x00]);
export const oid = (dotted: string): Buffer => tlv(0x06, Buffer.from(forge.asn1.oidToDer(dotted).getBytes(), 'binary'));
export const explicit = (tagNumber: number, content: Buffer): Buffer => tlv(0xa0 | tagNumber, content);

export function integer(value: number): Buffer {
  const bytes = value === 0 ? [0] : [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}

export interface Node {
  tag: number;
  /** Offset of the tag byte in the parsed buffer. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just after the element (after the end-of-contents octets of an indefinite length). */
  end: number;
  /** Content bytes (for an indefinite length: without the end-of-contents octets). */
  content: Buffer;
  /** The whole element as it appears in the input. */
  raw: Buffer;
  children: Node[];
}

const isConstructed = (tag: number): boolean => (tag & 0x20) !== 0;

/** Parses one element at `offset`; accepts BER indefinite lengths (OpenSSL streams CMS that way). */
export function parseAt(buffer: Buffer, offset: number): Node {
  if (offset + 2 > buffer.length) throw new RangeError('ASN.1: truncated');
  const tag = buffer[offset];
  if ((tag & 0x1f) === 0x1f) throw new RangeError('ASN.1: high tag numbers are not supported');
  let position = offset + 1;
  const first = buffer[position++];
  if (first === 0x80) return parseIndefinite(buffer, offset, tag, position);
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count > 4 || position + count > buffer.length) throw new RangeError('ASN.1: bad length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buffer[position++];
  }
  const end = position + length;
  if (end > buffer.length) throw new RangeError('ASN.1: truncated');
  const node: Node = {
    tag, start: offset, contentStart: position, end,
    content: buffer.subarray(position, end), raw: buffer.subarray(offset, end), children: [],
  };
  if (isConstructed(tag)) {
    for (let at = position; at < end; ) {
      const child = parseAt(buffer, at);
      node.children.push(child);
      at = child.end;
    }
  }
  return node;
}

function parseIndefinite(buffer: Buffer, offset: number, tag: number, contentStart: number): Node {
  if (!isConstructed(tag)) throw new RangeError('ASN.1: indefinite length on a primitive');
  const children: Node[] = [];
  let at = contentStart;
  while (!(buffer[at] === 0 && buffer[at + 1] === 0)) {
    if (at >= buffer.length) throw new RangeError('ASN.1: truncated');
    const child = parseAt(buffer, at);
    children.push(child);
    at = child.end;
  }
  return {
    tag, start: offset, contentStart, end: at + 2,
    content: buffer.subarray(contentStart, at), raw: buffer.subarray(offset, at + 2), children,
  };
}

export function parseDer(buffer: Buffer): Node {
  return parseAt(buffer, 0);
}

export function oidToString(node: Node): string {
  if (node.tag !== 0x06) throw new RangeError('ASN.1: expected an OBJECT IDENTIFIER');
  return forge.asn1.derToOid(forge.util.createBuffer(node.content.toString('binary')));
}

/** The concatenated content of an OCTET STRING, also when BER split it into constructed chunks. */
export function octetContent(node: Node): Buffer {
  if (node.tag === 0x04) return Buffer.from(node.content);
  if (node.tag === 0x24) return Buffer.concat(node.children.map(octetContent));
  throw new RangeError('ASN.1: expected an OCTET STRING');
}

export function child(node: Node, index: number): Node {
  const found = node.children[index];
  if (!found) throw new RangeError('ASN.1: missing element');
  return found;
}
