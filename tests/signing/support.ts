/** Shared fixtures for the signing specs: a small PDF like the renderer's, demo certificates, CLI oracles. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type request from 'supertest';
import {
  DemoCa, PdfBox, SignatureRequest, createDemoCa, embedSignature, issueDemoCertificate, prepareSignature, readPkcs12, signWithKey,
} from '../../backend/src/signing';

export const PIN = '123456';
export const LEADER_BOX: PdfBox = { page: 0, x: 330, y: 180, width: 180, height: 70 };

export function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'kehoach-signing-'));
}

/** Two A4 pages (plan + appendix) with the four AcroForm fields the renderer creates. */
export async function makePlanPdf(options: { useObjectStreams?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const plan = doc.addPage([595.28, 841.89]);
  plan.drawText('KE HOACH to chuc Ngay hoi Dai doan ket toan dan toc', { x: 72, y: 760, size: 14, font });
  plan.drawText('So:           /KH-MTTQ          Ha Noi, ngay      thang      nam', { x: 72, y: 720, size: 12, font });
  plan.drawText('TM. BAN THUONG TRUC', { x: 360, y: 270, size: 12, font });
  const form = doc.getForm();
  const fields: Array<[string, number, number]> = [['so', 92, 48], ['ngay', 385, 28], ['thang', 445, 28], ['nam', 500, 40]];
  for (const [name, x, width] of fields) {
    const field = form.createTextField(name);
    field.addToPage(plan, { x, y: 716, width, height: 16, borderWidth: 0 });
  }
  const appendix = doc.addPage([595.28, 841.89]);
  appendix.drawText('PHU LUC: Danh sach cac hoat dong', { x: 72, y: 760, size: 14, font });
  return Buffer.from(await doc.save({ useObjectStreams: options.useObjectStreams ?? false }));
}

export interface Signer {
  pkcs12: Buffer;
  certificatePem: string;
  name: string;
}

export function issue(ca: DemoCa, commonName: string, organisation: string, kind: 'person' | 'organisation' = 'person', extra: Partial<{ validFrom: Date; validTo: Date; keyUsage: { digitalSignature: boolean; nonRepudiation: boolean } }> = {}): Signer {
  const certificate = issueDemoCertificate(ca, {
    commonName, organisation, kind, pin: PIN,
    validFrom: extra.validFrom ?? new Date(Date.now() - 24 * 3600e3),
    validTo: extra.validTo ?? new Date(Date.now() + 365 * 24 * 3600e3),
    keyUsage: extra.keyUsage,
  });
  return { pkcs12: certificate.pkcs12, certificatePem: certificate.certificatePem, name: kind === 'organisation' ? organisation : commonName };
}

export { createDemoCa };

/** The server-held-key flow: prepare → signWithKey → embed. */
export async function signOnServer(pdf: Buffer, request: SignatureRequest, signer: Signer): Promise<{ signed: Buffer; ms: number }> {
  const started = performance.now();
  const { prepared, documentDigest } = await prepareSignature(pdf, request);
  const { privateKey, certificate, chain } = readPkcs12(signer.pkcs12, PIN);
  const cms = signWithKey(documentDigest, { privateKey, certificate, chain });
  const signed = embedSignature(prepared, cms);
  return { signed, ms: performance.now() - started };
}

export function pdfsig(file: string): string {
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

export function openssl(args: string[], input?: Buffer): string {
  return execFileSync('openssl', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Each signature's CMS and signed bytes, found independently of the library (regex over the file). */
export function extractSignatures(pdf: Buffer): Array<{ cms: Buffer; content: Buffer; byteRange: number[] }> {
  const text = pdf.toString('latin1');
  const result = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [a, b, c, d] = match.slice(1, 5).map(Number);
    const hex = text.slice(b + 1, c - 1).replace(/(00)+$/, '');
    result.push({
      cms: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'),
      content: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
      byteRange: [a, b, c, d],
    });
  }
  return result;
}

/** Verifies with `openssl cms -verify`; returns openssl's verdict line. */
export function opensslVerify(dir: string, index: number, cms: Buffer, content: Buffer, caPem: string): string {
  const sig = join(dir, `sig-${index}.der`);
  const data = join(dir, `signed-${index}.bin`);
  const ca = join(dir, 'ca.pem');
  writeFileSync(sig, cms);
  writeFileSync(data, content);
  writeFileSync(ca, caPem);
  const result = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sig, '-content', data, '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.trim();
}

/** A page rendered by poppler as RGB pixels (PPM), for checking that a box is not blank. */
export function renderPage(file: string, page: number, dpi = 50): { width: number; height: number; pixel(x: number, y: number): [number, number, number] } {
  const prefix = `${file}-p${page}`;
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page + 1), '-l', String(page + 1), '-singlefile', file, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))!;
  const offset = header[0].length;
  const width = Number(header[1]);
  return {
    width,
    height: Number(header[2]),
    pixel: (x, y) => {
      const at = offset + (y * width + x) * 3;
      return [ppm[at], ppm[at + 1], ppm[at + 2]];
    },
  };
}

/** Counts pixels in a PDF box (points, origin bottom-left) matching a predicate. */
export function countPixels(image: ReturnType<typeof renderPage>, box: PdfBox, dpi: number, test: (rgb: [number, number, number]) => boolean): number {
  const scale = dpi / 72;
  let count = 0;
  for (let y = Math.floor(image.height - (box.y + box.height) * scale); y < image.height - box.y * scale; y++) {
    for (let x = Math.floor(box.x * scale); x < (box.x + box.width) * scale; x++) {
      if (x >= 0 && y >= 0 && x < image.width && y < image.height && test(image.pixel(x, y))) count++;
    }
  }
  return count;
}

export interface TestTsa {
  url: string;
  /** the TSA's root certificate (PEM): trusting it makes the time-stamps valid */
  rootPem: string;
  close(): Promise<void>;
}

/**
 * An RFC 3161 time-stamp authority for the tests: OpenSSL's own (`openssl ts -reply`) behind a tiny
 * HTTP server, so no token is made by the code under test. Its keys and replies live in `dir`.
 */
export async function startTestTsa(dir: string): Promise<TestTsa> {
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
  let counter = 0;
  const server = createServer((request, response) => {
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
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`,
    rootPem: readFileSync(join(dir, 'tsaca.pem'), 'utf8'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** supertest's buffering of a binary answer (a PDF) into a Buffer. */
export const binary = (req: request.Test) => req.buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});
