/**
 * Properties of the import over generated input (fast-check, fixed seeds so a failure replays):
 * random bodies typed as text come back block for block; hostile text full of the words that
 * steer the parser loses no word of what it was given and never throws.
 */
import fc from 'fast-check';
import { numberBlocks } from '../../backend/src/core/block-numbering';
import { isHeadingText, normaliseRuns } from '../../backend/src/core/text-blocks/classify';
import { parsePlan, type ParsedPlan } from '../../backend/src/plans/import/parse-plan';
import { readText } from '../../backend/src/plans/import/source';
import { parseInline, plainText, toInlineMarkup, type InlineRun } from '../../backend/src/core/inline-markup';
import { BLOCK_TYPES, type BodyBlock } from '../../backend/src/core/plan-content';

const parse = (text: string) => parsePlan(readText(text), { currentYear: 2026 });

const STARTERS = ['Tổ', 'Phối', 'Tuyên', 'Đẩy', 'Vận', 'Mặt', 'Hội', 'Giám', 'Ủy', 'Các', 'Xây', 'Đoàn'];
const WORDS = ['chức', 'hợp', 'truyền,', 'mạnh', 'động', 'trận', 'nông', 'dân;', 'sát.', 'ban', 'MTTQ', 'tỉnh:', '“Toàn', 'dân”',
  '05/12/2022', '12,5', 'km', '(b/c)', '5*3', 'a|b', 'x\ty', '…', '-', '+', '1.', 'I.', 'đó.', 'Cụ', 'thể', 'như', 'sau:'];

const word = fc.constantFrom(...WORDS);
const styledRun = fc.record({ text: word, italic: fc.boolean(), bold: fc.boolean() }, { requiredKeys: ['text'] });

/** A text as a drafter types it: starts with a capitalised word, some runs in italics or bold. */
const blockText = fc
  .tuple(fc.constantFrom(...STARTERS), fc.array(styledRun, { minLength: 0, maxLength: 30 }))
  .map(([first, runs]) => toInlineMarkup([{ text: first }, ...runs.flatMap((run): InlineRun[] => [{ text: ' ' }, run])]));

const block = fc.record({ type: fc.constantFrom(...BLOCK_TYPES), text: blockText });

/** The body typed as text: each block after its derived number, inside the frame of a plan. */
function typedPlan(blocks: BodyBlock[]): string {
  const lines = numberBlocks(blocks).map(({ label, text }) => (label ? `${label} ${text}` : text));
  return ['KẾ HOẠCH', 'Tổ chức hội nghị', 'Căn cứ Kế hoạch số 01;', ...lines, 'Trên đây là kế hoạch.', 'Nơi nhận:', '- Lưu: VT.'].join('\n');
}

/**
 * A block as the reader sees it: its styled runs (however the markup escapes them), spaces collapsed;
 * a numbered item is a heading or a numbered paragraph by its text.
 */
function asRead({ type, text, asParagraph }: BodyBlock, decideHeading: boolean) {
  const runs = normaliseRuns(parseInline(text));
  const paragraph = decideHeading ? type.startsWith('heading') && !isHeadingText(plainText(text).replace(/\s+/gu, ' ').trim()) : Boolean(asParagraph);
  return { type, runs, paragraph };
}

describe('import properties', () => {
  it('random bodies typed as text come back block for block', () => {
    fc.assert(
      fc.property(blockText, fc.array(block, { minLength: 0, maxLength: 40 }), (first, rest) => {
        const blocks: BodyBlock[] = [{ type: 'heading1', text: first }, ...rest];
        expect(parse(typedPlan(blocks)).body.map((b) => asRead(b, false))).toEqual(blocks.map((b) => asRead(b, true)));
      }),
      { seed: 20261130, numRuns: 300 },
    );
  });

  /** Lines that steer the parser, and characters that break naive readers. */
  const HOSTILE_LINES = ['KẾ HOẠCH', 'KẾ HOẠCH PHỐI HỢP', 'Nơi nhận:', 'TM. BAN THƯỜNG TRỰC', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'BIỂU BÁO CÁO',
    'Trên đây là kế hoạch', 'Số: 12/KH-MTTQ', 'Sơn La, ngày 05 tháng 02 năm 2022', 'I. MỤC ĐÍCH', '1. Nội dung', '1.1. Chi tiết', '- gạch đầu dòng',
    '+ cộng', '* Ghi chú:', '(b/c)', '- Lưu VT, BPT.', 'Nguyễn Văn An', 'báo cáo năm gửi trước ngày 31/2', 'báo cáo quý gửi trước ngày 10/6'];
  const TOKENS = ['abc', 'Đoàn', '12', '|', '\t', '     ', '*', '**', '***', '\\', '“', '”', '---', ':', ';', '.', '(', ')', '\u0000', '\u202e', '\ud800', 'ǅ', '𝔸'];
  const hostileLine = fc.oneof(
    fc.constantFrom(...HOSTILE_LINES),
    fc.array(fc.constantFrom(...TOKENS, ...HOSTILE_LINES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' ')),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );

  /** What the issued document prints by itself, so the import takes it as a landmark, not as text: "Nơi nhận:", "Ghi chú:". */
  const FRAME_LINE = /^\s*(Nơi nhận|\*?\s*Ghi chú):\s*$/u;
  /** A line laid out in columns (a text export of a table) is read column by column. */
  const COLUMN_SEPARATOR = /\t+|\s*\|\s*| {5,}/u;
  /** Characters the API refuses (common/input-text.ts): the import drops them. */
  const UNPRINTABLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu;

  it('hostile text: never throws, and every word of every line is somewhere in the result', () => {
    fc.assert(
      fc.property(fc.array(hostileLine, { minLength: 1, maxLength: 40 }), (lines) => {
        const parsed = parse(lines.join('\n'));
        const result = words(resultTexts(parsed).join(' '));
        const given = lines.flatMap((line) => line.replace(UNPRINTABLE, '').split(COLUMN_SEPARATOR)).filter((text) => !FRAME_LINE.test(text));
        for (const w of given.flatMap(words)) expect(result).toContain(w);
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});

/**
 * Words (letters and digits) of a text, NFC, in lower case (the heading is written in capitals,
 * "Số:" is cited as "số"), of characters the API keeps. Typed numbers ("1.1.",
 * an STT cell) are numbering, derived again from the levels: digits alone are not words here.
 */
function words(text: string): string[] {
  return (text.normalize('NFC').toLocaleLowerCase('vi').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !/^\d+$/u.test(w) && !/^[ivxl]+$/u.test(w));
}

/** Every text the import answers: the content's fields, the warnings, the header it read. */
function resultTexts(parsed: ParsedPlan): string[] {
  const { signature, form, header } = parsed;
  return [
    parsed.heading ?? '', parsed.title, ...parsed.preamble, ...parsed.body.map((b) => b.text), ...parsed.closing, ...parsed.warnings,
    ...signature.blocks.flatMap((b) => [b.authority ?? '', b.deputy ?? '', b.title ?? '']),
    ...signature.recipients.flatMap((r) => [r.label, r.note ?? '']), signature.archive ?? '', ...signature.names,
    ...parsed.reporting.map((r) => r.name), ...header.issuerLines, header.number ?? '', header.place ?? '',
    form?.title ?? '', form?.subtitle ?? '', form?.note ?? '', ...(form?.indicators ?? []).flatMap((i) => [i.label, i.unit, i.section ?? '', i.group ?? '']),
  ];
}
