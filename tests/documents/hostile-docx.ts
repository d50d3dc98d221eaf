/**
 * Builds hostile .docx files byte by byte: zips whose central directory says what the test wants,
 * whatever the entries really hold, and padding that inflates to hundreds of megabytes from a
 * file of a few hundred kilobytes (deflated in chunks, so the test never holds it inflated).
 */
import { randomBytes } from 'node:crypto';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import PizZip from 'pizzip';

export interface RawEntry {
  name: string;
  /** the deflated bytes as stored */
  data: Buffer;
  /** the inflated size the central directory states */
  size: number;
  crc: number;
}

/** A deflated entry whose stated size is its real one. */
export function deflated(name: string, content: Buffer): RawEntry {
  return { name, data: deflateRawSync(content), size: content.length, crc: crc32(content) };
}

/** The entries of an existing .docx, deflated afresh. */
export function entriesOf(docx: Buffer): RawEntry[] {
  const zip = new PizZip(docx);
  return Object.values(zip.files).filter((file) => !file.dir).map((file) => deflated(file.name, file.asNodeBuffer()));
}

/** `size` bytes of zeros, deflated; about a thousandth of the size. */
export async function zeros(name: string, size: number): Promise<RawEntry> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, size - written));
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(parts), size, crc };
}

/** A zip of `entries` exactly as given (local headers, data, central directory, end record). */
export function zipOf(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.data);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `megabytes` of small paragraphs of random text before the template's body: every tag is right
 * and it compresses only about 5:1, yet docxtemplater needs minutes and gigabytes to render it.
 */
export function heavyDocumentXml(xml: string, megabytes: number): string {
  const paragraphs: string[] = [];
  for (let size = 0; size < megabytes * 1024 * 1024; ) {
    const paragraph = `<w:p><w:r><w:t>${randomBytes(6).toString('base64')}</w:t></w:r></w:p>`;
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  return xml.replace('<w:body>', `<w:body>${paragraphs.join('')}`);
}
