/** FORMAT.md "Signature and recipients", "Joint plan" and "Appendix". */
import type { WordParagraph } from '../docx/word-document';
import type { FormatExpectations } from '../format-check';
import { AUTHORITY, type PlanLayout } from './layout';
import { describeSizes, excerpt, isBlank, isBold, isCentred, isItalic, isUpperCase, normalise, sizeWithin } from './paragraphs';

const SIGNED = /^Đã ký$/i;
const RECIPIENTS_HEADING = 'Nơi nhận:';
const ROOM_TO_SIGN = 3; // empty lines at least, when no electronic signature is recorded

function checkSignatureBlock(cell: WordParagraph[]): string[] {
  const lines = cell.filter((p) => !isBlank(p));
  const label = excerpt(lines[0]);
  // Authority, optional deputy line and title: the capitalised lines of the block.
  const position = lines.filter(isUpperCase);
  const problems: string[] = [];
  if (position.length < 2 || position.some((p) => !isBold(p) || !isCentred(p) || !sizeWithin(p, 26, 28))) {
    problems.push(`Khối chữ ký ${label} phải có thẩm quyền ký và chức vụ người ký in hoa, đậm, căn giữa, cỡ 13–14.`);
  }
  const signed = lines.some((p) => SIGNED.test(normalise(p.text)));
  const name = lines.at(-1);
  if (name && !isUpperCase(name) && !SIGNED.test(normalise(name.text)) && (!isBold(name) || !sizeWithin(name, 26, 28))) {
    problems.push(`Họ tên người ký ${excerpt(name)} phải in đậm, cỡ 13–14.`);
  }
  const afterPosition = position.length ? cell.slice(cell.indexOf(position[position.length - 1]) + 1) : cell;
  if (!signed && afterPosition.filter(isBlank).length < ROOM_TO_SIGN) {
    problems.push(`Khối chữ ký ${label} phải chừa chỗ ký, đóng dấu (khoảng 4 dòng trống).`);
  }
  return problems;
}

export function checkSignatures({ heading, signatureCells }: PlanLayout, expect: FormatExpectations): string[] {
  if (!heading) return [];
  const blocks = signatureCells.filter((cell) => cell.some((p) => AUTHORITY.test(normalise(p.text))));
  if (!blocks.length) return ['Thiếu khối chữ ký (thẩm quyền “TM. …”, chức vụ, họ tên) trong bảng dưới nội dung.'];
  const problems = blocks.flatMap(checkSignatureBlock);
  if (expect.signatureBlocks !== undefined && blocks.length !== expect.signatureBlocks) {
    problems.unshift(`Phải có ${expect.signatureBlocks} khối chữ ký, đang có ${blocks.length}.`);
  }
  return problems;
}

function recipientLines(group: WordParagraph[], headingIndex: number): WordParagraph[] {
  const following = group.slice(headingIndex + 1);
  const end = following.findIndex(isBlank);
  return end < 0 ? following : following.slice(0, end);
}

export function checkRecipients({ heading, closingGroups }: PlanLayout): string[] {
  if (!heading) return [];
  const group = closingGroups.find((paragraphs) => paragraphs.some((p) => normalise(p.text) === RECIPIENTS_HEADING));
  if (!group) return ['Thiếu phần “Nơi nhận:” dưới nội dung.'];
  const headingIndex = group.findIndex((p) => normalise(p.text) === RECIPIENTS_HEADING);
  const title = group[headingIndex];
  const problems: string[] = [];
  if (!isBold(title) || !isItalic(title) || !sizeWithin(title, 24, 24)) {
    problems.push(`“Nơi nhận:” phải in đậm, nghiêng, cỡ 12 (đang cỡ ${describeSizes(title)}).`);
  }
  const lines = recipientLines(group, headingIndex);
  const archive = lines.at(-1);
  if (!archive || !/^- Lưu\b.*\.$/.test(normalise(archive.text))) {
    problems.push('Dòng cuối “Nơi nhận” phải là nơi lưu, dạng “- Lưu: VT, BPT.”.');
  }
  const wrong = lines.slice(0, -1).filter((p) => !/^- .*;$/.test(normalise(p.text)));
  if (wrong.length) problems.push(`Mỗi nơi nhận phải bắt đầu bằng “- ” và kết thúc bằng “;”: ${excerpt(wrong[0])}.`);
  const wrongSize = lines.filter((p) => !sizeWithin(p, 22, 22) || isBold(p));
  if (wrongSize.length) {
    problems.push(`Danh sách nơi nhận phải cỡ 11, chữ đứng không đậm: ${excerpt(wrongSize[0])} (cỡ ${describeSizes(wrongSize[0])}).`);
  }
  return problems;
}

export function checkAppendix({ appendix }: PlanLayout, expect: FormatExpectations): string[] {
  if (!appendix) return expect.appendix ? ['Thiếu phụ lục biểu báo cáo (tiêu đề, dòng “(Kèm theo Kế hoạch số …)”, bảng chỉ tiêu).'] : [];
  if (expect.appendix === false) return ['Kế hoạch không có biểu báo cáo nhưng văn bản lại có phụ lục.'];
  const { title, citation, startsNewPage, table } = appendix;
  const problems: string[] = [];
  if (!startsNewPage) problems.push('Phụ lục phải bắt đầu ở trang mới.');
  if (!isBold(title) || !isCentred(title) || !isUpperCase(title)) {
    problems.push(`Tiêu đề phụ lục ${excerpt(title)} phải in hoa, đậm, căn giữa.`);
  }
  if (!isItalic(citation) || !isCentred(citation)) problems.push('Dòng “(Kèm theo Kế hoạch số …)” phải in nghiêng, căn giữa.');
  if (expect.number !== undefined && !normalise(citation.text).includes(`số ${expect.number}`)) {
    problems.push(`Dòng “Kèm theo” phải ghi số ${expect.number}: ${excerpt(citation)}.`);
  }
  const columns = table?.rows[0]?.length ?? 0;
  if (columns < 4) problems.push('Bảng chỉ tiêu phải có các cột: số thứ tự, chỉ tiêu, đơn vị tính, số liệu.');
  const cells = table?.rows.flat(2) ?? [];
  const wrongSize = cells.filter((p) => !sizeWithin(p, 22, 26));
  if (wrongSize.length) problems.push(`Bảng chỉ tiêu phải cỡ chữ 11–13: ${excerpt(wrongSize[0])} (cỡ ${describeSizes(wrongSize[0])}).`);
  return problems;
}
