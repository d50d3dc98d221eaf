import { escapeInline, parseInline, plainText, toInlineMarkup, type InlineRun } from '../../backend/src/core/inline-markup';

describe('inline markup (*italic*, **bold**, \\* escapes)', () => {
  it.each([
    ['Cuộc vận động *“Toàn dân đoàn kết”* năm 2026', [{ text: 'Cuộc vận động ' }, { text: '“Toàn dân đoàn kết”', italic: true }, { text: ' năm 2026' }]],
    ['**Chú ý** và ***rất quan trọng***', [{ text: 'Chú ý', bold: true }, { text: ' và ' }, { text: 'rất quan trọng', italic: true, bold: true }]],
    ['**đậm *và nghiêng* tiếp**', [{ text: 'đậm ', bold: true }, { text: 'và nghiêng', bold: true, italic: true }, { text: ' tiếp', bold: true }]],
    ['*abc***def**', [{ text: 'abc', italic: true }, { text: 'def', bold: true }]],
  ])('%s', (markup, runs) => {
    expect(parseInline(markup)).toEqual(runs);
  });

  it.each([
    // Text typed before the markup existed reads as typed.
    '* Ghi chú:',
    '* Xây dựng Nông thôn mới:',
    '5 * 3 * 2 = 30',
    '*chưa đóng',
    '****',
    'Mô hình 01 - 138; banphongtraols@gmail.com; C:\\thu-muc',
  ])('keeps "%s" as plain text', (text) => {
    expect(parseInline(text)).toEqual([{ text }]);
  });

  it('reads escaped stars and backslashes literally', () => {
    expect(plainText('\\*5\\* và \\\\')).toBe('*5* và \\');
    expect(parseInline(escapeInline('*không nghiêng* \\ **'))).toEqual([{ text: '*không nghiêng* \\ **' }]);
  });

  it('writes styled runs (Word italics) as markup that reads back the same', () => {
    const runs: InlineRun[] = [
      { text: 'Thực hiện ' },
      { text: 'Cuộc vận động ', italic: true },
      { text: '“Toàn dân”', italic: true, bold: true },
      { text: ' * giá 5*3 ', bold: true },
      { text: 'hết.' },
    ];
    // The same text, and every letter in its style; spaces at a style's edge may fall either side.
    const styleOfEachLetter = (list: InlineRun[]) =>
      list.flatMap(({ text, italic = false, bold = false }) => [...text].map((char) => (/\s/.test(char) ? ' ' : `${char}${italic ? 'i' : ''}${bold ? 'b' : ''}`)));
    const back = parseInline(toInlineMarkup(runs));
    expect(back.map((run) => run.text).join('')).toBe(runs.map((run) => run.text).join(''));
    expect(styleOfEachLetter(back)).toEqual(styleOfEachLetter(runs));
  });
});
