/**
 * Organisation templates through the API: upload (checked against FORMAT.md), history, download,
 * rollback, back to the shipped template, and documents rendered with the issuer's active one.
 */
import { createHash, randomUUID } from 'node:crypto';
import { defaultTemplate } from '../../backend/src/documents/rendering/template-files';
import { type TemplateKind } from '../../backend/src/core/template-kinds';
import { planContent, send, useDemoApp } from '../support/plans';
import { sql, type TestApp } from '../support/test-app';
import { download, downloadDocument, issueAsDemoUsers } from './api';
import { documentXml, editPart } from './support';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The shipped template with another left margin, still within FORMAT.md's 30–35 mm: easy to spot in output. */
function withLeftMargin(kind: TemplateKind, twips: number): Buffer {
  return editPart(defaultTemplate(kind), 'word/document.xml', (xml) => xml.replace('w:left="1701"', `w:left="${twips}"`));
}

const leftMarginOf = (docx: Buffer) => Number(/w:left="(\d+)"/.exec(documentXml(docx))![1]);

function upload(t: TestApp, user: string, organisationId: string, kind: string, file: Buffer, fileName = 'mau.docx') {
  return t.as(user).post(`/api/organisations/${organisationId}/templates`).field('kind', kind).attach('file', file, fileName);
}

