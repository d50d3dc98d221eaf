/**
 * GET /api/plans/:id/document end to end (DESIGN §7): a "DỰ THẢO" draft rendered on demand before
 * issue; at ISSUE the final DOCX rendered once, stored and served byte for byte with its SHA-256.
 */
import { createHash } from 'node:crypto';
import { DOCX_CONTENT_TYPE } from '../../backend/src/documents/documents.service';
import { checkDocxFormat } from '../../backend/src/documents/rendering';
import { vietnamDay } from '../../backend/src/core/reporting-calendar';
import { formatLongDate } from '../../backend/src/core/vietnamese-date';
import { planContent, send, useDemoApp } from '../support/plans';
import { downloadDocument, issueAsDemoUsers } from './api';
import { paragraphTexts } from './support';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The UTF-8 file name of a Content-Disposition header (RFC 6266 `filename*`), or its plain `filename`. */
function fileNameOf(contentDisposition: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(contentDisposition);
  return utf8 ? decodeURIComponent(utf8[1]) : /filename="([^"]*)"/.exec(contentDisposition)![1];
}

describe('the plan document: draft before issue, the stored original after', () => {
  const demo = useDemoApp();
  /** Names change only by the recorded rename (organisation-changes/), from today. */
  const rename = (organisationId: string, names: Record<string, string>) =>
    demo.t.as('admin').post(`/api/organisations/${organisationId}/rename`).send({ ...names, effectiveOn: vietnamDay(new Date()) }).expect(200);

  it('before issue: a draft marked "DỰ THẢO", number and day left blank, no hash', async () => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    const draft = await downloadDocument(demo.t, 'bpt.tinh', plan.id);
    expect(draft.contentType).toBe(DOCX_CONTENT_TYPE);
    expect(draft.sha256).toBeUndefined();
    expect(fileNameOf(draft.contentDisposition)).toBe('du-thao-KH-MTTQ-BTT-v1.docx');
    expect(checkDocxFormat(draft.bytes, { draft: true, signatureBlocks: 1, appendix: false })).toEqual([]);
    const texts = paragraphTexts(draft.bytes);
    expect(texts).toEqual(expect.arrayContaining(['DỰ THẢO', 'Số: /KH-MTTQ-BTT', expect.stringMatching(/^Sơn La, ngày tháng năm \d{4}$/)]));

    // Approved but not yet issued: still a draft, now carrying the approving leader's name.
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE']]) await send(demo.t, user, plan.id, event);
    const approved = await downloadDocument(demo.t, 'vt.tinh', plan.id);
    expect(approved.sha256).toBeUndefined();
    expect(checkDocxFormat(approved.bytes, { draft: true, signatureBlocks: 1 })).toEqual([]);
    expect(paragraphTexts(approved.bytes)).toEqual(expect.arrayContaining(['DỰ THẢO', 'Đã ký', 'Nguyễn Thị Thu Hà']));
  });

  it('at ISSUE: rendered once, stored, and served byte for byte with its SHA-256 everywhere it is recorded', async () => {
    const issued = await issueAsDemoUsers(demo.t, planContent(demo.orgs.province));
    const first = await downloadDocument(demo.t, 'vt.tinh', issued.id);
    const second = await downloadDocument(demo.t, 'bpt.tinh', issued.id);
    expect(second.bytes.equals(first.bytes)).toBe(true);

    const hash = sha256(first.bytes);
    expect(first.sha256).toBe(hash);
    expect(second.sha256).toBe(hash);
    expect(issued.documentHash).toBe(hash);
    const history = (await demo.t.as('bpt.tinh').get(`/api/plans/${issued.id}/history`).expect(200)).body;
    // The PDF's hash is sealed by the ISSUE record itself: the organisation's signature is made inside it.
    expect(history.find((record: { event: string }) => record.event === 'ISSUE').details).toEqual({ number: issued.number, pdfHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(history.find((record: { event: string }) => record.event === 'DOCUMENT').details).toEqual({ documentHash: hash });

    expect(issued.number).toMatch(/^\d{2,}\/KH-MTTQ-BTT$/);
    expect(fileNameOf(first.contentDisposition)).toBe(`${issued.number.replace('/', '-')}.docx`);
    expect(first.contentDisposition).toMatch(/^attachment; filename="\d{2,}-KH-MTTQ-BTT\.docx"$/);
    const date = formatLongDate(new Date(issued.issuedAt));
    expect(checkDocxFormat(first.bytes, { draft: false, number: issued.number, date, signatureBlocks: 1, appendix: false })).toEqual([]);
  });

  it('after ISSUE, renaming the issuer changes new drafts but not the issued document', async () => {
    const issued = await issueAsDemoUsers(demo.t, planContent(demo.orgs.province));
    const before = await downloadDocument(demo.t, 'vt.tinh', issued.id);
    const original = (await demo.t.as('admin').get(`/api/organisations/${demo.orgs.province}`).expect(200)).body.name;
    await rename(demo.orgs.province, { name: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La mới' });
    try {
      const after = await downloadDocument(demo.t, 'vt.tinh', issued.id);
      expect(after.bytes.equals(before.bytes)).toBe(true);
      expect(after.sha256).toBe(issued.documentHash);
      const { body: draft } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
      expect(paragraphTexts((await downloadDocument(demo.t, 'bpt.tinh', draft.id)).bytes)).toContain('ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA MỚI');
      expect(paragraphTexts(after.bytes)).not.toContain('ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA MỚI');
    } finally {
      await rename(demo.orgs.province, { name: original });
    }
  });

  it('is not found for a user who may not read the plan', async () => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    await demo.t.as('bpt.thuanchau').get(`/api/plans/${plan.id}/document`).expect(404);
    await demo.t.as('bpt.tinh').get('/api/plans/00000000-0000-4000-8000-000000000000/document').expect(404);
  });

  it('names the file in UTF-8 when the symbol has a letter outside Latin-1 ("Đ")', async () => {
    const { name } = (await demo.t.as('admin').get(`/api/organisations/${demo.orgs.mocChau}`).expect(200)).body;
    await rename(demo.orgs.mocChau, { name, symbol: 'MTTQ-ĐB' });
    const user = 'bpt.mocchau'; // holds every workflow role of Mộc Châu
    const { body: plan } = await demo.t.as(user).post('/api/plans').send(planContent(demo.orgs.mocChau, { place: 'Mộc Châu' })).expect(201);
    const draft = await downloadDocument(demo.t, user, plan.id);
    expect(fileNameOf(draft.contentDisposition)).toBe('du-thao-KH-MTTQ-ĐB-v1.docx');
    for (const event of ['SUBMIT', 'FORWARD', 'APPROVE']) await send(demo.t, user, plan.id, event);
    const issued = await send(demo.t, user, plan.id, 'ISSUE');
    const file = await downloadDocument(demo.t, user, plan.id);
    expect(issued.number).toBe('01/KH-MTTQ-ĐB');
    expect(fileNameOf(file.contentDisposition)).toBe('01-KH-MTTQ-ĐB.docx');
    expect(checkDocxFormat(file.bytes, { draft: false, number: '01/KH-MTTQ-ĐB' })).toEqual([]);
  });
});
