import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { createDemoCa, demoSealImage, demoSignatureImage, issueDemoCertificate, signWithKey } from '../../backend/src/signing';
import { jointPlanContent, planContent, send, useDemoApp } from '../support/plans';
import { startTestApp, type TestApp } from '../support/test-app';
import { binary, extractSignatures, opensslVerify, pdfsig, workDir } from './support';


async function pdfOf(t: TestApp, user: string, planId: string) {
  const response = await binary(t.as(user).get(`/api/plans/${planId}/document.pdf`)).expect(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  return { bytes: response.body as Buffer, sha256: response.headers['x-content-sha256'] as string | undefined };
}

/** The CA certificate a CMS carries (the self-signed one), for openssl as an independent verifier. */
function caOf(cms: Buffer, dir: string): string {
  const file = join(dir, 'chain.der');
  writeFileSync(file, cms);
  const pems = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-in', file, '-print_certs'], { encoding: 'utf8' });
  const blocks = pems.split(/(?=subject=)/).filter((b) => b.includes('BEGIN CERTIFICATE'));
  const root = blocks.find((b) => /subject=(.*)\nissuer=\1\n/.test(b)) ?? blocks.find((b) => b.includes('THỬ NGHIỆM') || b.includes('TH\\xE1'));
  return root!.slice(root!.indexOf('-----BEGIN'));
}

describe('the issued plan as a signed PDF (PAdES), keys held by the server', () => {
  const demo = useDemoApp();

  it('joint plan: each co-issuer, the leader, then the organisation with number and date; pdfsig and openssl agree', async () => {
    const coIssuers = [demo.orgs.ldld, demo.orgs.hnd];
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(demo.orgs, coIssuers)).expect(201);
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['ldld.tinh', 'SIGN'], ['hnd.tinh', 'SIGN'], ['pct.tinh', 'APPROVE']]) {
      await send(demo.t, user, plan.id, event);
    }
    const beforeIssue = await pdfOf(demo.t, 'bpt.tinh', plan.id);
    expect(beforeIssue.sha256).toBeUndefined();
    const issued = await send(demo.t, 'vt.tinh', plan.id, 'ISSUE');

    const { bytes, sha256 } = await pdfOf(demo.t, 'bpt.tinh', plan.id);
    expect(bytes.subarray(0, beforeIssue.bytes.length).equals(beforeIssue.bytes)).toBe(true); // an incremental update
    const history = (await demo.t.as('bpt.tinh').get(`/api/plans/${plan.id}/history`).expect(200)).body as { event: string; details: Record<string, string> }[];
    expect(history.find((r) => r.event === 'ISSUE')!.details.pdfHash).toBe(sha256);

    const dir = workDir();
    const file = join(dir, 'issued.pdf');
    writeFileSync(file, bytes);
    const report = pdfsig(file);
    const signatures = report.split(/Signature #\d+:/).slice(1);
    expect(signatures).toHaveLength(4);
    expect(signatures.every((s) => s.includes('Signature is Valid'))).toBe(true);
    expect(signatures.slice(0, 3).every((s) => s.includes('Not total document signed'))).toBe(true);
    expect(signatures[3]).toContain('Total document signed');
    expect(signatures[3]).toContain('Ủy ban MTTQ Việt Nam tỉnh Sơn La');

    const extracted = extractSignatures(bytes);
    const ca = caOf(extracted[0].cms, dir);
    extracted.forEach(({ cms, content }, i) => expect(opensslVerify(dir, i, cms, content, ca)).toContain('Verification successful'));

    // The number and date the clerk gave are in the text of the page, where the blanks were.
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const [number] = issued.number.split('/');
    expect(text).toMatch(new RegExp(`Số:\\s*${number}\\s*/KH-MTTQ-BTT`));

    const verified = (await demo.t.as('ldld.tinh').get(`/api/plans/${plan.id}/signatures/verify`).expect(200)).body.signatures;
    expect(verified.map((s: { signer: string }) => s.signer)).toEqual(['Quàng Văn Bình', 'Lường Văn Chiến', 'Nguyễn Thị Thu Hà', 'Ủy ban MTTQ Việt Nam tỉnh Sơn La']);
    expect(verified.every((s: { valid: boolean }) => s.valid)).toBe(true);
    expect(verified.map((s: { coversWholeDocument: boolean }) => s.coversWholeDocument)).toEqual([false, false, false, true]);

    // One byte changed inside the signed range: every signature over it is invalid, here and for pdfsig.
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('/Producer');
    tampered[at + 1] = 'Q'.charCodeAt(0);
    const checked = (await demo.t.as('bpt.tinh').post('/api/documents/verify').attach('file', tampered, 'tampered.pdf').expect(200)).body.signatures;
    expect(checked).toHaveLength(4);
    expect(checked.every((s: { valid: boolean }) => !s.valid)).toBe(true);
    expect(checked[0].problems.map((p: { code: string }) => p.code)).toContain('DIGEST_MISMATCH');
    writeFileSync(join(dir, 'tampered.pdf'), tampered);
    expect(pdfsig(join(dir, 'tampered.pdf'))).toContain('Digest Mismatch');
  });

  it('a wrong PIN is a 400 at the PIN field, counted like a failed login, and changes nothing', async () => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
    await send(demo.t, 'tb.tinh', plan.id, 'FORWARD');
    const wrong = await demo.t.as('pct.tinh').post(`/api/plans/${plan.id}/events`).send({ type: 'APPROVE', pin: '000000' }).expect(400);
    expect(wrong.body.errors.pin).toBe('mã PIN không đúng');
    const missing = await demo.t.as('pct.tinh').post(`/api/plans/${plan.id}/events`).send({ type: 'APPROVE' }).expect(400);
    expect(missing.body.errors.pin).toMatch(/cần mã PIN/);
    const after = (await demo.t.as('pct.tinh').get(`/api/plans/${plan.id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'awaiting_approval', signatures: [] });
    expect((await demo.t.as('pct.tinh').get(`/api/plans/${plan.id}/signatures/verify`).expect(200)).body.signatures).toEqual([]);
    await send(demo.t, 'pct.tinh', plan.id, 'APPROVE');
  });

  it('before anyone signs, the PDF is a draft marked "DỰ THẢO"', async () => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    const { bytes } = await pdfOf(demo.t, 'bpt.tinh', plan.id);
    const dir = workDir();
    writeFileSync(join(dir, 'draft.pdf'), bytes);
    expect(execFileSync('pdftotext', [join(dir, 'draft.pdf'), '-'], { encoding: 'utf8' })).toContain('DỰ THẢO');
  });

  it('recall keeps the signed PDF, the issued revision intact inside it, and marks every page recalled in red', async () => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE']]) await send(demo.t, user, plan.id, event);
    const issued = await pdfOf(demo.t, 'bpt.tinh', plan.id);
    await send(demo.t, 'pct.tinh', plan.id, 'RECALL', 200, 'Sai số liệu chỉ tiêu');

    const recalled = await pdfOf(demo.t, 'bpt.tinh', plan.id);
    expect(recalled.bytes.subarray(0, issued.bytes.length).equals(issued.bytes)).toBe(true);
    expect(recalled.bytes.length).toBeGreaterThan(issued.bytes.length);
    const history = (await demo.t.as('bpt.tinh').get(`/api/plans/${plan.id}/history`).expect(200)).body as { event: string; details: Record<string, string> | null }[];
    expect(history.find((r) => r.event === 'ISSUE')!.details!.pdfHash).toBe(issued.sha256);
    expect(history.find((r) => r.event === 'RECALL')!.details!.pdfHash).toBe(recalled.sha256);

    const dir = workDir();
    const file = join(dir, 'recalled.pdf');
    writeFileSync(file, recalled.bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((page) => expect(page).toMatch(/VĂN BẢN ĐÃ BỊ THU HỒI NGÀY \d{2}\/\d{2}\/\d{4}\s+Lý do: Sai số liệu chỉ tiêu/));
    const signatures = pdfsig(file).split(/Signature #\d+:/).slice(1);
    expect(signatures).toHaveLength(2);
    expect(signatures.every((s) => s.includes('Signature is Valid') && s.includes('Not total document signed'))).toBe(true);
    const verified = (await demo.t.as('bpt.tinh').get(`/api/plans/${plan.id}/signatures/verify`).expect(200)).body.signatures;
    expect(verified.map((s: { valid: boolean; coversWholeDocument: boolean }) => [s.valid, s.coversWholeDocument])).toEqual([[true, false], [true, false]]);
  });

  it('uploaded PDFs: not a PDF, nothing, or signed by an unknown CA get a clear answer', async () => {
    const notPdf = await demo.t.as('bpt.tinh').post('/api/documents/verify').attach('file', Buffer.from('hello'), 'a.pdf').expect(400);
    expect(notPdf.body.errors.file).toMatch(/không phải văn bản PDF/);
    await demo.t.as('bpt.tinh').post('/api/documents/verify').expect(400);
  });

  // Last in this app: it leaves pct.tinh's PIN locked for the window.
  it('ten wrong PINs lock the key like ten wrong passwords: then even the right PIN waits (429)', async () => {
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
    await send(demo.t, 'tb.tinh', plan.id, 'FORWARD');
    // The wrong PIN of the test above was the first of the ten.
    for (let i = 0; i < 9; i++) await demo.t.as('pct.tinh').post(`/api/plans/${plan.id}/events`).send({ type: 'APPROVE', pin: `wrong-${i}` }).expect(400);
    const locked = await demo.t.as('pct.tinh').post(`/api/plans/${plan.id}/events`).send({ type: 'APPROVE', pin: 'kehoach2026' }).expect(429);
    expect(locked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });
});

describe('keys uploaded by an administrator: checked against the trusted roots, the holder and the PIN', () => {
  const ca = createDemoCa();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ signing: { masterKey: Buffer.alloc(32, 0x5a), trustedRoots: [ca.certificatePem], tsaUrl: null } });
    await t.login('admin', 'qt.thuanchau', 'pct.tinh', 'bpt.tinh', 'tb.tinh', 'vt.tinh');
  });
  afterAll(() => t.close());

  const userId = async (username: string) => ((await t.as('admin').get(`/api/users?filter=${JSON.stringify({ q: username })}`).expect(200)).body as { id: string; username: string }[]).find((u) => u.username === username)!.id;
  const p12For = (commonName: string, extra: { validTo?: Date; validFrom?: Date } = {}) =>
    issueDemoCertificate(ca, { commonName, organisation: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La', kind: 'person', pin: '2468', validFrom: extra.validFrom ?? new Date(Date.now() - 3600e3), validTo: extra.validTo ?? new Date(Date.now() + 3600e3 * 24 * 365) }).pkcs12;

  it('a PKCS#12 of the right person opens with its PIN and replaces the demo key; signing then needs the new PIN', async () => {
    const id = await userId('pct.tinh');
    const uploaded = await t.as('admin').put(`/api/users/${id}/signing/credential`).field('pin', '2468').attach('file', p12For('Nguyễn Thị Thu Hà'), 'key.p12').expect(200);
    expect(uploaded.body.subject).toContain('Nguyễn Thị Thu Hà');
    const { body: plan } = await t.as('bpt.tinh').post('/api/plans').send(planContent((await t.as('pct.tinh').get('/api/me').expect(200)).body.organisation.id)).expect(201);
    await send(t, 'bpt.tinh', plan.id, 'SUBMIT');
    await send(t, 'tb.tinh', plan.id, 'FORWARD');
    expect((await t.as('pct.tinh').post(`/api/plans/${plan.id}/events`).send({ type: 'APPROVE', pin: 'kehoach2026' }).expect(400)).body.errors.pin).toBe('mã PIN không đúng');
    await t.as('pct.tinh').post(`/api/plans/${plan.id}/events`).send({ type: 'APPROVE', pin: '2468' }).expect(200);
    const info = (await t.as('admin').get(`/api/users/${id}/signing`).expect(200)).body;
    expect(info).toMatchObject({ credential: { subject: expect.stringContaining('Nguyễn Thị Thu Hà') }, image: true });
  });

  it('refuses the wrong PIN, another person\'s certificate, an expired one, a foreign CA, and a file that is not PKCS#12', async () => {
    const id = await userId('pct.tinh');
    const put = () => t.as('admin').put(`/api/users/${id}/signing/credential`);
    expect((await put().field('pin', '1111').attach('file', p12For('Nguyễn Thị Thu Hà'), 'k.p12').expect(400)).body.errors.pin).toBeTruthy();
    expect((await put().field('pin', '2468').attach('file', p12For('Người Khác'), 'k.p12').expect(400)).body.errors.file).toMatch(/không phải của "Nguyễn Thị Thu Hà"/);
    const expired = p12For('Nguyễn Thị Thu Hà', { validFrom: new Date(Date.now() - 3600e3 * 48), validTo: new Date(Date.now() - 3600e3 * 24) });
    expect((await put().field('pin', '2468').attach('file', expired, 'k.p12').expect(400)).body.errors.file).toMatch(/Nguyễn Thị Thu Hà/);
    const foreign = issueDemoCertificate(createDemoCa(), { commonName: 'Nguyễn Thị Thu Hà', organisation: 'X', kind: 'person', pin: '2468', validFrom: new Date(Date.now() - 3600e3), validTo: new Date(Date.now() + 3600e3 * 24) }).pkcs12;
    expect((await put().field('pin', '2468').attach('file', foreign, 'k.p12').expect(400)).body.errors.file).toBeTruthy();
    expect((await put().field('pin', '2468').attach('file', Buffer.from('not a p12'), 'k.p12').expect(400)).body.errors.file).toBeTruthy();
  });

  it('signing on a USB token: the server prepares the digest, the token returns a CMS, the server checks and embeds it', async () => {
    const orgId = (await t.as('pct.tinh').get('/api/me').expect(200)).body.organisation.id;
    const { body: plan } = await t.as('bpt.tinh').post('/api/plans').send(planContent(orgId)).expect(201);
    await send(t, 'bpt.tinh', plan.id, 'SUBMIT');
    await send(t, 'tb.tinh', plan.id, 'FORWARD');
    const prepared = (await t.as('pct.tinh').post(`/api/plans/${plan.id}/signing/prepare`).send({ type: 'APPROVE' }).expect(200)).body;
    expect(prepared).toMatchObject({ preparationId: expect.any(String), digestAlgorithm: 'SHA-256' });
    const digest = Buffer.from(prepared.digest, 'base64');
    expect(digest).toHaveLength(32);

    const approve = (cms: Buffer) => t.as('pct.tinh').post(`/api/plans/${plan.id}/events`).send({ type: 'APPROVE', externalSignature: { preparationId: prepared.preparationId, cms: cms.toString('base64') } });
    const wrongDigest = await approve(tokenSign(randomBytes(32), 'Nguyễn Thị Thu Hà')).expect(400);
    expect(wrongDigest.body.errors.externalSignature).toBeTruthy();
    const someoneElse = await approve(tokenSign(digest, 'Người Khác')).expect(400);
    expect(someoneElse.body.errors.externalSignature).toMatch(/không phải của "Nguyễn Thị Thu Hà"/);
    expect((await t.as('pct.tinh').get(`/api/plans/${plan.id}`).expect(200)).body.status).toBe('awaiting_approval');

    expect((await approve(tokenSign(digest, 'Nguyễn Thị Thu Hà')).expect(200)).body.status).toBe('approved');
    await send(t, 'vt.tinh', plan.id, 'ISSUE');
    const verified = (await t.as('bpt.tinh').get(`/api/plans/${plan.id}/signatures/verify`).expect(200)).body.signatures;
    expect(verified.map((s: { signer: string; valid: boolean }) => [s.signer, s.valid])).toEqual([['Nguyễn Thị Thu Hà', true], ['Ủy ban MTTQ Việt Nam tỉnh Sơn La', true]]);
    const dir = workDir();
    writeFileSync(join(dir, 'token.pdf'), (await binary(t.as('bpt.tinh').get(`/api/plans/${plan.id}/document.pdf`)).expect(200)).body);
    expect(pdfsig(join(dir, 'token.pdf')).match(/Signature is Valid/g)).toHaveLength(2);
  });

  /** The USB token's software: its key read out of a PKCS#12 by openssl, the CMS made over the digest it is given. */
  function tokenSign(digest: Buffer, commonName: string): Buffer {
    const dir = workDir();
    writeFileSync(join(dir, 'token.p12'), p12For(commonName));
    const pem = execFileSync('openssl', ['pkcs12', '-in', join(dir, 'token.p12'), '-nodes', '-passin', 'pass:2468'], { encoding: 'utf8' });
    const key = createPrivateKey(pem.slice(pem.indexOf('-----BEGIN PRIVATE KEY-----')));
    const certificate = pem.slice(pem.indexOf('-----BEGIN CERTIFICATE-----'), pem.indexOf('-----END CERTIFICATE-----') + 25);
    return signWithKey(digest, { privateKey: key, certificate, chain: [ca.certificatePem] });
  }

  it('the signature image and the seal are served back as uploaded, for the administrators to see; a demo certificate says it is a test one', async () => {
    const id = await userId('pct.tinh');
    const orgId = (await t.as('pct.tinh').get('/api/me').expect(200)).body.organisation.id;
    const signature = demoSignatureImage('Hà');
    await t.as('admin').put(`/api/users/${id}/signing/image`).attach('file', signature, 'chu-ky.png').expect(200);
    const image = await binary(t.as('admin').get(`/api/users/${id}/signing/image`)).expect(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((image.body as Buffer).equals(signature)).toBe(true);
    const seal = demoSealImage('Ủy ban MTTQ Việt Nam tỉnh Sơn La');
    await t.as('admin').put(`/api/organisations/${orgId}/signing/seal`).field('diameterMm', '40').attach('file', seal, 'con-dau.png').expect(200);
    expect((await binary(t.as('admin').get(`/api/organisations/${orgId}/signing/seal`)).expect(200)).body.equals(seal)).toBe(true);
    expect((await t.as('admin').get(`/api/organisations/${orgId}/signing`).expect(200)).body).toMatchObject({ credential: { test: true }, seal: { diameterMm: 40 } });
    await t.as('qt.thuanchau').get(`/api/users/${id}/signing/image`).expect(403);
  });

  it('an administrator outside the holder\'s organisation gets 403', async () => {
    const id = await userId('pct.tinh');
    await t.as('qt.thuanchau').put(`/api/users/${id}/signing/credential`).field('pin', '2468').attach('file', p12For('Nguyễn Thị Thu Hà'), 'k.p12').expect(403);
  });
});

