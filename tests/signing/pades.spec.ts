/**
 * The plan's signing chain end to end — leader, co-issuer, then the clerk (fields, stamp, seal) —
 * checked by real verifiers: poppler's pdfsig and `openssl cms -verify`, plus the library's own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DemoCa, SigningError, defaultSignatureText, demoSealImage, demoSignatureImage, formatVietnamTime, prepareSignature, sealBox,
  verifyPdfSignatures,
} from '../../backend/src/signing';
import {
  LEADER_BOX, Signer, countPixels, createDemoCa, extractSignatures, issue, makePlanPdf, opensslVerify, pdfsig, renderPage, signOnServer, workDir,
} from './support';

const ORGANISATION = 'Ủy ban MTTQ Việt Nam tỉnh Bắc Ninh';
const CO_ISSUER_BOX = { page: 0, x: 80, y: 180, width: 180, height: 70 };

describe('signing chain: leader → co-issuer → clerk with the organisation seal', () => {
  let dir: string;
  let ca: DemoCa;
  let leader: Signer;
  let coIssuer: Signer;
  let organisation: Signer;
  let final: Buffer;
  let t1: Date;
  const timings: string[] = [];

  beforeAll(async () => {
    dir = workDir();
    ca = createDemoCa();
    leader = issue(ca, 'Nguyễn Văn An', ORGANISATION);
    coIssuer = issue(ca, 'Trần Thị Bình', 'Hội Liên hiệp Phụ nữ tỉnh Bắc Ninh');
    organisation = issue(ca, '', ORGANISATION, 'organisation');
    const pdf = await makePlanPdf();
    // Signing times within the certificates' validity (from a day ago), whole seconds as PDF dates keep them.
    t1 = new Date(Math.floor(Date.now() / 1000) * 1000 - 6 * 3600e3);
    const first = await signOnServer(pdf, {
      fieldName: 'lanh_dao', box: LEADER_BOX, appearance: { kind: 'image', image: demoSignatureImage(leader.name) },
      signerName: leader.name, reason: 'Phê duyệt kế hoạch', location: 'Bắc Ninh', signingTime: t1,
    }, leader);
    const t2 = new Date(t1.getTime() + 3600e3);
    const second = await signOnServer(first.signed, {
      fieldName: 'dong_ban_hanh_1', box: CO_ISSUER_BOX,
      // No image for this signer: the text appearance (Vietnamese, Tinos).
      appearance: { kind: 'text', lines: defaultSignatureText(coIssuer.name, 'Hội Liên hiệp Phụ nữ tỉnh Bắc Ninh', formatVietnamTime(t2)) },
      signerName: coIssuer.name, reason: 'Đồng ban hành', signingTime: t2,
    }, coIssuer);
    const t3 = new Date(t1.getTime() + 2.5 * 3600e3);
    const third = await signOnServer(second.signed, {
      fieldName: 'to_chuc', box: LEADER_BOX, appearance: { kind: 'seal', image: demoSealImage(ORGANISATION), diameterMm: 36 },
      signerName: ORGANISATION, reason: 'Ban hành', signingTime: t3,
      fills: [{ name: 'so', value: '12' }, { name: 'ngay', value: '30' }, { name: 'thang', value: '11' }, { name: 'nam', value: '2026' }],
      stamps: [{ page: 1, lines: ['12/KH-MTTQ', formatVietnamTime(t3)] }],
    }, organisation);
    final = third.signed;
    writeFileSync(join(dir, 'signed.pdf'), final);
    timings.push(...[first, second, third].map((step, i) => `signature ${i + 1}: ${step.ms.toFixed(0)} ms (prepare+sign+embed)`));
  });

  afterAll(() => console.log(`${timings.join('\n')}\nfiles in ${dir}`));

  it('pdfsig reports every signature valid and the last covering the whole document', () => {
    const output = pdfsig(join(dir, 'signed.pdf'));
    const signatures = output.split(/Signature #\d+:/).slice(1);
    expect(signatures).toHaveLength(3);
    for (const signature of signatures) expect(signature).toContain('Signature Validation: Signature is Valid.');
    expect(signatures[2]).toContain('Total document signed');
    expect(signatures[0]).not.toContain('Total document signed');
    expect(output).toContain('Signature Field Name: to_chuc');
    expect(output).toContain('Signature Type: ETSI.CAdES.detached');
  });

  it('openssl cms -verify accepts every extracted signature against the demo CA', () => {
    const signatures = extractSignatures(final);
    expect(signatures).toHaveLength(3);
    signatures.forEach(({ cms, content }, index) => {
      expect(opensslVerify(dir, index, cms, content, ca.certificatePem)).toContain('CMS Verification successful');
    });
  });

  it('the library verifier agrees, with signer, organisation, time, revision and coverage', async () => {
    const started = performance.now();
    const reports = await verifyPdfSignatures(final, { trustedRoots: [ca.certificatePem] });
    timings.push(`verify (3 signatures): ${(performance.now() - started).toFixed(0)} ms`);
    expect(reports.map((report) => [report.fieldName, report.signer, report.valid, report.revision, report.coversWholeDocument])).toEqual([
      ['lanh_dao', 'Nguyễn Văn An', true, 1, false],
      ['dong_ban_hanh_1', 'Trần Thị Bình', true, 2, false],
      ['to_chuc', ORGANISATION, true, 3, true],
    ]);
    expect(reports[0].organisation).toBe(ORGANISATION);
    expect(reports[0].signingTime?.toISOString()).toBe(t1.toISOString());
    expect(reports[0].reason).toBe('Phê duyệt kế hoạch');
    expect(reports[2].issuer).toContain('CA THỬ NGHIỆM');
    expect(reports.every((report) => report.problems.length === 0)).toBe(true);
  });

  it('one byte changed inside the signed ranges: pdfsig and the library say invalid', async () => {
    const tampered = Buffer.from(final);
    // One hex digit of /Producer in the Info dictionary (revision 0, covered by all three signatures).
    const at = tampered.indexOf('/Producer <FEFF') + '/Producer <FEFF00'.length;
    tampered[at] = tampered[at] === 0x37 ? 0x36 : 0x37;
    writeFileSync(join(dir, 'tampered.pdf'), tampered);
    const output = pdfsig(join(dir, 'tampered.pdf'));
    expect(output).not.toContain('Signature is Valid');
    expect(output).toContain('Digest Mismatch');
    const reports = await verifyPdfSignatures(tampered, { trustedRoots: [ca.certificatePem] });
    expect(reports).toHaveLength(3);
    for (const report of reports) {
      expect(report.valid).toBe(false);
      expect(report.problems.map((problem) => problem.code)).toContain('DIGEST_MISMATCH');
      expect(report.problems[0].message).toMatch(/bị thay đổi/);
    }
  });

  it('the untrusted roots make every signature untrusted, with the certificate named', async () => {
    const other = createDemoCa();
    const reports = await verifyPdfSignatures(final, { trustedRoots: [other.certificatePem] });
    expect(reports.every((report) => !report.valid && report.problems.some((problem) => problem.code === 'UNTRUSTED'))).toBe(true);
    expect(reports[0].problems.find((problem) => problem.code === 'UNTRUSTED')?.message).toContain('Nguyễn Văn An');
  });

  it('draws the signature, the seal, the filled fields and the stamp', () => {
    const dpi = 50;
    const page = renderPage(join(dir, 'signed.pdf'), 0, dpi);
    const blue = countPixels(page, { ...LEADER_BOX, x: LEADER_BOX.x + LEADER_BOX.width / 3 }, dpi, ([r, , b]) => b > 120 && r < 120);
    const red = countPixels(page, sealBox(LEADER_BOX, 36), dpi, ([r, g, b]) => r > 150 && g < 110 && b < 110);
    const text = countPixels(page, CO_ISSUER_BOX, dpi, ([r, g, b]) => r + g + b < 300);
    const numberField = countPixels(page, { page: 0, x: 92, y: 716, width: 48, height: 16 }, dpi, ([r, g, b]) => r + g + b < 300);
    expect({ blue: blue > 20, red: red > 50, text: text > 20, numberField: numberField > 3 }).toEqual({ blue: true, red: true, text: true, numberField: true });
    const appendix = renderPage(join(dir, 'signed.pdf'), 1, dpi);
    const stamp = countPixels(appendix, { page: 1, x: 380, y: 760, width: 160, height: 60 }, dpi, ([r, g, b]) => r + g + b < 300);
    expect(stamp).toBeGreaterThan(10);
  });

  it('a second signature under an existing field name, or a certification after a signature, is refused', async () => {
    await expect(prepareSignature(final, {
      fieldName: 'lanh_dao', box: LEADER_BOX, appearance: { kind: 'invisible' }, signerName: 'x', signingTime: new Date(),
    })).rejects.toMatchObject({ code: 'FIELD_EXISTS' });
    await expect(prepareSignature(final, {
      fieldName: 'moi', box: LEADER_BOX, appearance: { kind: 'invisible' }, signerName: 'x', signingTime: new Date(), certify: { permission: 2 },
    })).rejects.toBeInstanceOf(SigningError);
    await expect(prepareSignature(final, {
      fieldName: 'moi', box: { ...LEADER_BOX, page: 7 }, appearance: { kind: 'invisible' }, signerName: 'x', signingTime: new Date(),
    })).rejects.toMatchObject({ code: 'INVALID_BOX' });
  });
});
