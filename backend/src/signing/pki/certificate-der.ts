/** Reading X.509 certificates as given (PEM or DER) and reaching the raw parts CMS needs. */
import { X509Certificate } from 'node:crypto';
import { Node, child, oidToString, parseDer } from '../asn1/der';
import { SigningError } from '../errors';

export type CertificateInput = string | Buffer | X509Certificate;

/** DER bytes of a certificate given as PEM text, DER bytes, PEM bytes or a Node X509Certificate. */
export function certificateDer(input: CertificateInput): Buffer {
  try {
    if (input instanceof X509Certificate) return input.raw;
    if (Buffer.isBuffer(input) && input[0] === 0x30) return new X509Certificate(input).raw;
    return new X509Certificate(typeof input === 'string' ? input : input.toString('latin1')).raw;
  } catch (error) {
    throw new SigningError('INVALID_CERTIFICATE', 'Chứng thư số không đọc được (không phải PEM hoặc DER hợp lệ).', { cause: error });
  }
}

export function toX509(input: CertificateInput): X509Certificate {
  return input instanceof X509Certificate ? input : new X509Certificate(certificateDer(input));
}

/** All certificates in a PEM bundle (a CA file with several roots). */
export function splitPemBundle(pem: string): Buffer[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => certificateDer(block));
}

export interface CertificateParts {
  tbs: Node;
  serial: Node;
  issuer: Node;
  subject: Node;
  extensions: Map<string, Buffer>;
}

export function certificateParts(der: Buffer): CertificateParts {
  const tbs = child(parseDer(der), 0);
  const offset = tbs.children[0]?.tag === 0xa0 ? 1 : 0;
  const extensions = new Map<string, Buffer>();
  const extensionsNode = tbs.children.find((node) => node.tag === 0xa3);
  for (const extension of extensionsNode ? child(extensionsNode, 0).children : []) {
    // Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
    const value = extension.children[extension.children.length - 1];
    extensions.set(oidToString(child(extension, 0)), Buffer.from(value.content));
  }
  return {
    tbs,
    serial: child(tbs, offset),
    issuer: child(tbs, offset + 2),
    subject: child(tbs, offset + 4),
    extensions,
  };
}

export interface KeyUsageBits {
  present: boolean;
  digitalSignature: boolean;
  nonRepudiation: boolean;
  keyCertSign: boolean;
}

/** KeyUsage ::= BIT STRING; bit 0 digitalSignature, 1 nonRepudiation (contentCommitment), 5 keyCertSign. */
export function keyUsage(der: Buffer): KeyUsageBits {
  const value = certificateParts(der).extensions.get('2.5.29.15');
  if (!value) return { present: false, digitalSignature: false, nonRepudiation: false, keyCertSign: false };
  const bits = parseDer(value).content; // [unused-bits, byte0, byte1]
  const first = bits[1] ?? 0;
  return { present: true, digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0, keyCertSign: (first & 0x04) !== 0 };
}

export function subjectKeyIdentifier(der: Buffer): Buffer | undefined {
  const value = certificateParts(der).extensions.get('2.5.29.14');
  return value ? Buffer.from(parseDer(value).content) : undefined;
}

/** Attribute values of a distinguished name as Node prints them ("CN=…\nO=…"); the first value per key. */
export function nameAttributes(printed: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const line of printed.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !(line.slice(0, at) in attributes)) attributes[line.slice(0, at)] = line.slice(at + 1);
  }
  return attributes;
}

export function commonName(certificate: X509Certificate): string {
  return nameAttributes(certificate.subject).CN ?? certificate.subject.replace(/\n/g, ', ');
}

export function organisationName(certificate: X509Certificate): string | undefined {
  return nameAttributes(certificate.subject).O;
}
