import { diffBlocks, diffContent } from '../../backend/src/core/block-diff';
import type { PlanContent } from '../../backend/src/core/plan-content';
import { diffWords, type WordChange } from '../../backend/src/core/word-diff';

/** The pure differences a signer reads: word by word within a text, line by line within each part of a plan. */
describe('word diff', () => {
  /** A change list as one string: [-removed-] {+added+}, the way `git diff --word-diff` prints it. */
  const show = (changes: WordChange[]) => changes.map(({ op, text }) => (op === 'same' ? text : op === 'removed' ? `[-${text}-]` : `{+${text}+}`)).join('');

  it.each([
    ['a word replaced', 'Phát huy vai trò của Mặt trận.', 'Phát huy vai trò nòng cốt của Mặt trận.', 'Phát huy vai trò {+nòng cốt +}của Mặt trận.'],
    ['a word removed', 'Tuyên truyền sâu rộng trong nhân dân.', 'Tuyên truyền trong nhân dân.', 'Tuyên truyền [-sâu rộng -]trong nhân dân.'],
    ['a date changed, punctuation kept', 'trước ngày 15/3/2025;', 'trước ngày 30/4/2025;', 'trước ngày [-15-]{+30+}/[-3-]{+4+}/2025;'],
    ['only a diacritic differs: the whole word changes', 'Ban Thuong trực', 'Ban Thường trực', 'Ban [-Thuong-]{+Thường+} trực'],
    ['a phrase rewritten reads as one removal and one addition', 'cấp huyện chỉ đạo thực hiện', 'cấp xã tổ chức triển khai', 'cấp [-huyện chỉ đạo thực hiện-]{+xã tổ chức triển khai+}'],
    ['nothing changed', 'Đoàn kết toàn dân.', 'Đoàn kết toàn dân.', 'Đoàn kết toàn dân.'],
    ['from nothing', '', 'Lưu: VT.', '{+Lưu: VT.+}'],
  ])('%s', (_case, before, after, expected) => {
    expect(show(diffWords(before, after))).toBe(expected);
  });

  it('treats a word typed with combining marks (as pasted from some files) as the same word', () => {
    const decomposed = 'Mặt trận Tổ quốc'.normalize('NFD');
    expect(diffWords(decomposed, 'Mặt trận Tổ quốc')).toEqual([{ op: 'same', text: 'Mặt trận Tổ quốc' }]);
  });

  it('rebuilds both texts from its changes', () => {
    const before = 'Các tổ chức thành viên phối hợp tuyên truyền, vận động hội viên, đoàn viên.';
    const after = 'Các tổ chức thành viên chủ động tuyên truyền, vận động đoàn viên, hội viên và nhân dân.';
    const changes = diffWords(before, after);
    expect(changes.filter((c) => c.op !== 'added').map((c) => c.text).join('')).toBe(before);
    expect(changes.filter((c) => c.op !== 'removed').map((c) => c.text).join('')).toBe(after);
  });

  it('finds a one-word edit in a 5,000-character paragraph and shows that word alone', () => {
    const sentence = 'Tuyên truyền, vận động nhân dân tham gia xây dựng nông thôn mới, đô thị văn minh. ';
    const before = sentence.repeat(62);
    const after = `${sentence.repeat(30)}${sentence.replace('nhân dân', 'toàn dân')}${sentence.repeat(31)}`;
    expect(before.length).toBeGreaterThan(5_000);
    const changes = diffWords(before, after).filter((change) => change.op !== 'same');
    expect(changes).toEqual([{ op: 'removed', text: 'nhân' }, { op: 'added', text: 'toàn' }]);
  });

  it('shows two paragraphs of the API\'s largest size, rewritten throughout, as one removal and one addition', () => {
    const before = 'Mặt trận '.repeat(2_200).trim();
    const after = 'Công đoàn '.repeat(2_000).trim();
    expect(after.length).toBeLessThanOrEqual(20_000);
    expect(diffWords(before, after).map((change) => change.op)).toEqual(['removed', 'added']);
  });
});

