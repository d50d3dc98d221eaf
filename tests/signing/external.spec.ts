/**
 * External signing (a USB token stands in), signatures made by another tool (openssl cms) and
 * under another CA, PDFs with cross-reference streams, and certification (DocMDP).
 */
import { createPrivateKey, createHash, generateKeyPairSync, sign } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SigningError, SignatureRequest, assembleCms, buildSignedAttributes, checkSigningCertificate, cmsSigner, createDemoCa, demoSignatureImage,
  embedSignature, prepareSignature, readPkcs12, signWithKey, verifyPdfSignatures,
} from '../../backend/src/signing';
import { LEADER_BOX, PIN, extractSignatures, issue, makePlanPdf, opensslVerify, pdfsig, signOnServer, workDir } from './support';

const ca = createDemoCa();
const leader = issue(ca, 'Nguyễn Văn An', 'Ủy ban MTTQ Việt Nam tỉnh Bắc Ninh');
const stranger = issue(ca, 'Đỗ Văn Khác', 'Đơn vị khác');
const dir = workDir();

const request = (extra: Partial<SignatureRequest> = {}): SignatureRequest => ({
  fieldName: 'lanh_dao', box: LEADER_BOX, appearance: { kind: 'image', image: demoSignatureImage('An') },
  signerName: 'Nguyễn Văn An', signingTime: new Date(), ...extra,
});

/** The token's side: key and certificates taken out of the PKCS#12 by the openssl CLI, not by the library. */
function tokenFrom(p12: Buffer) {
  const file = join(dir, `token-${Math.random().toString(36).slice(2)}.p12`);
  writeFileSync(file, p12);
  const pem = execFileSync('openssl', ['pkcs12', '-in', file, '-passin', `pass:${PIN}`, '-nodes'], { encoding: 'utf8' });
  const certificates = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!;
  return {
    privateKey: createPrivateKey(pem.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/)![0]),
    certificate: certificates[0],
    chain: certificates.slice(1),
  };
}

async function codeOf(action: () => unknown): Promise<string | undefined> {
  try {
    await action();
  } catch (error) {
    return error instanceof SigningError ? error.code : `not a SigningError: ${error}`;
  }
  return undefined;
}

