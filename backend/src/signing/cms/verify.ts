/** Cryptographic check of one CMS signer against the bytes it claims to sign. */
import { X509Certificate, constants, createHash, verify } from 'node:crypto';
import { octetContent, oidToString } from '../asn1/der';
import { DIGEST_NAMES, OID, SIGNATURE_HASHES } from '../asn1/oids';
import { certificateParts, subjectKeyIdentifier } from '../pki/certificate-der';
import { ParsedCms, ParsedSigner, parseCms } from './parse';

export interface CmsCheck {
  cms: ParsedCms;
  signer: ParsedSigner;
  certificates: X509Certificate[];
  signerCertificate?: X509Certificate;
  digestAlgorithm?: string;
  /** The digest of the signed content, recomputed. */
  contentDigest?: Buffer;
  /** messageDigest attribute equals the recomputed digest (or no attributes and the signature covers the content). */
  digestMatches: boolean;
  signatureValid: boolean;
  /** Reason the signature could not even be checked (unknown algorithm, signer certificate missing). */
  unsupported?: string;
}

export function checkCms(cmsBytes: Buffer, signedContent: Buffer): CmsCheck {
  const cms = parseCms(cmsBytes);
  const signer = cms.signers[0];
  const certificates = cms.certificates.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return []; // an unreadable extra certificate does not make the signature unverifiable
    }
  });
  const check: CmsCheck = { cms, signer, certificates, digestMatches: false, signatureValid: false };
  check.signerCertificate = findSignerCertificate(signer, cms.certificates);
  const digestAlgorithm = DIGEST_NAMES[signer.digestAlgorithm];
  if (!digestAlgorithm) return { ...check, unsupported: `thuật toán băm ${signer.digestAlgorithm}` };
  check.digestAlgorithm = digestAlgorithm;
  check.contentDigest = createHash(digestAlgorithm).update(signedContent).digest();
  const messageDigest = signer.attributes.get(OID.messageDigest)?.[0];
  const signedData = signer.signedAttributes ?? signedContent;
  check.digestMatches = !!messageDigest && octetContent(messageDigest).equals(check.contentDigest);
  if (!check.signerCertificate) return { ...check, unsupported: 'không tìm thấy chứng thư số của người ký trong chữ ký' };
  const hash = SIGNATURE_HASHES[signer.signatureAlgorithm] ?? digestAlgorithm;
  if (!(signer.signatureAlgorithm in SIGNATURE_HASHES)) return { ...check, unsupported: `thuật toán ký ${signer.signatureAlgorithm}` };
  const key = check.signerCertificate.publicKey;
  try {
    check.signatureValid = key.asymmetricKeyType === 'rsa'
      ? verify(hash, signedData, { key, padding: constants.RSA_PKCS1_PADDING }, signer.signature)
      : verify(hash, signedData, key, signer.signature);
  } catch {
    check.signatureValid = false; // a malformed signature value is simply not a valid one
  }
  // Without signed attributes the signature itself is over the content: it also proves the digest.
  if (!signer.signedAttributes) check.digestMatches = check.signatureValid;
  return check;
}

export function findSignerCertificate(signer: ParsedSigner, certificates: Buffer[]): X509Certificate | undefined {
  const found = certificates.find((der) => {
    if (signer.subjectKeyId) return subjectKeyIdentifier(der)?.equals(signer.subjectKeyId) ?? false;
    const parts = certificateParts(der);
    return parts.issuer.raw.equals(signer.issuerRaw!) && parts.serial.raw.equals(signer.serialRaw!);
  });
  return found ? new X509Certificate(found) : undefined;
}

/** The signing-certificate(-v2) attribute names a certificate hash; it must be the signer's (RFC 5035). */
export function signingCertificateAttributeMatches(check: CmsCheck): boolean | undefined {
  const v2 = check.signer.attributes.get(OID.signingCertificateV2)?.[0];
  const v1 = check.signer.attributes.get(OID.signingCertificate)?.[0];
  const attribute = v2 ?? v1;
  if (!attribute || !check.signerCertificate) return undefined;
  const essCertId = attribute.children[0].children[0];
  let hashName = v2 ? 'sha256' : 'sha1';
  let hashNode = essCertId.children[0];
  if (v2 && hashNode.tag === 0x30) {
    hashName = DIGEST_NAMES[oidToString(hashNode.children[0])] ?? 'sha256';
    hashNode = essCertId.children[1];
  }
  return octetContent(hashNode).equals(createHash(hashName).update(check.signerCertificate.raw).digest());
}
