/**
 * PAdES B-T: a signature time-stamp from an RFC 3161 TSA. The TSA is OpenSSL's own (`openssl ts
 * -reply`) behind a tiny HTTP server started by the test (support.ts), so the token is not made by the library.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addSignatureTimestamp, createDemoCa, demoSignatureImage, embedSignature, prepareSignature, readPkcs12, signWithKey, verifyPdfSignatures,
} from '../../backend/src/signing';
import { parseCms } from '../../backend/src/signing/cms/parse';
import { LEADER_BOX, PIN, extractSignatures, issue, makePlanPdf, opensslVerify, pdfsig, startTestTsa, workDir, type TestTsa } from './support';

const dir = workDir();
const ca = createDemoCa();
const leader = issue(ca, 'Nguyễn Văn An', 'Ủy ban MTTQ Việt Nam tỉnh Bắc Ninh');
let tsa: TestTsa;
let url: string;

beforeAll(async () => {
  tsa = await startTestTsa(dir);
  url = tsa.url;
});

afterAll(() => tsa.close());

it('adds a signature time-stamp that OpenSSL and the verifier accept (PAdES B-T)', async () => {
  const started = performance.now();
  const { prepared, documentDigest } = await prepareSignature(await makePlanPdf(), {
    fieldName: 'lanh_dao', box: LEADER_BOX, appearance: { kind: 'image', image: demoSignatureImage('An') },
    signerName: 'Nguyễn Văn An', signingTime: new Date(),
  });
  const cms = await addSignatureTimestamp(signWithKey(documentDigest, readPkcs12(leader.pkcs12, PIN)), url);
  const signed = embedSignature(prepared, cms);
  console.log(`signature with time-stamp: ${(performance.now() - started).toFixed(0)} ms`);
  writeFileSync(join(dir, 'timestamped.pdf'), signed);
  expect(pdfsig(join(dir, 'timestamped.pdf'))).toContain('Signature is Valid');
  const [{ cms: extracted, content }] = extractSignatures(signed);
  expect(opensslVerify(dir, 0, extracted, content, ca.certificatePem)).toContain('CMS Verification successful');

  // The token, checked by `openssl ts -verify` against the signature value's digest.
  const signer = parseCms(cms).signers[0];
  const token = signer.unsignedAttributes.get('1.2.840.113549.1.9.16.2.14')![0].raw;
  writeFileSync(join(dir, 'token.der'), token);
  const digest = createHash('sha256').update(signer.signature).digest('hex');
  const verdict = execFileSync('openssl', ['ts', '-verify', '-digest', digest, '-in', join(dir, 'token.der'), '-token_in', '-CAfile', join(dir, 'tsaca.pem'),
    '-untrusted', join(dir, 'tsa.pem')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  expect(verdict).toContain('Verification: OK');

  const tsaRoot = readFileSync(join(dir, 'tsaca.pem'), 'utf8');
  const [report] = await verifyPdfSignatures(signed, { trustedRoots: [ca.certificatePem, tsaRoot] });
  expect(report.valid).toBe(true);
  expect(report.timestamp).toMatchObject({ valid: true, authority: 'Test TSA' });
  expect(Math.abs(report.timestamp!.time.getTime() - Date.now())).toBeLessThan(60_000);
  const [withoutTsaRoot] = await verifyPdfSignatures(signed, { trustedRoots: [ca.certificatePem] });
  expect(withoutTsaRoot.problems.map((problem) => problem.code)).toEqual(['TIMESTAMP_UNTRUSTED']);
});

it('an unreachable TSA is a typed error', async () => {
  await expect(addSignatureTimestamp(signWithKey(Buffer.alloc(32), readPkcs12(leader.pkcs12, PIN)), 'http://127.0.0.1:9/tsa'))
    .rejects.toMatchObject({ code: 'TIMESTAMP_FAILED' });
});