describe('external signing (USB token)', () => {
  it('prepare → the token signs the digest → embed, valid for pdfsig and the verifier', async () => {
    const { prepared, documentDigest } = await prepareSignature(await makePlanPdf(), request());
    const token = tokenFrom(leader.pkcs12);
    // The token's software: it signs the signed attributes over the digest it was given.
    const signedAttributes = buildSignedAttributes(documentDigest, token.certificate);
    const cms = assembleCms({ signedAttributes, signature: sign('sha256', signedAttributes, token.privateKey), certificate: token.certificate, chain: token.chain });
    const signed = embedSignature(prepared, cms);
    writeFileSync(join(dir, 'external.pdf'), signed);
    expect(pdfsig(join(dir, 'external.pdf'))).toContain('Signature is Valid');
    const [report] = await verifyPdfSignatures(signed, { trustedRoots: [ca.certificatePem] });
    expect(report).toMatchObject({ valid: true, signer: 'Nguyễn Văn An', coversWholeDocument: true });
    // Who signed is checked separately: the certificate in the CMS must be the expected person's.
    const { certificate, chain } = cmsSigner(cms);
    expect(checkSigningCertificate(certificate, { trustedRoots: [ca.certificatePem], chain, at: new Date(), expectedName: 'Nguyễn Văn An' })).toEqual([]);
  });

  it('a CMS over another digest is refused with DIGEST_MISMATCH', async () => {
    const { prepared } = await prepareSignature(await makePlanPdf(), request());
    const token = tokenFrom(leader.pkcs12);
    const cms = signWithKey(createHash('sha256').update('another document').digest(), token);
    expect(await codeOf(() => embedSignature(prepared, cms))).toBe('DIGEST_MISMATCH');
  });

  it('a CMS whose signature does not match its certificate is refused with BAD_SIGNATURE', async () => {
    const { prepared, documentDigest } = await prepareSignature(await makePlanPdf(), request());
    const token = tokenFrom(leader.pkcs12);
    const signedAttributes = buildSignedAttributes(documentDigest, token.certificate);
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const cms = assembleCms({ signedAttributes, signature: sign('sha256', signedAttributes, otherKey), certificate: token.certificate });
    expect(await codeOf(() => embedSignature(prepared, cms))).toBe('BAD_SIGNATURE');
  });

  it('a CMS by a different certificate than expected is embedded but the certificate check reports it', async () => {
    const { prepared, documentDigest } = await prepareSignature(await makePlanPdf(), request());
    const cms = signWithKey(documentDigest, tokenFrom(stranger.pkcs12));
    embedSignature(prepared, cms); // cryptographically fine …
    const { certificate, chain } = cmsSigner(cms);
    const problems = checkSigningCertificate(certificate, { trustedRoots: [ca.certificatePem], chain, at: new Date(), expectedName: 'Nguyễn Văn An' });
    expect(problems).toEqual([{ code: 'NAME_MISMATCH', message: expect.stringContaining('"Đỗ Văn Khác" không phải của "Nguyễn Văn An"') }]);
  });

  it('refuses a CMS that does not fit, garbage, and a PDF that was not prepared', async () => {
    const small = await prepareSignature(await makePlanPdf(), request({ contentsSize: 1024 }));
    const { privateKey, certificate, chain } = readPkcs12(leader.pkcs12, PIN);
    expect(await codeOf(() => embedSignature(small.prepared, signWithKey(small.documentDigest, { privateKey, certificate, chain })))).toBe('CMS_TOO_LARGE');
    const { prepared } = await prepareSignature(await makePlanPdf(), request());
    expect(await codeOf(() => embedSignature(prepared, Buffer.from('30030201ff', 'hex')))).toBe('INVALID_CMS');
    const unprepared = await makePlanPdf();
    expect(await codeOf(() => embedSignature(unprepared, Buffer.alloc(10)))).toBe('NOT_PREPARED');
  });
});

