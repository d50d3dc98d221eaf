import { useDemoApp, jointPlanContent, planContent, send } from '../support/plans';

describe('editing: versions, stale edits, voided signatures, loops back to draft', () => {
  const demo = useDemoApp();

  const edit = (id: string, version: number, overrides: Record<string, unknown>) =>
    demo.t.as('bpt.tinh').put(`/api/plans/${id}`).send({ ...planContent(demo.orgs.province, overrides), version });

  it('every saved edit is a new immutable version with its hash; a stale version is a 409', async () => {
    const { body: created } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    const first = await edit(created.id, created.version, { title: 'Bản sửa thứ nhất' }).expect(200);
    expect(first.body).toMatchObject({ contentVersion: 2, title: 'Bản sửa thứ nhất' });
    expect(first.body.contentHash).not.toBe(created.contentHash);

    // A second editor still holding the first version loses nothing silently: 409, and the first edit stays.
    const stale = await edit(created.id, created.version, { title: 'Bản của người thứ hai' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: first.body.version });
    expect((await demo.t.as('bpt.tinh').get(`/api/plans/${created.id}`).expect(200)).body.title).toBe('Bản sửa thứ nhất');

    // Saving the same content again makes no new version.
    const same = await edit(created.id, first.body.version, { title: 'Bản sửa thứ nhất' }).expect(200);
    expect(same.body.contentVersion).toBe(2);

    const versions = (await demo.t.as('bpt.tinh').get(`/api/plans/${created.id}/versions`).expect(200)).body;
    expect(versions.map((v: { contentVersion: number }) => v.contentVersion)).toEqual([1, 2]);
    expect(versions[0].contentHash).toBe(created.contentHash);
    const v1 = (await demo.t.as('bpt.tinh').get(`/api/plans/${created.id}/versions/1`).expect(200)).body;
    expect(v1.content.title).toBe(created.title);
    await demo.t.as('bpt.tinh').get(`/api/plans/${created.id}/versions/9`).expect(404);
  });

  it('validates content and names the field: empty title, unknown block type, bad date, unknown organisation, kinds', async () => {
    const bad = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province, {
      title: '',
      body: [{ type: 'heading1', text: 'Mục' }, { type: 'chapter', text: 'x' }, { type: 'paragraph', text: '' }],
      reporting: [{ name: 'Báo cáo', dueDate: '10/06/2026' }],
    })).expect(400);
    expect(bad.body.errors).toMatchObject({
      title: 'không được để trống',
      'body.1.type': expect.stringContaining('heading1'),
      'body.2.text': 'không được để trống',
      'reporting.0.dueDate': expect.stringContaining('YYYY-MM-DD'),
    });
    const blank = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province, { title: '   ', preamble: ['  '] })).expect(400);
    expect(blank.body.errors).toMatchObject({ title: 'không được để trống', preamble: 'không được có đoạn trống' });
    const noBody = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province, { body: [] })).expect(400);
    expect(noBody.body.errors.body).toMatch(/ít nhất một mục/);

    const ghost = '00000000-0000-4000-8000-000000000000';
    const joint = await demo.t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(demo.orgs, [demo.orgs.ldld, ghost, demo.orgs.province])).expect(400);
    expect(joint.body.errors).toEqual({ 'coIssuerIds.1': 'cơ quan phối hợp không tồn tại', 'coIssuerIds.2': expect.stringContaining('chủ trì') });
    const noCo = await demo.t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(demo.orgs, [])).expect(400);
    expect(noCo.body.errors.coIssuerIds).toMatch(/ít nhất một/);
    const planWithCo = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province, { coIssuerIds: [demo.orgs.ldld] })).expect(400);
    expect(planWithCo.body.errors).toHaveProperty('coIssuerIds');
    const recipients = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province, { recipients: [{ label: 'X', orgIds: [ghost] }] })).expect(400);
    expect(recipients.body.errors).toEqual({ 'recipients.0.orgIds.0': 'tổ chức nhận không tồn tại' });
  });

  it('stores text trimmed and in NFC, without the "- " and ";" the document adds to recipient lines', async () => {
    const decomposed = 'Kế hoạch'.normalize('NFD');
    const { body } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province, {
      title: `  ${decomposed} thử nghiệm  `,
      recipients: [{ label: '- Thường trực Tỉnh ủy;', note: 'b/c' }],
      archive: '- Lưu: VT, BPT.',
    })).expect(201);
    expect(body.title).toBe('Kế hoạch thử nghiệm'.normalize('NFC'));
    expect(body.recipients).toEqual([{ label: 'Thường trực Tỉnh ủy', note: 'b/c', orgIds: [] }]);
    expect(body.archive).toBe('Lưu: VT, BPT.');
  });

  it('accepts a text indicator without a unit', async () => {
    const form = { title: 'BIỂU BÁO CÁO', indicators: [{ code: '1', label: 'Mô hình hay', unit: null, type: 'text' }] };
    const { body } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province, { form })).expect(201);
    expect(body.form.indicators[0].unit).toBe('');
  });

  it('only drafts are editable', async () => {
    const { body } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    const submitted = await send(demo.t, 'bpt.tinh', body.id, 'SUBMIT');
    const response = await edit(body.id, submitted.version, { title: 'Sửa khi đang xem xét' }).expect(409);
    expect(response.body.code).toBe('NOT_EDITABLE');
  });

  it('return, withdraw and request-changes loops; an edit voids signatures and shows what changed', async () => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(demo.orgs, [demo.orgs.ldld, demo.orgs.hnd])).expect(201);
    await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
    expect((await send(demo.t, 'tb.tinh', plan.id, 'RETURN', 200, 'Bổ sung phần tổ chức thực hiện')).status).toBe('draft');
    await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
    expect((await send(demo.t, 'bpt.tinh', plan.id, 'WITHDRAW')).status).toBe('draft');
    await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
    await send(demo.t, 'tb.tinh', plan.id, 'FORWARD');
    const signed = await send(demo.t, 'hnd.tinh', plan.id, 'SIGN');
    expect(signed.signatures).toEqual([expect.objectContaining({ kind: 'co_issuer', valid: true, contentVersion: 1 })]);
    expect((await send(demo.t, 'ldld.tinh', plan.id, 'REQUEST_CHANGES', 200, 'Đề nghị bổ sung nhiệm vụ của LĐLĐ')).status).toBe('draft');

    // The drafter edits: HND's signature on version 1 is void, and HND must sign again.
    const current = (await demo.t.as('bpt.tinh').get(`/api/plans/${plan.id}`).expect(200)).body;
    const body = [...current.body, { type: 'bullet', text: 'Liên đoàn Lao động tỉnh vận động công nhân tham gia.' }];
    body[2] = { type: 'paragraph', text: 'Phát huy vai trò của Mặt trận và các tổ chức chính trị - xã hội.' };
    const edited = (await demo.t.as('bpt.tinh').put(`/api/plans/${plan.id}`).send({ ...jointPlanContent(demo.orgs, [demo.orgs.ldld, demo.orgs.hnd], { body }), version: current.version }).expect(200)).body;
    expect(edited.signatures).toEqual([expect.objectContaining({ organisationId: demo.orgs.hnd, valid: false, voidedAt: expect.any(String) })]);

    await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
    const again = await send(demo.t, 'tb.tinh', plan.id, 'FORWARD');
    expect(again.coordination).toEqual([{ organisationId: demo.orgs.ldld, state: 'pending' }, { organisationId: demo.orgs.hnd, state: 'pending' }]);
    expect((await demo.t.as('hnd.tinh').get(`/api/plans/${plan.id}`).expect(200)).body.availableActions).toContain('SIGN');

    // What changed since HND signed version 1.
    const diff = (await demo.t.as('hnd.tinh').get(`/api/plans/${plan.id}/diff?from=1`).expect(200)).body;
    expect(diff).toMatchObject({ from: 1, to: 2 });
    const bodyLines = diff.parts.find((part: { part: string }) => part.part === 'body').lines;
    expect(bodyLines.filter((b: { op: string }) => b.op !== 'same')).toEqual([
      { op: 'changed', before: { type: 'paragraph', text: 'Phát huy vai trò của Mặt trận Tổ quốc Việt Nam các cấp.' }, after: body[2], words: expect.any(Array) },
      { op: 'added', after: body[body.length - 1] },
    ]);

    await send(demo.t, 'hnd.tinh', plan.id, 'SIGN');
    expect((await send(demo.t, 'ldld.tinh', plan.id, 'SIGN')).status).toBe('awaiting_approval');
  });

  it('withdrawing and resubmitting without an edit keeps signatures: coordination resumes where it was', async () => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(demo.orgs, [demo.orgs.ldld, demo.orgs.hnd])).expect(201);
    await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
    await send(demo.t, 'tb.tinh', plan.id, 'FORWARD');
    await send(demo.t, 'ldld.tinh', plan.id, 'SIGN');
    await send(demo.t, 'bpt.tinh', plan.id, 'WITHDRAW');
    await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
    const resumed = await send(demo.t, 'tb.tinh', plan.id, 'FORWARD');
    expect(resumed.coordination).toEqual([{ organisationId: demo.orgs.ldld, state: 'signed' }, { organisationId: demo.orgs.hnd, state: 'pending' }]);
  });
});
