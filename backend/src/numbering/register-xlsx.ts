/**
 * The outgoing register as an Excel workbook (exceljs): the same ten columns as the printed book
 * (Phụ lục IV), dates as real Excel dates, so a clerk can sort, filter and sum.
 */
import ExcelJS from 'exceljs';
import { calendarDateInVietnam, type CalendarDate } from '../core/vietnamese-date';
import { registerPeriod, type NumberRegisterRow } from '../documents/rendering';

/** The column titles of Phụ lục IV, in the book's order. */
export const REGISTER_COLUMN_TITLES = [
  'Số, ký hiệu văn bản',
  'Ngày tháng văn bản',
  'Tên loại và trích yếu nội dung văn bản',
  'Người ký',
  'Nơi nhận văn bản',
  'Đơn vị, người nhận bản lưu',
  'Số lượng bản',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
];

const COLUMN_WIDTHS = [16, 12, 50, 20, 36, 18, 9, 12, 16, 20];

/** The row of the column titles; the entries start on the next one. */
export const REGISTER_HEADER_ROW = 5;

const DATE_FORMAT = 'dd/mm/yyyy';

export interface RegisterWorkbookInput {
  organisationName: string;
  from: CalendarDate;
  to: CalendarDate;
  rows: NumberRegisterRow[];
}

export async function registerWorkbook(input: RegisterWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sổ đăng ký văn bản đi', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${REGISTER_HEADER_ROW}:${REGISTER_HEADER_ROW}` },
    views: [{ state: 'frozen', ySplit: REGISTER_HEADER_ROW }],
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  titleRow(sheet, 1, input.organisationName.toLocaleUpperCase('vi'), { bold: true });
  titleRow(sheet, 2, 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', { bold: true, size: 14 });
  titleRow(sheet, 3, registerPeriod(input.from, input.to), { italic: true });
  const header = sheet.getRow(REGISTER_HEADER_ROW);
  header.values = REGISTER_COLUMN_TITLES;
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.addRows(input.rows.map(cellsOf));
  for (const column of [2, 8]) sheet.getColumn(column).numFmt = DATE_FORMAT;
  for (const column of [3, 5, 6, 10]) sheet.getColumn(column).alignment = { vertical: 'top', wrapText: true };
  sheet.autoFilter = { from: { row: REGISTER_HEADER_ROW, column: 1 }, to: { row: REGISTER_HEADER_ROW, column: REGISTER_COLUMN_TITLES.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function titleRow(sheet: ExcelJS.Worksheet, row: number, text: string, font: Partial<ExcelJS.Font>): void {
  sheet.mergeCells(row, 1, row, REGISTER_COLUMN_TITLES.length);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { horizontal: 'center' };
}

/** The row's cells; what the register leaves blank is an empty cell, not an empty text. */
function cellsOf(row: NumberRegisterRow): (string | number | Date | null)[] {
  return [
    row.numberAndSymbol,
    excelDate(row.issuedAt),
    row.typeAndSummary,
    row.signer || null,
    row.recipients || null,
    row.fileCopy || null,
    row.copies,
    row.sentAt && excelDate(row.sentAt),
    row.receipt || null,
    row.notes || null,
  ];
}

/** Excel dates have no time zone: the day in Vietnam, written as that day's UTC midnight. */
function excelDate(instant: Date): Date {
  const { year, month, day } = calendarDateInVietnam(instant);
  return new Date(Date.UTC(year, month - 1, day));
}
