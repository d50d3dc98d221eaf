/**
 * Opens a .docx (a zip) without letting it expand beyond bounds. A zip states every entry's sizes
 * in its central directory: those are read and refused first when they add up to too much (a zip
 * bomb), then each entry is inflated with its stated size as a hard cap, so one that lies cannot
 * grow past it. PizZip gets the inflated entries and never inflates anything itself. Every DOCX
 * the app opens, uploaded or rendered from an upload, goes through `openDocx`.
 */
import { inflateRawSync } from 'node:zlib';
import PizZip from 'pizzip';

const ZIP_LIMITS = {
  /** every entry inflated, together: a plan template is tens of kilobytes, a few logos included */
  totalBytes: 20 * 1024 * 1024,
  /** a Word document has about ten parts, one per picture more */
  entries: 500,
  /** Word XML deflates about 10:1; far beyond that, a large entry is padding made to inflate */
  ratio: 100,
  /** below this size an entry may compress as well as it likes (a blank part does 200:1) */
  ratioFromBytes: 1024 * 1024,
} as const;

/** Why the bytes cannot be opened, one Vietnamese sentence each. */
export class DocxPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'DocxPackageError';
  }
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;
// ZIP64 marks sizes and counts that do not fit 16/32 bits with all ones; no template needs them.
const ZIP64_COUNT = 0xffff;
const ZIP64_SIZE = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x1;
const MB = 1024 * 1024;

const NOT_A_ZIP = 'Tệp không phải văn bản Word (.docx): không đọc được nội dung nén.';

/** The document's parts, inflated within ZIP_LIMITS. Throws DocxPackageError. */
export function openDocx(bytes: Uint8Array): PizZip {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buffer);
  const problems = declaredSizeProblems(entries);
  if (problems.length) throw new DocxPackageError(problems);
  const zip = new PizZip();
  // Directory entries carry nothing; PizZip names folders from the paths of the files.
  for (const entry of entries.filter((e) => !e.name.endsWith('/'))) zip.file(entry.name, inflateEntry(buffer, entry), { binary: true });
  return zip;
}

function centralDirectory(zip: Buffer): ZipEntry[] {
  const end = endRecordOffset(zip);
  if (end < 0) throw new DocxPackageError([NOT_A_ZIP]);
  const count = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  if (count === ZIP64_COUNT || offset === ZIP64_SIZE) throw new DocxPackageError(['Tệp nén dạng ZIP64 (quá lớn), không phải một văn bản Word thông thường.']);
  if (count > ZIP_LIMITS.entries) throw new DocxPackageError([`Tệp nén có ${count} phần, quá giới hạn ${ZIP_LIMITS.entries} phần của một văn bản Word.`]);
  const entries: ZipEntry[] = [];
  for (let position = offset, i = 0; i < count; i++) {
    if (position + 46 > end || zip.readUInt32LE(position) !== CENTRAL_DIRECTORY_ENTRY) throw new DocxPackageError([NOT_A_ZIP]);
    const nameLength = zip.readUInt16LE(position + 28);
    entries.push({
      flags: zip.readUInt16LE(position + 8),
      method: zip.readUInt16LE(position + 10),
      compressedSize: zip.readUInt32LE(position + 20),
      size: zip.readUInt32LE(position + 24),
      localHeaderOffset: zip.readUInt32LE(position + 42),
      name: zip.toString('utf8', position + 46, Math.min(position + 46 + nameLength, end)),
    });
    position += 46 + nameLength + zip.readUInt16LE(position + 30) + zip.readUInt16LE(position + 32);
  }
  return entries;
}

/** The end-of-central-directory record: the last one, searched back over a possible comment. */
function endRecordOffset(zip: Buffer): number {
  const stop = Math.max(0, zip.length - END_RECORD_SIZE - MAX_ZIP_COMMENT);
  for (let offset = zip.length - END_RECORD_SIZE; offset >= stop; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}

/** What the central directory says is refused before anything is inflated. */
function declaredSizeProblems(entries: ZipEntry[]): string[] {
  const problems = entries.flatMap(entryProblem);
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > ZIP_LIMITS.totalBytes) {
    problems.push(`Nội dung giải nén ${megabytes(total)}, quá giới hạn ${megabytes(ZIP_LIMITS.totalBytes)} của một mẫu văn bản.`);
  }
  return problems;
}

function entryProblem(entry: ZipEntry): string[] {
  const part = `Phần “${entry.name}” của tệp nén`;
  if (entry.flags & ENCRYPTED_FLAG) return [`${part} được mã hóa.`];
  if (entry.method !== STORED && entry.method !== DEFLATED) return [`${part} dùng kiểu nén không được hỗ trợ (${entry.method}).`];
  if (entry.size === ZIP64_SIZE || entry.compressedSize === ZIP64_SIZE) return [`${part} dạng ZIP64 (quá lớn).`];
  const ratio = entry.size / Math.max(entry.compressedSize, 1);
  if (entry.size >= ZIP_LIMITS.ratioFromBytes && ratio > ZIP_LIMITS.ratio) {
    return [`${part} có tỷ lệ nén ${Math.round(ratio)}:1 (giải nén ra ${megabytes(entry.size)}), quá giới hạn ${ZIP_LIMITS.ratio}:1: tệp có dấu hiệu “bom nén”.`];
  }
  return [];
}

/** The entry's bytes, never more than its stated size. */
function inflateEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const part = `Phần “${entry.name}” của tệp nén`;
  const header = entry.localHeaderOffset;
  if (header + 30 > zip.length || zip.readUInt32LE(header) !== LOCAL_FILE_HEADER) throw new DocxPackageError([NOT_A_ZIP]);
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  if (start + entry.compressedSize > zip.length) throw new DocxPackageError([`${part} bị cắt cụt.`]);
  const data = zip.subarray(start, start + entry.compressedSize);
  let content: Buffer;
  try {
    content = entry.method === STORED ? data : inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (error) {
    const grew = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new DocxPackageError([grew ? `${part} giải nén ra nhiều hơn kích thước đã khai (${entry.size} byte): tệp nén bị làm giả.` : `${part} bị hỏng.`]);
  }
  if (content.length !== entry.size) throw new DocxPackageError([`${part} giải nén ra ${content.length} byte, khác kích thước đã khai (${entry.size} byte).`]);
  return content;
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1).replace('.', ',')} MB`;
}
