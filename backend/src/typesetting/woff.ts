import { inflateSync } from 'node:zlib';

/**
 * Rebuilds the TrueType (sfnt) font inside a WOFF 1.0 file, leaving out the tables named in `drop`.
 *
 * Why: fontkit inflates a WOFF table on every read, so subsetting (one glyf read per glyph) is
 * slow; and without GSUB/GPOS fontkit lays text out by plain cmap lookup, which is fast and draws
 * exactly the glyphs we measured (no ligatures, no kerning — Word's default for body text).
 */
export function woffToSfnt(woff: Uint8Array, drop: readonly string[] = []): Uint8Array {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = input.readUInt32BE(4);
  const tables = readWoffTables(input).filter((table) => !drop.includes(table.tag));
  return writeSfnt(flavor, tables);
}

interface SfntTable {
  tag: string;
  checksum: number;
  data: Buffer;
}

function readWoffTables(input: Buffer): SfntTable[] {
  const count = input.readUInt16BE(12);
  const tables: SfntTable[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    const offset = input.readUInt32BE(entry + 4);
    const compressedLength = input.readUInt32BE(entry + 8);
    const length = input.readUInt32BE(entry + 12);
    const stored = input.subarray(offset, offset + compressedLength);
    tables.push({
      tag: input.toString('latin1', entry, entry + 4),
      checksum: input.readUInt32BE(entry + 16),
      data: compressedLength < length ? inflateSync(stored) : stored,
    });
  }
  return tables;
}

function writeSfnt(flavor: number, tables: SfntTable[]): Uint8Array {
  const headerLength = 12 + tables.length * 16;
  const padded = (length: number) => (length + 3) & ~3;
  const total = tables.reduce((sum, table) => sum + padded(table.data.length), headerLength);
  const out = Buffer.alloc(total);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(tables.length, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(tables.length * 16 - power * 16, 10);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const entry = 12 + i * 16;
    out.write(table.tag, entry, 'latin1');
    out.writeUInt32BE(table.checksum, entry + 4);
    out.writeUInt32BE(offset, entry + 8);
    out.writeUInt32BE(table.data.length, entry + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
