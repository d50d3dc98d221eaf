/**
 * One person, two capacities (kiêm nhiệm, issue 15 item 3): pct.tinh, Phó Chủ tịch of the provincial
 * Front, is also a leader of Hội Nông dân tỉnh. On a joint plan of the Front with HND as co-issuer, she
 * co-signs for HND and approves for the Front: each signature names its organisation and title, the
 * documents (DOCX and PDF) show each block so, and her inbox holds both tasks. The capacity API and its scope.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { PlanPdfLayout } from '../../backend/src/documents/rendering/pdf/render-plan-pdf';
import { PAGE, SIGNATURE_COLUMNS } from '../../backend/src/documents/rendering/pdf/styles';
import { binary, pdfsig, workDir } from '../signing/support';
import { sql } from '../support/test-app';
import { eventBody, jointPlanContent, send, useDemoApp } from '../support/plans';
import { downloadDocument } from '../documents/api';
import { paragraphTexts } from '../documents/support';

const HND_TITLE = 'PHÓ CHỦ TỊCH THƯỜNG TRỰC';
const HND_AUTHORITY = 'TM. BAN THƯỜNG VỤ HND TỈNH';
const LDLD_AUTHORITY = 'TM. BAN THƯỜNG VỤ LĐLĐ TỈNH';

/**
 * The line under a signature block's authority in the left column of the joint plan's signature grid
 * (co-issuers first, then the issuer on the right), as poppler reads the PDF: the left column alone.
 */
function titleUnder(pdf: Buffer, authority: string): string | undefined {
  const file = join(workDir(), 'plan.pdf');
  writeFileSync(file, pdf);
  const columnWidth = Math.floor(PAGE.left + SIGNATURE_COLUMNS[0]);
  const text = execFileSync('pdftotext', ['-layout', '-x', '0', '-y', '0', '-W', String(columnWidth), '-H', String(Math.ceil(PAGE.height)), file, '-'], { encoding: 'utf8' });
  const lines = text.split('\n').map((line) => line.trim());
  const at = lines.indexOf(authority);
  return at < 0 ? undefined : lines.slice(at + 1).find(Boolean);
}

