/**
 * The content model of issue 12 through the API: numbered paragraphs, preamble kinds, inline
 * emphasis, form sections and groups, decimal indicators — and plans of the older shape, which stay
 * valid as they are (same content, same hash, no new version) after the migration.
 */
import { checkDocxFormat } from '../../backend/src/documents/rendering';
import { contentHashOf } from '../../backend/src/plans/plans.service';
import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { planContent, send, useDemoApp } from '../support/plans';
import { downloadDocument } from './api';
import { paragraphTexts } from './support';

describe('plan content v2 through the API', () => {
  const demo = useDemoApp();

  const richContent = () =>
    planContent(demo.orgs.province, {
      preamble: ['Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;', 'Ban Thường trực xây dựng kế hoạch như sau:'],
      preambleKinds: ['basis', 'statement'],
      body: [
        { type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU' },
        { type: 'heading2', text: 'Phát huy vai trò của Ủy ban MTTQ các cấp trong Cuộc vận động *“Toàn dân đoàn kết”*.', asParagraph: true },
        { type: 'bullet', text: 'Giá trị \\*5\\* giữ nguyên dấu sao' },
        { type: 'heading2', text: 'Tổ chức thực hiện', asParagraph: false },
      ],
      recipients: [{ label: 'Ủy ban MTTQ các huyện', orgIds: [demo.orgs.thuanChau] }],
      // A month ahead: SUBMIT and ISSUE refuse a deadline already past.
      reporting: [{ name: 'Báo cáo năm', dueDate: addDays(vietnamDay(new Date()), 30) }],
      form: {
        title: 'BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ',
        subtitle: 'Cuộc vận động *“Toàn dân đoàn kết”*',
        indicators: [
          { code: '1', label: 'Đường giao thông làm mới', unit: 'km', type: 'decimal', section: 'SỐ LIỆU CHUNG', group: 'Giao thông' },
          { code: '2', label: 'Số hộ được hỗ trợ', unit: 'hộ', type: 'integer' },
        ],
        note: 'Biểu dùng cho báo cáo năm.',
      },
    });

  it('stores numbered paragraphs, preamble kinds, emphasis and form groups as sent; false flags are left out', async () => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(richContent()).expect(201);
    expect(plan.preambleKinds).toEqual(['basis', 'statement']);
    expect(plan.body[1]).toEqual({ type: 'heading2', text: 'Phát huy vai trò của Ủy ban MTTQ các cấp trong Cuộc vận động *“Toàn dân đoàn kết”*.', asParagraph: true });
    expect(plan.body[3]).toEqual({ type: 'heading2', text: 'Tổ chức thực hiện' });
    expect(plan.form).toMatchObject({ subtitle: 'Cuộc vận động *“Toàn dân đoàn kết”*', note: 'Biểu dùng cho báo cáo năm.' });
    expect(plan.form.indicators[0]).toMatchObject({ type: 'decimal', section: 'SỐ LIỆU CHUNG', group: 'Giao thông' });
    expect(plan.form.indicators[1]).toEqual({ code: '2', label: 'Số hộ được hỗ trợ', unit: 'hộ', type: 'integer' });

    const { bytes } = await downloadDocument(demo.t, 'bpt.tinh', plan.id);
    expect(checkDocxFormat(bytes, { draft: true, signatureBlocks: 1, appendix: true })).toEqual([]);
    const texts = paragraphTexts(bytes);
    expect(texts).toContain('1. Phát huy vai trò của Ủy ban MTTQ các cấp trong Cuộc vận động “Toàn dân đoàn kết”.');
    expect(texts).toContain('- Giá trị *5* giữ nguyên dấu sao');
    expect(texts).toContain('Cuộc vận động “Toàn dân đoàn kết”');
  });

  it('refuses a numbered paragraph that has no number, and preamble kinds that do not match its lines', async () => {
    const content = richContent();
    const response = await demo.t.as('bpt.tinh').post('/api/plans')
      .send({ ...content, preambleKinds: ['basis'], body: [...content.body, { type: 'bullet', text: 'Gạch đầu dòng', asParagraph: true }] })
      .expect(400);
    expect(response.body.errors).toEqual({
      'body.4.asParagraph': 'chỉ mục có số (I., 1., 1.1.) mới viết thành đoạn văn có số',
      preambleKinds: 'phải có đúng 2 phần tử, mỗi đoạn căn cứ một loại',
    });
    const badKind = await demo.t.as('bpt.tinh').post('/api/plans').send({ ...content, preambleKinds: ['basis', 'cancu'] }).expect(400);
    expect(Object.keys(badKind.body.errors)).toEqual(['preambleKinds']);
  });

  it('keeps a plan of the older shape as it is: same content and hash when saved again, no new version', async () => {
    const older = planContent(demo.orgs.province);
    const { body: created } = await demo.t.as('bpt.tinh').post('/api/plans').send(older).expect(201);
    expect(created.body.every((block: object) => !('asParagraph' in block))).toBe(true);
    expect(created).not.toHaveProperty('preambleKinds');
    const versions = async () => (await demo.t.as('bpt.tinh').get(`/api/plans/${created.id}/versions`).expect(200)).body;
    const before = await versions();

    // Saved again by a client that knows the new fields but leaves them at their defaults.
    const resent = { ...older, body: older.body.map((block) => ({ ...block, asParagraph: false })), version: created.version };
    const { body: saved } = await demo.t.as('bpt.tinh').put(`/api/plans/${created.id}`).send(resent).expect(200);
    expect(saved.version).toBe(created.version);
    expect(await versions()).toEqual(before);
    expect((await demo.t.as('bpt.tinh').get(`/api/plans/${created.id}/audit/verify`).expect(200)).body.valid).toBe(true);
    // The stored version is the older shape, hashed as before: nothing a signature bound to changed.
    const stored = (await demo.t.as('bpt.tinh').get(`/api/plans/${created.id}/versions/1`).expect(200)).body;
    expect(stored.content.body).toEqual(older.body);
    expect(contentHashOf(stored.content)).toBe(created.contentHash);
  });

  it('adds the organisations’ signature practice, "Đã ký" by default, which an administrator may turn off', async () => {
    const organisation = `/api/organisations/${demo.orgs.province}`;
    expect((await demo.t.as('admin').get(organisation).expect(200)).body.signsElectronically).toBe(true);

    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE']]) await send(demo.t, user, plan.id, event);
    expect(paragraphTexts((await downloadDocument(demo.t, 'bpt.tinh', plan.id)).bytes)).toContain('Đã ký');

    await demo.t.as('admin').put(organisation).send({ signsElectronically: false }).expect(200);
    const wet = paragraphTexts((await downloadDocument(demo.t, 'bpt.tinh', plan.id)).bytes);
    expect(wet).not.toContain('Đã ký');
    expect(wet).toContain('TM. BAN THƯỜNG TRỰC');
    await demo.t.as('admin').put(organisation).send({ signsElectronically: true }).expect(200);
  });

  it('accepts a decimal figure (12,5 km) in a report, and still refuses one for a count', async () => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(richContent()).expect(201);
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE'], ['vt.tinh', 'DISTRIBUTE']]) {
      await send(demo.t, user, plan.id, event);
    }
    const mine = `/api/plans/${plan.id}/reports/0/mine`;
    const refused = await demo.t.as('bpt.thuanchau').put(mine).send({ values: { '1': 12.5, '2': 3.5 }, submit: false }).expect(400);
    expect(Object.keys(refused.body.errors)).toEqual(['values.2']);
    await demo.t.as('bpt.thuanchau').put(mine).send({ values: { '1': 12.5, '2': 3 }, submit: true }).expect(200);
    const summary = (await demo.t.as('vt.tinh').get(`/api/plans/${plan.id}/reports/0/summary`).expect(200)).body;
    expect(summary.totals).toMatchObject({ '1': 12.5, '2': 3 });
  });
});