describe('organisation templates', () => {
  const demo = useDemoApp();
  const templatesOf = (organisationId: string) => `/api/organisations/${organisationId}/templates`;
  const history = async (organisationId: string) =>
    (await demo.t.as('admin').get(`${templatesOf(organisationId)}?sort=["version","ASC"]&filter={"kind":"single"}`).expect(200)).body;
  const draftMargin = async (user: string, organisationId: string, place = 'Sơn La') => {
    const { body: plan } = await demo.t.as(user).post('/api/plans').send(planContent(organisationId, { place })).expect(201);
    return leftMarginOf((await downloadDocument(demo.t, user, plan.id)).bytes);
  };

  it.each(['bpt.tinh', 'pct.tinh', 'vt.tinh'])('are managed by admins only: %s gets 403', async (user) => {
    const province = demo.orgs.province;
    await upload(demo.t, user, province, 'single', defaultTemplate('single')).expect(403);
    await demo.t.as(user).get(templatesOf(province)).expect(403);
    await demo.t.as(user).delete(`${templatesOf(province)}/active?kind=single`).expect(403);
    await demo.t.as(user).post(`${templatesOf(province)}/${randomUUID()}/activate`).expect(403);
  });

  it('refuses a template that breaks FORMAT.md with 400 listing the problems, and stores nothing', async () => {
    const narrow = withLeftMargin('single', 1000);
    const response = await upload(demo.t, 'admin', demo.orgs.province, 'single', narrow).expect(400);
    expect(response.body.errors).toEqual({
      file: 'Mẫu văn bản không đạt thể thức, chưa được lưu (1 lỗi)',
      'file.0': 'Lề trái phải từ 30–35 mm (1701–1984 twip), đang là 17,6 mm (1000).',
    });
    const unknownTag = editPart(defaultTemplate('joint'), 'word/document.xml', (xml) => xml.replace('{signerName}', '{hoTen}'));
    const refused = await upload(demo.t, 'admin', demo.orgs.province, 'joint', unknownTag).expect(400);
    expect(refused.body.errors['file.0']).toMatch(/^Thẻ \{hoTen\} trong \{#signatureRows\}\/\{#left\} không có trong dữ liệu kế hoạch/);
    const all = await demo.t.as('admin').get(templatesOf(demo.orgs.province)).expect(200);
    expect(all.body).toEqual([]);
    expect(all.headers['content-range']).toBe('templates 0-0/0');
  });

  it('validates the request: a file, a Word file, a known kind, a known organisation', async () => {
    const province = demo.orgs.province;
    const noFile = await demo.t.as('admin').post(templatesOf(province)).field('kind', 'single').expect(400);
    expect(noFile.body.errors).toEqual({ file: 'chưa chọn tệp mẫu Word (.docx)' });
    const pdf = await upload(demo.t, 'admin', province, 'single', Buffer.from('%PDF-1.7 …'), 'mau.pdf').expect(400);
    expect(pdf.body.errors['file.0']).toBe('Tệp không phải văn bản Word (.docx): không đọc được nội dung nén.');
    const kind = await upload(demo.t, 'admin', province, 'phoi-hop', defaultTemplate('joint')).expect(400);
    expect(Object.keys(kind.body.errors)).toEqual(['kind']);
    await upload(demo.t, 'admin', randomUUID(), 'single', defaultTemplate('single')).expect(404);
    await demo.t.as('admin').get(templatesOf(randomUUID())).expect(404);
    await demo.t.as('admin').delete(`${templatesOf(province)}/active?kind=khac`).expect(400);
  });

  it('keeps every upload as a version; the active one renders drafts and the issued document; rollback; back to shipped', async () => {
    const { province, thuanChau } = demo.orgs;
    const first = withLeftMargin('single', 1800);
    const second = withLeftMargin('single', 1900);

    const v1 = (await upload(demo.t, 'admin', province, 'single', first, 'Mẫu kế hoạch tỉnh.docx').expect(201)).body;
    expect(v1).toMatchObject({
      organisationId: province, kind: 'single', version: 1, active: true, fileName: 'Mẫu kế hoạch tỉnh.docx',
      size: first.length, sha256: sha256(first), uploadedByName: 'Quản trị hệ thống',
    });
    expect(await draftMargin('bpt.tinh', province)).toBe(1800);
    const v2 = (await upload(demo.t, 'admin', province, 'single', second).expect(201)).body;
    expect(v2).toMatchObject({ version: 2, active: true });
    expect((await history(province)).map((t: { version: number; active: boolean }) => [t.version, t.active])).toEqual([[1, false], [2, true]]);
    expect(await draftMargin('bpt.tinh', province)).toBe(1900);
    // Only the issuer's documents change.
    expect(await draftMargin('bpt.thuanchau', thuanChau, 'Thuận Châu')).toBe(1701);

    const file = await download(demo.t, 'admin', `${templatesOf(province)}/${v1.id}/file`);
    expect(file.bytes.equals(first)).toBe(true);
    expect(file.sha256).toBe(sha256(first));

    const rolledBack = (await demo.t.as('admin').post(`${templatesOf(province)}/${v1.id}/activate`).expect(200)).body;
    expect(rolledBack).toMatchObject({ id: v1.id, version: 1, active: true });
    expect((await history(province)).map((t: { active: boolean }) => t.active)).toEqual([true, false]);
    const issued = await issueAsDemoUsers(demo.t, planContent(province));
    const stored = await downloadDocument(demo.t, 'vt.tinh', issued.id);
    expect(leftMarginOf(stored.bytes)).toBe(1800);

    await demo.t.as('admin').delete(`${templatesOf(province)}/active?kind=single`).expect(204);
    expect((await history(province)).map((t: { active: boolean }) => t.active)).toEqual([false, false]);
    expect(await draftMargin('bpt.tinh', province)).toBe(1701);
    // The issued document keeps the template it was issued with.
    expect((await downloadDocument(demo.t, 'vt.tinh', issued.id)).bytes.equals(stored.bytes)).toBe(true);
  });

  it('numbers versions per kind, and a template cannot be reached through another organisation', async () => {
    const { province, maiSon } = demo.orgs;
    const joint = (await upload(demo.t, 'admin', maiSon, 'joint', withLeftMargin('joint', 1800)).expect(201)).body;
    expect(joint).toMatchObject({ kind: 'joint', version: 1, active: true });
    await demo.t.as('admin').get(`${templatesOf(province)}/${joint.id}/file`).expect(404);
    await demo.t.as('admin').post(`${templatesOf(province)}/${joint.id}/activate`).expect(404);
    await demo.t.as('admin').delete(`${templatesOf(maiSon)}/active?kind=joint`).expect(204);
  });

  it('answers 400 naming the tag, never 500, when a stored template fails on real data', async () => {
    const { province } = demo.orgs;
    // A template stored before a rule existed: it slipped past the upload check, so insert it directly.
    const broken = editPart(defaultTemplate('single'), 'word/document.xml', (xml) => {
      const item = xml.indexOf('{.}', xml.indexOf('{#preambleBases}'));
      return `${xml.slice(0, item)}{canCu}${xml.slice(item + 3)}`;
    });
    const [admin] = await sql<{ id: string }>(demo.t, `select id from "user" where username = 'admin'`);
    await demo.t.as('admin').delete(`${templatesOf(province)}/active?kind=single`).expect(204);
    await sql(
      demo.t,
      `insert into organisation_template (id, organisation_id, kind, version, file_name, size, sha256, bytes, uploaded_by_id, uploaded_at, active)
       values (?, ?, 'single', 99, 'cu.docx', ?, ?, ?, ?, now(), true)`,
      [randomUUID(), province, broken.length, sha256(broken), broken, admin.id],
    );
    try {
      const bases = { preamble: ['Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;', 'Căn cứ Chương trình công tác năm 2026.'] };
      const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(province, bases)).expect(201);
      const draft = await demo.t.as('bpt.tinh').get(`/api/plans/${plan.id}/document`).expect(400);
      expect(draft.body.errors['template.0']).toBe('thẻ {canCu} không có trong dữ liệu kế hoạch');
      for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE']]) await send(demo.t, user, plan.id, event);
      // The number is committed before the document is rendered: the plan is issued, its document pending.
      const issued = await send(demo.t, 'vt.tinh', plan.id, 'ISSUE');
      expect(issued).toMatchObject({ status: 'issued', number: expect.stringMatching(/^\d{2,}\/KH-MTTQ-BTT$/), documentHash: null });
      const pending = await demo.t.as('vt.tinh').get(`/api/plans/${plan.id}/document`).expect(400);
      expect(pending.body.errors.template).toMatch(/^Mẫu văn bản riêng của tổ chức không dùng được/);
      // Once the template is fixed, the first download renders the document, stores it and seals its hash.
      await demo.t.as('admin').delete(`${templatesOf(province)}/active?kind=single`).expect(204);
      const document = await demo.t.as('vt.tinh').get(`/api/plans/${plan.id}/document`).expect(200);
      const after = (await demo.t.as('vt.tinh').get(`/api/plans/${plan.id}`).expect(200)).body;
      expect(after).toMatchObject({ number: issued.number, documentHash: document.headers['x-content-sha256'] });
      const history = (await demo.t.as('vt.tinh').get(`/api/plans/${plan.id}/history`).expect(200)).body;
      expect(history.slice(-2).map((r: { event: string }) => r.event)).toEqual(['ISSUE', 'DOCUMENT']);
    } finally {
      await demo.t.as('admin').delete(`${templatesOf(province)}/active?kind=single`);
    }
  });

  it('is described in the OpenAPI document as a multipart upload', async () => {
    const { body } = await demo.t.http().get('/api/docs-json').expect(200);
    const upload = body.paths['/api/organisations/{id}/templates'].post;
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
    expect(upload.requestBody.content['multipart/form-data'].schema.properties).toMatchObject({
      kind: { enum: ['single', 'joint'] },
      file: { type: 'string', format: 'binary' },
    });
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/organisations/{id}/templates/{templateId}/file',
        '/api/organisations/{id}/templates/{templateId}/activate',
        '/api/organisations/{id}/templates/active',
      ]),
    );
  });
});