/** pdfsig's verdict on each signature of the PDF. */
function signatureVerdicts(pdf: Buffer): boolean[] {
  const file = join(workDir(), 'signed.pdf');
  writeFileSync(file, pdf);
  return pdfsig(file).split(/Signature #\d+:/).slice(1).map((report) => report.includes('Signature is Valid'));
}

interface Task {
  planId: string;
  actions: string[];
}

describe('one person, two capacities', () => {
  const demo = useDemoApp();
  beforeAll(() => demo.t.login('qt.tinh', 'qt.thuanchau', 'qt.phonglai'));
  const userId = async (username: string) =>
    (await demo.t.as('admin').get(`/api/users?filter=${encodeURIComponent(JSON.stringify({ q: username }))}`).expect(200)).body.find((u: { username: string }) => u.username === username).id as string;
  const capacitiesUrl = async (username: string) => `/api/users/${await userId(username)}/capacities`;
  const tasksOf = async (username: string): Promise<Task[]> => (await demo.t.as(username).get('/api/tasks?range=[0,99]').expect(200)).body;
  const inCoordination = async (coIssuerIds: string[]) => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(demo.orgs, coIssuerIds)).expect(201);
    await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
    await send(demo.t, 'tb.tinh', plan.id, 'FORWARD');
    return plan.id as string;
  };

  let hndCapacityId: string;

  /** The faces each issue field's filled appearance draws its text in (its Tf operators' fonts, BaseFont without the subset tag). */
  const fieldFaces = async (pdf: Buffer) => {
    const doc = await PDFDocument.load(pdf);
    const faces = (name: string) => {
      const appearance = doc.context.lookup(doc.getForm().getTextField(name).acroField.getWidgets()[0].getNormalAppearance()) as PDFRawStream;
      const fonts = appearance.dict.lookup(PDFName.of('Resources'), PDFDict).lookup(PDFName.of('Font'), PDFDict);
      const operators = Buffer.from(decodePDFRawStream(appearance).decode()).toString('latin1');
      const used = [...new Set([...operators.matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf/g)].map((match) => match[1]))];
      return used.map((font) => (fonts.lookup(PDFName.of(font), PDFDict).get(PDFName.of('BaseFont')) as PDFName).decodeText().replace(/^[A-Z]{6}\+/, ''));
    };
    return Object.fromEntries(['so', 'ngay', 'thang', 'nam'].map((name) => [name, faces(name)]));
  };

  const pdfOf = async (planId: string) => (await binary(demo.t.as('pct.tinh').get(`/api/plans/${planId}/document.pdf`)).expect(200)).body as Buffer;

  /** Whose signature block of the stored PDF the signature field lies on (its widget's left edge and page). */
  const signedBlockOwner = async (planId: string, field: string) => {
    const [{ layout }] = await sql<{ layout: PlanPdfLayout }>(demo.t, 'select layout from plan_pdf where plan_id = ?', [planId]);
    const pdf = await binary(demo.t.as('pct.tinh').get(`/api/plans/${planId}/document.pdf`)).expect(200);
    const widget = (await PDFDocument.load(pdf.body as Buffer)).getForm().getField(field).acroField.getWidgets()[0].getRectangle();
    return layout.signatureBlocks.find(({ box }) => Math.abs(box.x - widget.x) < 0.5 && widget.y <= box.y + box.height && box.y <= widget.y + widget.height)?.organisationId;
  };

  it('an administrator of the organisation gives the capacity; it holds on the next request, without a new login', async () => {
    const url = await capacitiesUrl('pct.tinh');
    const { body } = await demo.t.as('qt.tinh').post(url).send({ organisationId: demo.orgs.hnd, roles: ['leader'], title: HND_TITLE }).expect(201);
    expect(body).toEqual({ id: expect.any(String), userId: await userId('pct.tinh'), organisationId: demo.orgs.hnd, organisationName: 'Hội Nông dân tỉnh Sơn La', roles: ['leader'], title: HND_TITLE });
    hndCapacityId = body.id;
    expect((await demo.t.as('pct.tinh').get(url).expect(200)).body).toEqual([body]);
  });

  it('signs the joint plan for the co-issuer HND and approves it for the Front; rows, inbox and document agree', async () => {
    const planId = await inCoordination([demo.orgs.hnd, demo.orgs.ldld]);

    // In coordination: the SIGN for HND is hers (as it is hnd.tinh's), announced as made for HND.
    expect((await tasksOf('pct.tinh')).find((task) => task.planId === planId)?.actions).toEqual(['SIGN', 'REQUEST_CHANGES']);
    const { body: before } = await demo.t.as('pct.tinh').get(`/api/plans/${planId}`).expect(200);
    expect(before.actingFor.SIGN).toEqual([demo.orgs.hnd]);
    expect((await tasksOf('hnd.tinh')).some((task) => task.planId === planId)).toBe(true);

    await send(demo.t, 'pct.tinh', planId, 'SIGN');
    expect(await signedBlockOwner(planId, 'dong_ky_1')).toBe(demo.orgs.hnd);
    // The PDF rendered before anyone signed: her signature's revision wrote the title she signed under
    // into HND's block; LĐLĐ's shows its organisation's title until its leader signs.
    const signedForHnd = await pdfOf(planId);
    expect(titleUnder(signedForHnd, HND_AUTHORITY)).toBe(HND_TITLE);
    expect(titleUnder(signedForHnd, LDLD_AUTHORITY)).toBe('CHỦ TỊCH');
    expect(signatureVerdicts(signedForHnd)).toEqual([true]);
    // HND has signed (once, whoever signed for it): its own leader has nothing left to sign.
    expect((await tasksOf('hnd.tinh')).some((task) => task.planId === planId)).toBe(false);
    await send(demo.t, 'hnd.tinh', planId, 'SIGN', 409);
    await send(demo.t, 'ldld.tinh', planId, 'SIGN');

    expect((await tasksOf('pct.tinh')).find((task) => task.planId === planId)?.actions).toEqual(expect.arrayContaining(['APPROVE']));
    const approved = await send(demo.t, 'pct.tinh', planId, 'APPROVE');
    expect(approved.status).toBe('approved');

    const rows = await sql<{ kind: string; organisation_id: string; username: string; title: string }>(
      demo.t,
      `select s.kind, s.organisation_id, u.username, s.title from signature s join "user" u on u.id = s.user_id where s.plan_id = ? order by s.signed_at`,
      [planId],
    );
    expect(rows).toEqual([
      { kind: 'co_issuer', organisation_id: demo.orgs.hnd, username: 'pct.tinh', title: HND_TITLE },
      { kind: 'co_issuer', organisation_id: demo.orgs.ldld, username: 'ldld.tinh', title: 'CHỦ TỊCH' },
      { kind: 'approval', organisation_id: demo.orgs.province, username: 'pct.tinh', title: 'PHÓ CHỦ TỊCH' },
    ]);
    expect(approved.signatures.map((s: { organisationId: string; title: string }) => [s.organisationId, s.title])).toEqual(rows.map((r) => [r.organisation_id, r.title]));

    // Each block: the organisation's authority and the title signed under; below, "Đã ký" and the signer.
    const texts = paragraphTexts((await downloadDocument(demo.t, 'vt.tinh', planId)).bytes);
    const headOf = (authority: string) => texts.slice(texts.indexOf(authority), texts.indexOf(authority) + 2);
    expect(headOf('TM. BAN THƯỜNG VỤ HND TỈNH')).toEqual(['TM. BAN THƯỜNG VỤ HND TỈNH', HND_TITLE]);
    expect(headOf('TM. BAN THƯỜNG TRỰC')).toEqual(['TM. BAN THƯỜNG TRỰC', 'PHÓ CHỦ TỊCH']);
    expect(headOf('TM. BAN THƯỜNG VỤ LĐLĐ TỈNH')).toEqual(['TM. BAN THƯỜNG VỤ LĐLĐ TỈNH', 'CHỦ TỊCH']);
    expect(texts.filter((text) => text === 'Đã ký')).toHaveLength(3);
    expect(texts.filter((text) => text === 'Nguyễn Thị Thu Hà')).toHaveLength(2);

    // The issued PDF: every block's title as signed, and every signature still valid.
    await send(demo.t, 'vt.tinh', planId, 'ISSUE');
    const issued = await pdfOf(planId);
    expect(titleUnder(issued, HND_AUTHORITY)).toBe(HND_TITLE);
    expect(titleUnder(issued, LDLD_AUTHORITY)).toBe('CHỦ TỊCH');
    expect(signatureVerdicts(issued)).toEqual([true, true, true, true]);
    // The date filled in at ISSUE is in italics like its line; the number is upright.
    expect(await fieldFaces(issued)).toEqual({ so: ['Tinos-Regular'], ngay: ['Tinos-Italic'], thang: ['Tinos-Italic'], nam: ['Tinos-Italic'] });
  });

  it('issued without digital signatures, the PDF rendered at download prints the title she signed under', async () => {
    // No key for her nor for the Front: each signature is a record only, as on paper.
    const retired = await sql<{ id: string }>(
      demo.t,
      `update signing_credential set replaced_at = now() where replaced_at is null and (user_id = (select id from "user" where username = 'pct.tinh') or organisation_id = ?) returning id`,
      [demo.orgs.province],
    );
    expect(retired).toHaveLength(2);
    try {
      const planId = await inCoordination([demo.orgs.hnd]);
      await send(demo.t, 'pct.tinh', planId, 'SIGN');
      await send(demo.t, 'pct.tinh', planId, 'APPROVE');
      await send(demo.t, 'vt.tinh', planId, 'ISSUE');
      const pdf = await pdfOf(planId);
      expect(signatureVerdicts(pdf)).toEqual([]);
      expect(titleUnder(pdf, HND_AUTHORITY)).toBe(HND_TITLE);
    } finally {
      await sql(demo.t, `update signing_credential set replaced_at = null where id in (${retired.map(() => '?').join()})`, retired.map(({ id }) => id));
    }
  });

  it('two co-issuers she leads: the event names the organisation (400 without, 403 for one not hers to sign for)', async () => {
    const { body: ldld } = await demo.t.as('admin').post(await capacitiesUrl('pct.tinh')).send({ organisationId: demo.orgs.ldld, roles: ['leader'] }).expect(201);
    try {
      const planId = await inCoordination([demo.orgs.hnd, demo.orgs.ldld]);
      const { body: plan } = await demo.t.as('pct.tinh').get(`/api/plans/${planId}`).expect(200);
      expect(plan.actingFor.SIGN).toEqual(expect.arrayContaining([demo.orgs.hnd, demo.orgs.ldld]));

      const sign = (organisationId?: string) => demo.t.as('pct.tinh').post(`/api/plans/${planId}/events`).send({ ...eventBody('SIGN'), ...(organisationId ? { organisationId } : {}) });
      const missing = await sign().expect(400);
      expect(Object.keys(missing.body.errors)).toEqual(['organisationId']);
      // Signing on her own device asks the same question before the digest is prepared.
      const prepare = (organisationId?: string) => demo.t.as('pct.tinh').post(`/api/plans/${planId}/signing/prepare`).send({ type: 'SIGN', ...(organisationId ? { organisationId } : {}) });
      expect(Object.keys((await prepare().expect(400)).body.errors)).toEqual(['organisationId']);
      await prepare(demo.orgs.hccb).expect(403);
      await sign(demo.orgs.province).expect(403);
      await sign(demo.orgs.hccb).expect(403);
      const signed = await sign(demo.orgs.ldld).expect(200);
      expect(signed.body.signatures.map((s: { organisationId: string; title: string }) => [s.organisationId, s.title])).toEqual([[demo.orgs.ldld, 'CHỦ TỊCH']]);
      // Now only HND is left to her: implied again.
      expect(signed.body.actingFor.SIGN).toEqual([demo.orgs.hnd]);
      const both = await sign().expect(200);
      expect(both.body.status).toBe('awaiting_approval');
      expect(both.body.signatures.map((s: { organisationId: string }) => s.organisationId)).toEqual([demo.orgs.ldld, demo.orgs.hnd]);
    } finally {
      await demo.t.as('admin').delete(`${await capacitiesUrl('pct.tinh')}/${ldld.id}`).expect(204);
    }
  });

  it('the capacity API: 400, 403, 404, 409, and removal', async () => {
    const pct = await capacitiesUrl('pct.tinh');
    const bptThuanChau = await capacitiesUrl('bpt.thuanchau');

    const invalid = async (body: object, field: string) => {
      const response = await demo.t.as('admin').post(pct).send(body).expect(400);
      expect(Object.keys(response.body.errors)).toContain(field);
    };
    await invalid({ organisationId: demo.orgs.province, roles: ['leader'] }, 'organisationId');
    await invalid({ organisationId: '00000000-0000-4000-8000-000000000000', roles: ['leader'] }, 'organisationId');
    await invalid({ organisationId: demo.orgs.hccb, roles: [] }, 'roles');
    await invalid({ organisationId: demo.orgs.hccb, roles: ['sysadmin'] }, 'roles');

    const duplicate = await demo.t.as('admin').post(pct).send({ organisationId: demo.orgs.hnd, roles: ['clerk'] }).expect(409);
    expect(duplicate.body.message).toContain('Hội Nông dân tỉnh Sơn La');
    // Nor may the account move into an organisation it already holds a capacity in.
    const moved = await demo.t.as('admin').put(`/api/users/${await userId('pct.tinh')}`).send({ organisationId: demo.orgs.hnd }).expect(400);
    expect(Object.keys(moved.body.errors)).toEqual(['organisationId']);

    // Thuận Châu's administrator: a capacity in its subtree, not at the province's member organisations.
    await demo.t.as('qt.thuanchau').post(bptThuanChau).send({ organisationId: demo.orgs.hnd, roles: ['drafter'] }).expect(403);
    const { body: commune } = await demo.t.as('qt.thuanchau').post(bptThuanChau).send({ organisationId: demo.orgs.phongLai, roles: ['drafter'] }).expect(201);
    await demo.t.as('qt.thuanchau').delete(`${pct}/${hndCapacityId}`).expect(403);
    // A drafter of the province is no one Phổng Lái's administrator sees.
    await demo.t.as('qt.phonglai').get(await capacitiesUrl('bpt.tinh')).expect(404);
    await demo.t.as('qt.thuanchau').delete(`${bptThuanChau}/00000000-0000-4000-8000-000000000000`).expect(404);
    // A capacity is removed through its own user only.
    await demo.t.as('admin').delete(`${pct}/${commune.id}`).expect(404);
    await demo.t.as('qt.thuanchau').delete(`${bptThuanChau}/${commune.id}`).expect(204);
    expect((await demo.t.as('qt.thuanchau').get(bptThuanChau).expect(200)).body).toEqual([]);
  });

  it('without the capacity, HND is no longer hers: neither the task nor the event', async () => {
    const planId = await inCoordination([demo.orgs.hnd]);
    expect((await tasksOf('pct.tinh')).some((task) => task.planId === planId)).toBe(true);
    await demo.t.as('admin').delete(`${await capacitiesUrl('pct.tinh')}/${hndCapacityId}`).expect(204);
    expect((await tasksOf('pct.tinh')).some((task) => task.planId === planId)).toBe(false);
    await send(demo.t, 'pct.tinh', planId, 'SIGN', 403);
  });
});
