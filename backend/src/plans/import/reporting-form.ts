/**
 * The reporting form of an appendix ("BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ"): its title, the line under it,
 * then the indicators — as a table (STT | chỉ tiêu | đơn vị …: a Word table, or a tab- or
 * "|"-separated text) or as lines ("I. SỐ LIỆU CHUNG" a section, "1. …" a group, "- …" an
 * indicator, "+ …" one of its parts), and "Ghi chú:" with the note.
 */
import { toRoman } from '../../core/block-numbering';
import { parseInline, plainText } from '../../core/inline-markup';
import type { Indicator, IndicatorType, ReportingForm } from '../../core/plan-content';
import { inlineText } from '../../core/text-blocks/blocks';
import { classifyLine, dropPrefix, isRuleLine, runsText, type Marker, type Run } from '../../core/text-blocks/classify';
import type { SourceItem, SourceLine } from './source';

export interface ReadForm {
  form: ReportingForm | null;
  /** lines that are no part of the form: they become paragraphs, with a warning */
  unplaced: Run[][];
  /** indicators whose unit and type were guessed from their label */
  guessed: number;
}

const CITATION = /^\(\s*(ban hành\s+)?kèm theo\b/iu;
const NOTE = /^\*?\s*Ghi\s+chú\s*:?\s*/iu;
const HEADER_CELL = /^(stt|tt|số\s+tt|chỉ\s+tiêu|nội\s+dung|tên\s+chỉ\s+tiêu|đơn\s+vị(\s+tính)?|đvt|số\s+liệu|kết\s+quả|ghi\s+chú)$/iu;

class FormBuilder {
  readonly indicators: Indicator[] = [];
  readonly unplaced: Run[][] = [];
  subtitle: string | null = null;
  note: string[] = [];
  guessed = 0;
  section: { roman: number; text: string; pending: boolean } = { roman: 0, text: '', pending: false };
  group: { number: number; text: string; pending: boolean } = { number: 0, text: '', pending: false };
  private counter = 0;
  private parent: { code: string; label: string; parts: number; measure: Measure } | null = null;

  startSection(text: string): void {
    this.section = { roman: this.section.roman + 1, text, pending: true };
    this.group = { number: 0, text: '', pending: false };
    this.counter = 0;
    this.parent = null;
  }

  startGroup(text: string): void {
    this.group = { number: this.group.number + 1, text, pending: true };
    this.counter = 0;
    this.parent = null;
  }

  private measure(label: string, unit: string | null, part: boolean): Measure {
    if (unit !== null) return { unit, type: typeOfUnit(unit) };
    this.guessed++;
    const guessed = guessUnit(plainText(label));
    // A part ("+ Cấp cho cấp huyện") is measured as its indicator is, unless its own label says otherwise.
    return part && this.parent && guessed.type === 'text' ? this.parent.measure : guessed;
  }

  /** "Kinh phí …: cấp cho cấp huyện", coded under its indicator (I.8 → I.8.1). */
  private partOf(parent: NonNullable<FormBuilder['parent']>, label: string): { code: string; shown: string } {
    parent.parts++;
    return { code: `${parent.code}.${parent.parts}`, shown: `${parent.label}: ${label.charAt(0).toLocaleLowerCase('vi')}${label.slice(1)}` };
  }

  /** The next indicator of its section and group: I.3, II.1.2. */
  private nextIndicator(label: string, measure: Measure): { code: string; shown: string } {
    this.counter++;
    const code = [this.section.roman ? toRoman(this.section.roman) : null, this.group.number || null, this.counter].filter(Boolean).join('.');
    this.parent = { code, label, parts: 0, measure };
    return { code, shown: label };
  }

  /** Report values are keyed by code: "I.1.1" as a part of I.1 and as the first of group 1 must differ. */
  private unique(code: string): string {
    let candidate = code;
    for (let n = 2; this.indicators.some((indicator) => indicator.code === candidate); n++) candidate = `${code}-${n}`;
    return candidate;
  }

  /** An indicator (label in markup) of the current section and group; `part`: a part of the last one ("+ …"). */
  add(label: string, unit: string | null, part: boolean): void {
    // "…:" and a sentence's "." end the line, an ellipsis ("chương trình...") is text.
    const clean = label.replace(/\s*(?:[:;]|(?<!\.)\.)\s*$/u, '');
    const measure = this.measure(clean, unit, part);
    const { code, shown } = part && this.parent ? this.partOf(this.parent, clean) : this.nextIndicator(clean, measure);
    const indicator: Indicator = { code: this.unique(code), label: shown, unit: measure.unit, type: measure.type };
    if (this.section.pending) indicator.section = this.section.text;
    if (this.group.pending) indicator.group = this.group.text;
    this.section.pending = false;
    this.group.pending = false;
    this.indicators.push(indicator);
  }
}

function typeOfUnit(unit: string): IndicatorType {
  if (unit === '%') return 'percent';
  if (!unit) return 'text';
  // Measures come in fractions (12,5 km); counts and money (triệu đồng) are whole numbers.
  return /^(km|m|m2|m3|m²|m³|ha|tấn|kg|lít)$/iu.test(unit) ? 'decimal' : 'integer';
}

interface Measure {
  unit: string;
  type: IndicatorType;
}

/** The unit a label implies: a count ("Số …"), a ratio ("Tỷ lệ …"), money; anything else is answered in words. */
function guessUnit(label: string): Measure {
  if (/^tỷ\s+lệ/iu.test(label)) return { unit: '%', type: 'percent' };
  if (/^(số|tổng\s+số)(?![\p{L}\p{N}])/iu.test(label)) return { unit: '', type: 'integer' };
  if (/(kinh|kính)\s+phí|tiền|trị\s+giá|ngân\s+sách|đóng\s+góp/iu.test(label)) return { unit: 'triệu đồng', type: 'integer' };
  return { unit: '', type: 'text' };
}

/** Column positions from a header row ("STT | Chỉ tiêu | Đơn vị tính | Số liệu"). */
interface Columns {
  code: number;
  label: number;
  unit: number;
}

function headerColumns(cells: string[]): Columns | null {
  if (!cells.filter(Boolean).every((cell) => HEADER_CELL.test(cell.trim()))) return null;
  const find = (pattern: RegExp) => cells.findIndex((cell) => pattern.test(cell));
  return { code: find(/^(stt|tt|số\s+tt)$/iu), label: find(/chỉ\s+tiêu|nội\s+dung/iu), unit: find(/đơn\s+vị|đvt/iu) };
}

const isRow = (item: SourceItem) => Boolean(item.cells && item.cells.filter(Boolean).length >= 2);

/**
 * A row of the table: a section ("I | SỐ LIỆU CHUNG"), a group (no unit, and the next row's STT starts
 * again at 1), or an indicator. A row without an indicator's label stays, as a paragraph.
 */
function readRow(item: SourceItem, next: SourceItem | undefined, columns: Columns, form: FormBuilder): void {
  const cell = (row: SourceItem | undefined, index: number) => (index >= 0 ? (row?.cells?.[index] ?? '').trim() : '');
  const number = cell(item, columns.code);
  // An STT cell holds a number ("1", "I", "1.2"); anything else typed there is part of the label.
  const isNumber = /^[\dIVX.]*$/u.test(number);
  const label = [isNumber ? '' : number, cell(item, columns.label)].filter(Boolean).join(' ');
  const unit = cell(item, columns.unit);
  if (!label) {
    form.unplaced.push(...item.lines.map((line) => line.runs));
    return;
  }
  const markup = inlineText([{ text: label }]);
  if (/^[IVX]+\.?$/u.test(number) && !unit) form.startSection(markup);
  else if (/^\d+$/u.test(number) && !unit && cell(next, columns.code) === '1') form.startGroup(markup);
  else form.add(markup, columns.unit >= 0 ? unit : null, false);
}

/** A line's marker, typed or from Word's list numbering (I. a section, 1. a group, - an indicator, + its part). */
function markerOf(line: SourceLine): { marker: Marker | null; markerText: string } {
  if (!line.list) return classifyLine(runsText(line.runs));
  const { ordered, depth, underBullet } = line.list;
  if (ordered) return { marker: depth === 1 ? 'roman' : 'decimal', markerText: '' };
  return { marker: underBullet ? 'plus' : 'dash', markerText: '' };
}

/** One line of the form; answers whether the note goes on (every line after "Ghi chú:" is the note). */
function readLine(line: SourceLine, form: FormBuilder, inNote: boolean): boolean {
  const { runs } = line;
  const text = runsText(runs);
  if (NOTE.test(text)) {
    const rest = text.replace(NOTE, '');
    if (rest) form.note.push(inlineText([{ text: rest }]));
    return true;
  }
  const { marker, markerText } = markerOf(line);
  const rest = inlineText(dropPrefix(runs, markerText.length));
  if (inNote) form.note.push(marker === 'dash' ? rest : inlineText(runs));
  else if (marker === 'roman') form.startSection(rest);
  else if (marker === 'decimal' || marker === 'subdecimal') form.startGroup(rest);
  else if (marker === 'dash') form.add(rest, null, false);
  else if (marker === 'plus') form.add(rest, null, true);
  else if (!form.indicators.length && form.subtitle === null && !form.section.roman) form.subtitle = inlineText(runs);
  else form.unplaced.push(runs);
  return inNote;
}

/** `items[0]` is the appendix's title line. */
export function readReportingForm(items: readonly SourceItem[]): ReadForm {
  const form = new FormBuilder();
  const title = runsText(items[0].lines[0].runs);
  let columns: Columns = { code: 0, label: 1, unit: 2 };
  let inNote = false;
  items.slice(1).forEach((item, i, rest) => {
    const whole = item.lines.map(({ runs }) => runsText(runs)).join(' ');
    if (CITATION.test(whole)) return;
    if (isRow(item)) {
      const header = headerColumns(item.cells!);
      if (header) columns = header;
      else readRow(item, rest.slice(i + 1).find(isRow), columns, form);
      return;
    }
    for (const line of item.lines) {
      const text = runsText(line.runs);
      if (isRuleLine(text) || CITATION.test(text)) continue;
      inNote = readLine(line, form, inNote);
    }
  });
  // No indicator: not a form after all; every line of the appendix stays, as paragraphs.
  if (!form.indicators.length) return { form: null, unplaced: items.flatMap((item) => item.lines.map((line) => line.runs)), guessed: 0 };
  // A section or group row with no indicator under it has no row to print before: it stays, as a paragraph.
  const pending = [form.section, form.group].filter((row) => row.pending).map((row) => parseInline(row.text));
  const result: ReportingForm = { title, ...(form.subtitle ? { subtitle: form.subtitle } : {}), indicators: form.indicators };
  if (form.note.length) result.note = form.note.join(' ');
  return { form: result, unplaced: [...form.unplaced, ...pending], guessed: form.guessed };
}
