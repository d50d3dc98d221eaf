import { numberBlocks, toRoman } from '../../backend/src/core/block-numbering';
import type { BlockType } from '../../backend/src/core/plan-content';

const labelsOf = (types: BlockType[]) => numberBlocks(types.map((type) => ({ type, text: type }))).map((b) => b.label);

describe('numberBlocks', () => {
  it('numbers heading1 in Roman, heading2 from 1 under each heading1, heading3 as 1.1', () => {
    expect(
      labelsOf(['heading1', 'heading2', 'heading3', 'heading3', 'heading2', 'heading3', 'heading1', 'heading2', 'heading3']),
    ).toEqual(['I.', '1.', '1.1.', '1.2.', '2.', '2.1.', 'II.', '1.', '1.1.']);
  });

  it('labels bullets "-", sub-bullets "+" and leaves paragraphs unlabelled, without disturbing the counters', () => {
    expect(labelsOf(['heading1', 'paragraph', 'bullet', 'subbullet', 'heading2', 'bullet', 'heading2'])).toEqual([
      'I.', '', '-', '+', '1.', '-', '2.',
    ]);
  });

  it('keeps type and text, in order', () => {
    expect(numberBlocks([{ type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU' }])).toEqual([
      { type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU', label: 'I.', asParagraph: false },
    ]);
  });

  it('numbers a numbered paragraph in its level, as a heading of that level', () => {
    const blocks = numberBlocks([
      { type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'heading2', text: 'Phát huy vai trò …', asParagraph: true },
      { type: 'heading2', text: 'Ban Thường trực' },
      { type: 'heading3', text: 'Xây dựng kế hoạch …', asParagraph: true },
    ]);
    expect(blocks.map(({ label, asParagraph }) => [label, asParagraph])).toEqual([['I.', false], ['1.', true], ['2.', false], ['2.1.', true]]);
  });

  it('shows a heading3 placed before any heading2 as "0.n." so the slip stays visible', () => {
    expect(labelsOf(['heading1', 'heading3'])).toEqual(['I.', '0.1.']);
  });

  it('numbers a long plan', () => {
    const labels = labelsOf(Array.from({ length: 14 }, () => 'heading1' as const));
    expect(labels.slice(-5)).toEqual(['X.', 'XI.', 'XII.', 'XIII.', 'XIV.']);
  });

  it.each([
    [1, 'I'], [4, 'IV'], [9, 'IX'], [14, 'XIV'], [40, 'XL'], [90, 'XC'], [400, 'CD'], [1994, 'MCMXCIV'], [2026, 'MMXXVI'],
  ])('toRoman(%i) = %s', (value, roman) => expect(toRoman(value)).toBe(roman));
});
