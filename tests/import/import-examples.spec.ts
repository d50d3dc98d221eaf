/**
 * The three real plans of shared/examples imported as pasted text, as a .txt, and as Word files made
 * from that text (typed numbers; Word list numbering): the content equals the example fixtures
 * (templates/fixtures/examples) block for block, and POST /api/plans takes it as it is.
 */
import type { PlanContent } from '../../backend/src/core/plan-content';
import { exampleAsWritten } from '../documents/api';
import { EXAMPLES, type Example } from '../documents/support';
import { useDemoApp } from '../support/plans';
import { docxFromText } from './make-docx';
import { exampleText, importFile, importText, type Imported } from './support';

/**
 * What the text of an example does not say, so the import cannot know it. The fixtures' README says
 * how they were made from the text: the extraction lost the signers' titles (002's "CHỦ TỊCH"), 003's
 * archive line was "Lưu." and is written out as "Lưu: VT, BPT.", recipient lines naming groups of
 * organisations ("Các tổ chức thành viên …") were linked to them by hand, and the reporting form of
 * 000 was rewritten (units, count and ratio split into two indicators, "Kính phí" corrected).
 */
function comparable(content: PlanContent) {
  const { recipients, signer, archive, form, ...rest } = content;
  return { ...rest, recipients: recipients.map(({ label, note }) => ({ label, note: note ?? null })), signerAuthority: signer.authority };
}

describe('importing the example plans', () => {
  const demo = useDemoApp();
  const fromText = {} as Record<Example, Imported>;

  beforeAll(async () => {
    for (const name of EXAMPLES) fromText[name] = await importText(demo.t, exampleText(name));
  });

  it.each(EXAMPLES)('%s: pasted text gives the fixture, block for block', (name) => {
    const expected = exampleAsWritten(name, demo.orgs);
    const { content } = fromText[name];
    expect(content.body).toEqual(expected.body);
    expect(comparable(content)).toEqual(comparable(expected));
    if (name !== '003') expect(content.archive).toBe(expected.archive);
    if (name !== '002') expect(content.signer).toEqual(expected.signer);
  });

  it('000: the deadlines of the closing, the year of the title for "10/6", the reporting form with its sections', () => {
    const { content, warnings } = fromText['000'];
    expect(content.reporting).toEqual([
      { name: 'Báo cáo 6 tháng', dueDate: '2020-06-10' },
      { name: 'Báo cáo năm', dueDate: '2020-11-22' },
    ]);
    const expected = exampleAsWritten('000', demo.orgs).form!;
    const form = content.form!;
    expect({ title: form.title, subtitle: form.subtitle, note: form.note }).toEqual({ title: expected.title, subtitle: expected.subtitle, note: expected.note });
    expect(form.indicators.flatMap((i) => (i.section ? [i.section] : []))).toEqual(expected.indicators.flatMap((i) => (i.section ? [i.section] : [])));
    expect(form.indicators.flatMap((i) => (i.group ? [i.group] : []))).toEqual(expected.indicators.flatMap((i) => (i.group ? [i.group] : [])));
    expect(new Set(form.indicators.map((i) => i.code)).size).toBe(form.indicators.length);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^Tên người ký “Nguyễn Thị Hồng Vân” không được nhập/), expect.stringMatching(/^Biểu báo cáo: đơn vị tính/)]));
  });

  it('002: a joint plan whose co-issuers are found by their signature blocks, in the order signed', () => {
    const { content } = fromText['002'];
    expect(content.kind).toBe('joint_plan');
    expect(content.coIssuerIds).toEqual(exampleAsWritten('002', demo.orgs).coIssuerIds);
  });

  it.each(EXAMPLES)('%s: the imported content is saved as it is (201), not before', async (name) => {
    const before = (await demo.t.as('bpt.tinh').get('/api/plans?range=[0,0]').expect(200)).headers['content-range'];
    const { content } = await importText(demo.t, exampleText(name));
    expect((await demo.t.as('bpt.tinh').get('/api/plans?range=[0,0]').expect(200)).headers['content-range']).toBe(before);
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(content).expect(201);
    expect(plan.body).toEqual(content.body);
  });

  it.each(EXAMPLES)('%s: a .txt upload reads as the pasted text', async (name) => {
    const file = await importFile(demo.t, Buffer.from(exampleText(name), 'utf8'), `${name}.txt`);
    expect(file).toEqual(fromText[name]);
  });

  it.each(EXAMPLES)('%s: a Word file with typed numbers reads as the text', async (name) => {
    const imported = await importFile(demo.t, docxFromText(exampleText(name)), `${name}.docx`);
    expect(imported.content).toEqual(fromText[name].content);
  });

  it.each(EXAMPLES)('%s: a Word file numbered by Word lists (numbering.xml) reads as the text', async (name) => {
    const imported = await importFile(demo.t, docxFromText(exampleText(name), { wordLists: true }), `${name}.docx`);
    expect(imported.content).toEqual(fromText[name].content);
  });

  it('the caller\'s organisation issues the plan; another issuer named in the header, its number and date are warnings', async () => {
    const header = [
      'ỦY BAN MTTQ VIỆT NAM',
      'HUYỆN THUẬN CHÂU',
      'BAN THƯỜNG TRỰC',
      'Số: 227/KH-MTTQ-BTT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Thuận Châu, ngày 15 tháng 4 năm 2022',
    ].join('\n');
    const { content, warnings } = await importText(demo.t, `${header}\n${exampleText('003')}`);
    expect(content.issuerId).toBe(demo.orgs.province);
    expect(content.place).toBe('Thuận Châu');
    expect(warnings[0]).toMatch(/^Văn bản gốc do “ỦY BAN MTTQ VIỆT NAM HUYỆN THUẬN CHÂU BAN THƯỜNG TRỰC” ban hành \(Ủy ban MTTQ Việt Nam huyện Thuận Châu\)/);
    expect(warnings).toContain('Văn bản gốc số 227/KH-MTTQ-BTT ngày 15/4/2022 (Thuận Châu): không dùng làm số, ngày của kế hoạch này — văn thư cấp số và ngày khi ban hành.');
    expect(content).not.toHaveProperty('number');
  });
});
