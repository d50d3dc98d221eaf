/**
 * A Word file as source items. The bytes are opened by the bounded zip reader first (docx/safe-zip.ts:
 * sizes, ratios, encryption), and mammoth gets only the parts it inflated, stored uncompressed, so
 * a zip bomb never reaches it. Mammoth's HTML keeps what the import needs: italics, tables, and
 * Word's list numbering as nested lists.
 */
import mammoth from 'mammoth';
import { DocxPackageError, openDocx } from '../../common/safe-zip';
import { htmlItems } from './html-items';
import type { SourceItem } from './source';

/** An old Word file (.doc) and a password-protected .docx are OLE compound files, not zips. */
const COMPOUND_FILE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Throws DocxPackageError naming the problem. */
export async function readDocx(bytes: Buffer): Promise<SourceItem[]> {
  if (bytes.subarray(0, COMPOUND_FILE_SIGNATURE.length).equals(COMPOUND_FILE_SIGNATURE)) {
    throw new DocxPackageError(['Tệp được đặt mật khẩu (mã hóa) hoặc là tệp Word cũ (.doc): hãy gỡ mật khẩu hoặc lưu lại thành .docx rồi nhập.']);
  }
  const zip = openDocx(bytes);
  if (!zip.file('word/document.xml')) throw new DocxPackageError(['Tệp nén không có phần nội dung “word/document.xml”: không phải văn bản Word (.docx).']);
  const inflated = zip.generate({ type: 'nodebuffer', compression: 'STORE' });
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: inflated }, { externalFileAccess: false, convertImage: NO_IMAGES })).value;
  } catch {
    throw new DocxPackageError(['Không đọc được nội dung văn bản Word: tệp bị hỏng hoặc không đúng định dạng .docx.']);
  }
  return htmlItems(html);
}

/** Pictures carry no text of the plan: none is read or encoded. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
