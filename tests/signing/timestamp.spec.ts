/**
 * PAdES B-T: a signature time-stamp from an RFC 3161 TSA. The TSA is OpenSSL's own (`openssl ts
 * -reply`) behind a tiny HTTP server started here, so the token is not made by the library.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addSignatureTimestamp, createDemoCa, demoSignatureImage, embedSignature, prepareSignature, readPkcs12, signWithKey, verifyPdfSignatures,
} from '../../backend/src/signing';
import { parseCms } from '../../backend/src/signing/cms/parse';
import { LEADER_BOX, PIN, extractSignatures, issue, makePlanPdf, opensslVerify, pdfsig, workDir } from './support';

const dir = workDir();
const ca = createDemoCa();
const leader = issue(ca, 'Nguyễn Văn An', 'Ủy ban MTTQ Việt Nam tỉnh Bắc Ninh');
let server: Server;
let url: string;

function makeTsa(): void {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tsaca.key', '-out', 'tsaca.pem', '-days', '30', '-subj', '/CN=Test TSA Root']);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=Test TSA']);
  writeFileSync(join(dir, 'tsa.ext'), 'extendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature\n');
  run(['x509', '-req', '-in', 'tsa.csr', '-CA', 'tsaca.pem', '-CAkey', 'tsaca.key', '-CAcreateserial', '-out', 'tsa.pem', '-days', '30', '-extfile', 'tsa.ext']);
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  writeFileSync(join(dir, 'ts.cnf'), [
    '[ tsa ]', 'default_tsa = tsa_config', '[ tsa_config ]', `dir = ${dir}`, 'serial = $dir/tsaserial', 'crypto_device = builtin',
    'signer_cert = $dir/tsa.pem', 'certs = $dir/tsaca.pem', 'signer_key = $dir/tsa.key', 'signer_digest = sha256',
    'default_policy = 1.2.3.4.1', 'digests = sha256', 'accuracy = secs:1', 'ordering = yes', 'tsa_name = no',
    'ess_cert_id_chain = no', 'ess_cert_id_alg = sha256', '',
  ].join('\n'));
}

beforeAll(async () => {
  makeTsa();
  let counter = 0;
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = ++counter;
      writeFileSync(join(dir, `q${id}.tsq`), Buffer.concat(chunks));
      execFileSync('openssl', ['ts', '-reply', '-config', join(dir, 'ts.cnf'), '-queryfile', join(dir, `q${id}.tsq`), '-out', join(dir, `r${id}.tsr`)], { stdio: 'ignore' });
      response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
      response.end(readFileSync(join(dir, `r${id}.tsr`)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