describe('PDFs signed elsewhere', () => {
  /** A CA and a signer made with the openssl CLI only. */
  function foreignSigner(): { caPem: string; certFile: string; keyFile: string } {
    const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'fca.key', '-out', 'fca.pem', '-days', '30', '-subj', '/CN=Foreign Root CA/O=Elsewhere']);
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'fsigner.key', '-out', 'fsigner.csr', '-subj', '/CN=Foreign Signer/O=Elsewhere Ltd']);
    writeFileSync(join(dir, 'ext.cnf'), 'keyUsage=critical,digitalSignature,nonRepudiation\n');
    run(['x509', '-req', '-in', 'fsigner.csr', '-CA', 'fca.pem', '-CAkey', 'fca.key', '-CAcreateserial', '-out', 'fsigner.pem', '-days', '30', '-extfile', 'ext.cnf']);
    return { caPem: readFileSync(join(dir, 'fca.pem'), 'utf8'), certFile: join(dir, 'fsigner.pem'), keyFile: join(dir, 'fsigner.key') };
  }

  it('openssl cms -sign over the ByteRange: valid signature, untrusted under our roots, trusted under its own', async () => {
    const foreign = foreignSigner();
    const { prepared, byteRange } = await prepareSignature(await makePlanPdf(), request({ fieldName: 'foreign' }));
    writeFileSync(join(dir, 'range.bin'), Buffer.concat([prepared.subarray(0, byteRange[1]), prepared.subarray(byteRange[2])]));
    // openssl's own CMS: signingTime, smimeCapabilities, BER output — not our builder.
    execFileSync('openssl', ['cms', '-sign', '-binary', '-md', 'sha256', '-outform', 'DER', '-in', 'range.bin', '-out', 'foreign.der',
      '-signer', foreign.certFile, '-inkey', foreign.keyFile, '-certfile', join(dir, 'fca.pem')], { cwd: dir });
    const signed = embedSignature(prepared, readFileSync(join(dir, 'foreign.der')));
    writeFileSync(join(dir, 'foreign.pdf'), signed);
    expect(pdfsig(join(dir, 'foreign.pdf'))).toContain('Signature is Valid');
    const [untrusted] = await verifyPdfSignatures(signed, { trustedRoots: [ca.certificatePem] });
    expect(untrusted).toMatchObject({ valid: false, signer: 'Foreign Signer', organisation: 'Elsewhere Ltd', fieldName: 'foreign' });
    expect(untrusted.problems.map((problem) => problem.code)).toEqual(['UNTRUSTED']);
    expect(untrusted.problems[0].message).toContain('"Foreign Signer"');
    const [trusted] = await verifyPdfSignatures(signed, { trustedRoots: [foreign.caPem] });
    expect(trusted.valid).toBe(true);
  });

  it('a PDF saved with object streams (xref stream) is signed and verified', async () => {
    const pdf = await makePlanPdf({ useObjectStreams: true });
    expect(pdf.toString('latin1')).toContain('/Type /XRef');
    const { signed } = await signOnServer(pdf, request(), leader);
    const { signed: twice } = await signOnServer(signed, request({ fieldName: 'to_chuc', appearance: { kind: 'invisible' }, fills: [{ name: 'so', value: '7' }] }), leader);
    writeFileSync(join(dir, 'xref-stream.pdf'), twice);
    const output = pdfsig(join(dir, 'xref-stream.pdf'));
    expect(output.match(/Signature is Valid/g)).toHaveLength(2);
    const reports = await verifyPdfSignatures(twice, { trustedRoots: [ca.certificatePem] });
    expect(reports.map((report) => [report.fieldName, report.valid])).toEqual([['lanh_dao', true], ['to_chuc', true]]);
    extractSignatures(twice).forEach(({ cms, content }, index) => {
      expect(opensslVerify(dir, 100 + index, cms, content, ca.certificatePem)).toContain('CMS Verification successful');
    });
  });
});

describe('certification (DocMDP)', () => {
  it('the first signature may certify with P=2; later approval signatures stay valid', async () => {
    const { signed } = await signOnServer(await makePlanPdf(), request({ certify: { permission: 2 } }), leader);
    const { signed: twice } = await signOnServer(signed, request({ fieldName: 'to_chuc', appearance: { kind: 'invisible' }, fills: [{ name: 'so', value: '7' }] }), leader);
    writeFileSync(join(dir, 'certified.pdf'), twice);
    expect(pdfsig(join(dir, 'certified.pdf')).match(/Signature is Valid/g)).toHaveLength(2);
    const reports = await verifyPdfSignatures(twice, { trustedRoots: [ca.certificatePem] });
    expect(reports.map((report) => [report.certification, report.valid])).toEqual([[2, true], [undefined, true]]);
    // P=2 allows form filling and signing, not annotations such as the clerk's stamp.
    await expect(prepareSignature(signed, request({ fieldName: 'to_chuc', stamps: [{ page: 1, lines: ['12/KH-MTTQ'] }] })))
      .rejects.toMatchObject({ code: 'CERTIFICATION_FORBIDS' });
  });

  it('P=1 forbids any later signature', async () => {
    const { signed } = await signOnServer(await makePlanPdf(), request({ certify: { permission: 1 } }), leader);
    await expect(prepareSignature(signed, request({ fieldName: 'to_chuc' }))).rejects.toMatchObject({ code: 'CERTIFICATION_FORBIDS' });
  });
});

it('an unsigned PDF has no signatures to report', async () => {
  expect(await verifyPdfSignatures(await makePlanPdf(), { trustedRoots: [ca.certificatePem] })).toEqual([]);
});
