/** PKCS#12 reading (OpenSSL 3 and legacy), certificate checks, secrets at rest, demo CA and images. */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_CA_NAME, SigningError, checkSigningCertificate, createDemoCa, demoSealImage, demoSignatureImage, openSecret, readPkcs12, sealSecret,
} from '../../backend/src/signing';
import { PIN, issue, openssl, workDir } from './support';

const ca = createDemoCa();
const person = issue(ca, 'Lê Văn Cường', 'Ủy ban MTTQ Việt Nam huyện Y');

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof SigningError ? error.code : `not a SigningError: ${error}`;
  }
  return undefined;
}

describe('readPkcs12', () => {
  const dir = workDir();
  // A key and certificate made by OpenSSL itself, exported with its defaults and with -legacy.
  beforeAll(() => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-days', '30', '-utf8', '-subj', '/CN=Phạm Thị Dung/O=Ủy ban MTTQ xã Z'], { stdio: 'ignore' });
    for (const [name, extra] of [['modern', []], ['legacy', ['-legacy']]] as const) {
      execFileSync('openssl', ['pkcs12', '-export', ...extra, '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'cert.pem'),
        '-out', join(dir, `${name}.p12`), '-passout', `pass:${PIN}`], { stdio: 'ignore' });
    }
  });

  it.each(['modern', 'legacy'])('reads an OpenSSL 3 %s PKCS#12', (name) => {
    const p12 = readFileSync(join(dir, `${name}.p12`));
    if (name === 'modern') {
      // Make sure the file really uses the OpenSSL 3 defaults this test is about.
      const info = spawnSync('openssl', ['pkcs12', '-info', '-noout', '-in', join(dir, `${name}.p12`), '-passin', `pass:${PIN}`], { encoding: 'utf8' }).stderr;
      expect(info).toMatch(/PBES2.*PBKDF2.*AES-256-CBC/s);
    }
    const contents = readPkcs12(p12, PIN);
    expect(contents.certificate.subject).toContain('CN=Phạm Thị Dung');
    expect(contents.privateKey.asymmetricKeyType).toBe('rsa');
    expect(codeOf(() => readPkcs12(p12, 'sai-ma-pin'))).toBe('WRONG_PIN');
  });

  it('reads the demo PKCS#12 with its chain, and rejects garbage', () => {
    const contents = readPkcs12(person.pkcs12, PIN);
    expect(contents.certificate.subject).toContain('CN=Lê Văn Cường');
    expect(contents.chain.map((cert) => cert.subject)).toEqual([expect.stringContaining(DEMO_CA_NAME)]);
    expect(codeOf(() => readPkcs12(person.pkcs12, '000000'))).toBe('WRONG_PIN');
    expect(codeOf(() => readPkcs12(Buffer.from('not a pkcs12'), PIN))).toBe('INVALID_PKCS12');
  });

  it('writes PKCS#12 files that OpenSSL reads', () => {
    writeFileSync(join(dir, 'demo.p12'), person.pkcs12);
    const pem = openssl(['pkcs12', '-in', join(dir, 'demo.p12'), '-passin', `pass:${PIN}`, '-nodes']);
    expect(pem).toContain('BEGIN PRIVATE KEY');
    expect(pem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  });
});

