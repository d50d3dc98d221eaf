/**
 * A demo certification authority for development and tests. Every name says it is a test
 * certificate without legal value, so nothing it signs can pass for a real digital signature.
 */
import { KeyObject, X509Certificate, generateKeyPair, generateKeyPairSync, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

export const DEMO_CA_NAME = 'kehoach — CA THỬ NGHIỆM (không có giá trị pháp lý)';
export const DEMO_NOTICE = 'CHỨNG THƯ THỬ NGHIỆM — không có giá trị pháp lý';

export interface DemoCa {
  certificate: X509Certificate;
  certificatePem: string;
  privateKey: KeyObject;
}

export interface DemoCertificateRequest {
  commonName: string;
  organisation: string;
  kind: 'person' | 'organisation';
  validFrom: Date;
  validTo: Date;
  /** PIN protecting the returned PKCS#12. */
  pin: string;
  /** Key usage override, for tests of certificates that must not sign. */
  keyUsage?: { digitalSignature: boolean; nonRepudiation: boolean };
}

export interface DemoCertificate {
  pkcs12: Buffer;
  certificate: X509Certificate;
  certificatePem: string;
}

const utf8 = (name: string, value: string) => ({ name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as number });

/** Built afresh for subject and issuer: forge re-encodes parsed UTF-8 names wrongly, so never copy them. */
const caName = () => [utf8('commonName', DEMO_CA_NAME), utf8('organizationName', 'kehoach (thử nghiệm)'), { name: 'countryName', value: 'VN' }];

type KeyPair = { privateKey: KeyObject; publicKey: KeyObject };

const RSA_BITS = 2048;
const generateKeyPairAsync = promisify(generateKeyPair);

function rsaKeyPair(generated: KeyPair = generateKeyPairSync('rsa', { modulusLength: RSA_BITS })): { privateKey: KeyObject; forgePrivate: forge.pki.rsa.PrivateKey; forgePublic: forge.pki.rsa.PublicKey } {
  // Node generates the key (native); forge only needs it to build and sign certificates.
  const { privateKey, publicKey } = generated;
  return {
    privateKey,
    forgePrivate: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    forgePublic: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01; // positive and without a leading zero byte
  return bytes.toString('hex');
}

export function createDemoCa(options: { validFrom?: Date; validTo?: Date } = {}): DemoCa {
  const keys = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.forgePublic;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = options.validFrom ?? new Date(Date.now() - 24 * 3600e3);
  cert.validity.notAfter = options.validTo ?? new Date(Date.now() + 10 * 365 * 24 * 3600e3);
  cert.setSubject(caName());
  cert.setIssuer(caName());
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.forgePrivate, forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(cert);
  return { certificate: new X509Certificate(certificatePem), certificatePem, privateKey: keys.privateKey };
}

/** A demo certificate and its key, without a PKCS#12 (the demo data stores the key as an upload would). */
export interface DemoKey {
  privateKey: KeyObject;
  certificate: X509Certificate;
  certificatePem: string;
}

export function issueDemoKey(ca: DemoCa, request: Omit<DemoCertificateRequest, 'pin'>): DemoKey {
  return issue(ca, request).key;
}

/**
 * Many demo keys at once: RSA key generation is most of the cost, so the keys are generated in
 * parallel on libuv's thread pool (the demo data's 26 keys took 9 s one after another here).
 */
export async function issueDemoKeys(ca: DemoCa, requests: Omit<DemoCertificateRequest, 'pin'>[]): Promise<DemoKey[]> {
  const pairs = await Promise.all(requests.map(() => generateKeyPairAsync('rsa', { modulusLength: RSA_BITS })));
  return requests.map((request, i) => issue(ca, request, pairs[i]).key);
}

export function issueDemoCertificate(ca: DemoCa, request: DemoCertificateRequest): DemoCertificate {
  const { key, forgeKey, forgeCert, caCert, commonName } = issue(ca, request);
  const pkcs12 = forge.pkcs12.toPkcs12Asn1(forgeKey, [forgeCert, caCert], request.pin, {
    algorithm: 'aes256',
    friendlyName: commonName,
    generateLocalKeyId: true,
  });
  return { pkcs12: Buffer.from(forge.asn1.toDer(pkcs12).getBytes(), 'binary'), certificate: key.certificate, certificatePem: key.certificatePem };
}

function issue(ca: DemoCa, request: Omit<DemoCertificateRequest, 'pin'>, generated?: KeyPair) {
  const keys = rsaKeyPair(generated);
  const caCert = forge.pki.certificateFromPem(ca.certificatePem);
  const caKey = forge.pki.privateKeyFromPem(ca.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.forgePublic;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = request.validFrom;
  cert.validity.notAfter = request.validTo;
  const commonName = request.kind === 'organisation' ? request.organisation : request.commonName;
  cert.setSubject([
    utf8('commonName', commonName),
    utf8('organizationName', request.organisation),
    utf8('organizationalUnitName', DEMO_NOTICE),
    { name: 'countryName', value: 'VN' },
  ]);
  cert.setIssuer(caName());
  const usage = request.keyUsage ?? { digitalSignature: true, nonRepudiation: true };
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, ...usage, keyEncipherment: !usage.digitalSignature },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(cert);
  const key: DemoKey = { privateKey: keys.privateKey, certificate: new X509Certificate(certificatePem), certificatePem };
  return { key, forgeKey: keys.forgePrivate, forgeCert: cert, caCert, commonName };
}