describe('content diff', () => {
  const base: PlanContent = {
    kind: 'joint_plan',
    issuerId: 'org-mttq',
    coIssuerIds: ['org-ldld'],
    heading: null,
    title: 'Phối hợp thực hiện Cuộc vận động',
    place: 'Sơn La',
    preamble: ['Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;'],
    body: [
      { type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'paragraph', text: 'Phát huy vai trò của Mặt trận.' },
      { type: 'heading1', text: 'NỘI DUNG' },
    ],
    closing: ['Trên đây là kế hoạch phối hợp.'],
    signer: { authority: 'TM. BAN THƯỜNG TRỰC', deputy: null, title: 'PHÓ CHỦ TỊCH' },
    recipients: [{ label: 'Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam', note: 'b/c' }],
    archive: 'Lưu: VT.',
    reporting: [{ name: 'Báo cáo sơ kết', dueDate: '2026-06-15' }],
    form: null,
    parentPlanId: null,
  };
  const names: Record<string, string> = { 'org-mttq': 'Ủy ban MTTQ tỉnh', 'org-ldld': 'Liên đoàn Lao động tỉnh', 'org-hnd': 'Hội Nông dân tỉnh' };
  const nameOf = (id: string) => names[id];

  it('names every changed part, in the editor order, each changed line with its words', () => {
    const after: PlanContent = {
      ...base,
      coIssuerIds: ['org-ldld', 'org-hnd'],
      title: 'Phối hợp thực hiện tốt Cuộc vận động',
      body: [base.body[0], { type: 'paragraph', text: 'Phát huy vai trò nòng cốt của Mặt trận.' }, base.body[2], { type: 'bullet', text: 'Vận động hội viên.' }],
      closing: ['Trên đây là kế hoạch phối hợp của hai cơ quan.'],
      reporting: [{ name: 'Báo cáo sơ kết', dueDate: '2026-06-30' }],
    };
    const parts = diffContent(base, after, nameOf);
    expect(parts.map((p) => p.part)).toEqual(['coIssuerIds', 'title', 'body', 'closing', 'reporting']);
    const part = (name: string) => parts.find((p) => p.part === name)!.lines;
    expect(part('coIssuerIds')).toEqual([
      { op: 'same', before: 'Liên đoàn Lao động tỉnh', after: 'Liên đoàn Lao động tỉnh' },
      { op: 'added', after: 'Hội Nông dân tỉnh' },
    ]);
    expect(part('title')).toEqual([
      {
        op: 'changed',
        before: base.title,
        after: after.title,
        words: [{ op: 'same', text: 'Phối hợp thực hiện ' }, { op: 'added', text: 'tốt ' }, { op: 'same', text: 'Cuộc vận động' }],
      },
    ]);
    expect(part('reporting')).toMatchObject([{ op: 'changed', before: 'Báo cáo sơ kết: hạn 15/06/2026', after: 'Báo cáo sơ kết: hạn 30/06/2026' }]);
    expect(part('body').map((line) => line.op)).toEqual(['same', 'changed', 'same', 'added']);
  });

  it('pairs each line of a rewritten stretch with its new wording', () => {
    const before = [
      { type: 'paragraph' as const, text: 'Một.' },
      { type: 'paragraph' as const, text: 'Hai.' },
    ];
    const after = [
      { type: 'paragraph' as const, text: 'Một nữa.' },
      { type: 'paragraph' as const, text: 'Hai nữa.' },
      { type: 'paragraph' as const, text: 'Ba.' },
    ];
    expect(diffBlocks(before, after).map((line) => line.op)).toEqual(['changed', 'changed', 'added']);
  });

  it('has no part to show when nothing changed', () => {
    expect(diffContent(base, { ...base }, nameOf)).toEqual([]);
  });
});
