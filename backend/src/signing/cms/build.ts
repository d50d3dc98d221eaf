/**
 * CMS SignedData for PAdES B-B (ETSI EN 319 142-1 §5.1, RFC 5652): detached, SHA-256, signed
 * attributes contentType, messageDigest and ESS signing-certificate-v2 (RFC 5035). No signingTime
 * attribute: PAdES takes the claimed signing time from the signature dictionary's /M.
 */
import { KeyObject, X509Certificate, createHash, sign } from 'node:crypto';
import { explicit, integer, nullValue, octets, oid, seq, set, sortedSet, tlv } from '../asn1/der';
import { OID } from '../asn1/oids';
import { SigningError } from '../errors';
import { CertificateInput, certificateDer, certificateParts } from '../pki/certificate-der';

export interface SignerCredentials {
  privateKey: KeyObject;
  /** The signer's certificate (PEM or DER). */
  certificate: CertificateInput;
  /** Intermediate (and optionally root) certificates, included so verifiers can build the chain. */
  chain?: CertificateInput[];
}

const attribute = (type: string, ...values: Buffer[]): Buffer => seq(oid(type), set(...values));

/**
 * The DER `SET OF Attribute` a signer signs (tag 0x31, as RFC 5652 §5.4 requires for the signature).
 * Exposed separately so that a token which only signs raw data can be driven by the server.
 */
export function buildSignedAttributes(documentDigest: Buffer, certificate: CertificateInput): Buffer {
  if (documentDigest.length !== 32) throw new SigningError('DIGEST_MISMATCH', 'Giá trị băm của tài liệu phải là SHA-256 (32 byte).');
  const der = certificateDer(certificate);
  const parts = certificateParts(der);
  // ESSCertIDv2 { hashAlgorithm DEFAULT sha256 (omitted), certHash, issuerSerial { GeneralNames [4] Name, serial } }
  const issuerSerial = seq(seq(tlv(0xa4, parts.issuer.raw)), parts.serial.raw);
  const essCertId = seq(octets(createHash('sha256').update(der).digest()), issuerSerial);
  return sortedSet([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(documentDigest)),
    attribute(OID.signingCertificateV2, seq(seq(essCertId))),
  ]);
}

export interface AssembleCmsInput {
  signedAttributes: Buffer;
  signature: Buffer;
  certificate: CertificateInput;
  chain?: CertificateInput[];
  /** Each one a DER `Attribute` (e.g. a signature-time-stamp token). */
  unsignedAttributes?: Buffer[];
}

/** Puts a signature over `signedAttributes` into a detached ContentInfo/SignedData. */
export function assembleCms(input: AssembleCmsInput): Buffer {
  const der = certificateDer(input.certificate);
  const parts = certificateParts(der);
  const sha256 = seq(oid(OID.sha256));
  const signatureAlgorithm = isEcdsa(der) ? seq(oid(OID.ecdsaWithSha256)) : seq(oid(OID.sha256WithRsa), nullValue());
  const signerInfo = seq(
    integer(1),
    seq(parts.issuer.raw, parts.serial.raw),
    sha256,
    // In the SignerInfo the signed attributes are [0] IMPLICIT: only the tag byte changes.
    Buffer.concat([Buffer.from([0xa0]), input.signedAttributes.subarray(1)]),
    signatureAlgorithm,
    octets(input.signature),
    ...(input.unsignedAttributes?.length ? [tlv(0xa1, Buffer.concat(input.unsignedAttributes))] : []),
  );
  const chain = (input.chain ?? []).map(certificateDer).filter((cert) => !cert.equals(der));
  const signedData = seq(
    integer(1),
    set(sha256),
    seq(oid(OID.data)),
    tlv(0xa0, Buffer.concat([der, ...chain])),
    set(signerInfo),
  );
  return seq(oid(OID.signedData), explicit(0, signedData));
}

function isEcdsa(der: Buffer): boolean {
  return new X509Certificate(der).publicKey.asymmetricKeyType === 'ec';
}

/** Server-held key: signs the PDF's ByteRange digest and returns the CMS (DER). */
export function signWithKey(documentDigest: Buffer, credentials: SignerCredentials): Buffer {
  const signedAttributes = buildSignedAttributes(documentDigest, credentials.certificate);
  // RSA keys: PKCS#1 v1.5 (Node's default for RSA); EC keys: DER-encoded ECDSA.
  const signature = sign('sha256', signedAttributes, credentials.privateKey);
  return assembleCms({ signedAttributes, signature, certificate: credentials.certificate, chain: credentials.chain });
}