describe('checkSigningCertificate', () => {
  const now = new Date();
  const trustedRoots = [ca.certificatePem];

  it('accepts a demo certificate for its holder', () => {
    expect(checkSigningCertificate(person.certificatePem, { trustedRoots, at: now, expectedName: 'LÊ VĂN  CƯỜNG' })).toEqual([]);
  });

  it('names the certificate in each problem', () => {
    const problems = checkSigningCertificate(person.certificatePem, { trustedRoots, at: now, expectedName: 'Nguyễn Văn An' });
    expect(problems).toEqual([{ code: 'NAME_MISMATCH', message: expect.stringContaining('"Lê Văn Cường"') }]);
    const byOrganisation = checkSigningCertificate(person.certificatePem, { trustedRoots, at: now, expectedName: 'Ủy ban MTTQ Việt Nam huyện Y', nameAttribute: 'O' });
    expect(byOrganisation).toEqual([]);
  });

  it('reports an untrusted issuer, and validity at the signing time', () => {
    const other = createDemoCa();
    expect(checkSigningCertificate(person.certificatePem, { trustedRoots: [other.certificatePem], at: now }).map((p) => p.code)).toEqual(['UNTRUSTED']);
    const later = new Date(Date.now() + 2 * 365 * 24 * 3600e3);
    expect(checkSigningCertificate(person.certificatePem, { trustedRoots, at: later }).map((p) => p.code)).toEqual(['EXPIRED']);
    const earlier = new Date(Date.now() - 7 * 24 * 3600e3);
    // The demo CA is not valid yet either: both are reported, the signer's first.
    const problems = checkSigningCertificate(person.certificatePem, { trustedRoots, at: earlier });
    expect(problems.map((p) => p.code)).toEqual(['NOT_YET_VALID', 'NOT_YET_VALID']);
    expect(problems[0].message).toContain('"Lê Văn Cường" chưa có hiệu lực');
    expect(problems[1].message).toContain('Chứng thư số gốc');
  });

  it('reports a certificate whose key usage does not allow signing', () => {
    const encryptionOnly = issue(ca, 'Chỉ mã hóa', 'Đơn vị thử', 'person', { keyUsage: { digitalSignature: false, nonRepudiation: false } });
    expect(checkSigningCertificate(encryptionOnly.certificatePem, { trustedRoots, at: now }).map((p) => p.code)).toEqual(['KEY_USAGE']);
  });
});

describe('sealSecret / openSecret', () => {
  const key = randomBytes(32);

  it('round-trips, with a fresh IV each time', () => {
    const secret = Buffer.from('PKCS#12 bytes');
    const a = sealSecret(secret, key);
    const b = sealSecret(secret, key);
    expect(a[0]).toBe(1);
    expect(a.equals(b)).toBe(false);
    expect(openSecret(a, key).equals(secret)).toBe(true);
  });

  it('refuses a wrong key, a modified byte, an unknown version or a short key', () => {
    const sealed = sealSecret(Buffer.from('x'), key);
    expect(codeOf(() => openSecret(sealed, randomBytes(32)))).toBe('SECRET_CORRUPT');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] ^= 1;
    expect(codeOf(() => openSecret(flipped, key))).toBe('SECRET_CORRUPT');
    const versioned = Buffer.from(sealed);
    versioned[0] = 2;
    expect(codeOf(() => openSecret(versioned, key))).toBe('SECRET_CORRUPT');
    expect(codeOf(() => sealSecret(Buffer.from('x'), randomBytes(16)))).toBe('INVALID_MASTER_KEY');
  });
});

describe('demo CA and images', () => {
  it('says in every name that the certificates are tests without legal value', () => {
    expect(ca.certificate.subject).toContain('CA THỬ NGHIỆM (không có giá trị pháp lý)');
    expect(person.certificatePem).toBeTruthy();
    const text = openssl(['x509', '-noout', '-subject', '-nameopt', 'utf8'], Buffer.from(person.certificatePem));
    expect(text).toContain('CHỨNG THƯ THỬ NGHIỆM');
  });

  it('draws PNGs with transparency that poppler-independent tools accept', () => {
    const dir = workDir();
    for (const [name, png] of [['signature', demoSignatureImage('Lê Văn Cường')], ['seal', demoSealImage('Ủy ban')]] as const) {
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png[25]).toBe(6); // colour type RGBA
      writeFileSync(join(dir, `${name}.png`), png);
    }
    expect(demoSignatureImage('A').equals(demoSignatureImage('B'))).toBe(false);
  });
});
