/**
 * Verifies every signature in any PDF (ours or signed elsewhere, classic xref or xref streams).
 *
 * Signature dictionaries are found by scanning the bytes for /ByteRange: the range must exclude
 * the /Contents string *in the file*, so a signature dictionary can never sit in a compressed
 * object stream, and a scan finds them all, in every revision. pdf-lib, when it can read the file,
 * adds the field names and dictionary entries (/M, /Name, /Reason).
 */
import { X509Certificate } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { OID } from '../asn1/oids';
import { parseCms } from '../cms/parse';
import { checkTimestampToken } from '../cms/timestamp';
import { checkCms, findSignerCertificate, signingCertificateAttributeMatches } from '../cms/verify';
import { SigningError } from '../errors';
import { CertificateInput, commonName, organisationName } from '../pki/certificate-der';
import { CertificateProblemCode, checkSigningCertificate } from '../pki/certificate-check';
import { signedBytes } from '../pades/embed';
import { N, terminalFields, textOf } from '../pades/form';
import { parsePdfDate } from '../pades/time';
import { ByteRange } from '../pades/types';

export type SignatureProblemCode =
  | CertificateProblemCode
  | 'BYTE_RANGE_INVALID'
  | 'INVALID_CMS'
  | 'DIGEST_MISMATCH'
  | 'BAD_SIGNATURE'
  | 'UNSUPPORTED'
  | 'SIGNING_CERTIFICATE_MISMATCH'
  | 'TIMESTAMP_INVALID'
  | 'TIMESTAMP_UNTRUSTED';

export interface SignatureProblem {
  code: SignatureProblemCode;
  message: string;
}

export interface SignatureReport {
  /** Fully qualified name of the signature field (undefined if no field points at the dictionary). */
  fieldName?: string;
  /** Certificate subject CN and O. */
  signer?: string;
  organisation?: string;
  /** /Name, /Reason, /Location of the signature dictionary. */
  name?: string;
  reason?: string;
  location?: string;
  /** /M, else the CMS signingTime attribute. */
  signingTime?: Date;
  subject?: string;
  issuer?: string;
  subFilter?: string;
  /** RFC 3161 signature time-stamp (PAdES B-T), when present. */
  timestamp?: { time: Date; valid: boolean; authority?: string };
  /** DocMDP permission when this is a certification signature. */
  certification?: number;
  byteRange: ByteRange;
  /** The signed range reaches the end of the file: nothing was appended after this signature. */
  coversWholeDocument: boolean;
  /** 0-based index of the revision the signature closes (the original file is revision 0). */
  revision: number;
  valid: boolean;
  problems: SignatureProblem[];
}

export interface VerifyOptions {
  trustedRoots: CertificateInput[];
  /** Time to check certificates at when a signature states none; default now. */
  now?: Date;
}

interface FoundSignature {
  byteRange: ByteRange;
  contents: Buffer;
}

export async function verifyPdfSignatures(pdf: Buffer, options: VerifyOptions): Promise<SignatureReport[]> {
  const found = scanSignatures(pdf);
  const details = found.length > 0 ? await readDictionaries(pdf) : new Map<string, DictionaryDetails>();
  const eofs = eofOffsets(pdf);
  return found
    .sort((a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]))
    .map((signature) => verifyOne(pdf, signature, details.get(signature.byteRange.join(' ')), eofs, options));
}

/** Every `/ByteRange [a b c d]` whose gap holds exactly one hex string. */
function scanSignatures(pdf: Buffer): FoundSignature[] {
  const result = new Map<string, FoundSignature>();
  for (let at = pdf.indexOf('/ByteRange'); at >= 0; at = pdf.indexOf('/ByteRange', at + 1)) {
    const match = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1', at, at + 80));
    if (!match) continue;
    const byteRange = match.slice(1, 5).map(Number) as ByteRange;
    const [, length1, start2] = byteRange;
    if (start2 > pdf.length || pdf[length1] !== 0x3c || pdf[start2 - 1] !== 0x3e) continue;
    const hex = pdf.toString('latin1', length1 + 1, start2 - 1).replace(/\s+/g, '');
    if (!/^[0-9a-fA-F]*$/.test(hex)) continue;
    result.set(byteRange.join(' '), { byteRange, contents: Buffer.from(hex, 'hex') });
  }
  return [...result.values()];
}

interface DictionaryDetails {
  fieldName?: string;
  name?: string;
  reason?: string;
  location?: string;
  m?: string;
  subFilter?: string;
  certification?: number;
}

async function readDictionaries(pdf: Buffer): Promise<Map<string, DictionaryDetails>> {
  const result = new Map<string, DictionaryDetails>();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  } catch {
    return result; // the cryptographic checks do not need pdf-lib
  }
  const fieldOf = new Map<string, string>();
  for (const field of terminalFields(doc)) {
    const value = field.dict.get(N('V'));
    if (value instanceof PDFRef) fieldOf.set(value.tag, field.name);
  }
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const range = object.lookup(N('ByteRange'));
    if (!(range instanceof PDFArray) || range.size() !== 4) continue;
    const key = range.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : NaN)).join(' ');
    const reference = object.lookupMaybe(N('Reference'), PDFArray)?.asArray().map((item) => doc.context.lookup(item))
      .find((item): item is PDFDict => item instanceof PDFDict && item.lookup(N('TransformMethod')) === PDFName.of('DocMDP'));
    const permission = reference?.lookupMaybe(N('TransformParams'), PDFDict)?.lookup(N('P'));
    result.set(key, {
      fieldName: fieldOf.get(ref.tag),
      name: textOf(object.lookup(N('Name'))),
      reason: textOf(object.lookup(N('Reason'))),
      location: textOf(object.lookup(N('Location'))),
      m: textOf(object.lookup(N('M'))),
      subFilter: object.lookup(N('SubFilter'))?.toString().slice(1),
      certification: reference ? (permission instanceof PDFNumber ? permission.asNumber() : 2) : undefined,
    });
  }
  return result;
}

/** Offsets just after each "%%EOF" marker. */
function eofOffsets(pdf: Buffer): number[] {
  const offsets: number[] = [];
  for (let at = pdf.indexOf('%%EOF'); at >= 0; at = pdf.indexOf('%%EOF', at + 1)) offsets.push(at + 5);
  return offsets;
}

function verifyOne(pdf: Buffer, found: FoundSignature, details: DictionaryDetails | undefined, eofs: number[], options: VerifyOptions): SignatureReport {
  const { byteRange } = found;
  const end = byteRange[2] + byteRange[3];
  const report: SignatureReport = {
    fieldName: details?.fieldName,
    name: details?.name,
    reason: details?.reason,
    location: details?.location,
    subFilter: details?.subFilter,
    certification: details?.certification,
    byteRange,
    coversWholeDocument: end <= pdf.length && /^\s*$/.test(pdf.toString('latin1', end)),
    revision: Math.max(0, eofs.filter((offset) => offset <= end).length - 1),
    valid: false,
    problems: [],
  };
  if (byteRange[0] !== 0 || end > pdf.length) {
    report.problems.push({ code: 'BYTE_RANGE_INVALID', message: 'Phạm vi ký (ByteRange) không hợp lệ: chữ ký không bao phủ đúng tài liệu.' });
    return report;
  }
  let check;
  try {
    check = checkCms(found.contents, signedBytes(pdf, byteRange));
  } catch (error) {
    const message = error instanceof SigningError ? error.message : 'Dữ liệu chữ ký (CMS) không hợp lệ.';
    report.problems.push({ code: 'INVALID_CMS', message });
    return report;
  }
  const certificate = check.signerCertificate;
  if (certificate) describeCertificate(report, certificate);
  report.signingTime = (details?.m ? parsePdfDate(details.m) : undefined) ?? cmsSigningTime(check.signer.attributes.get(OID.signingTime)?.[0]);
  const who = certificate ? `"${commonName(certificate)}"` : '';
  if (!check.digestMatches) report.problems.push({ code: 'DIGEST_MISMATCH', message: `Tài liệu đã bị thay đổi sau khi ký ${who} (giá trị băm không khớp).`.replace(/\s+\(/, ' (') });
  if (check.unsupported) report.problems.push({ code: 'UNSUPPORTED', message: `Không kiểm tra được chữ ký: ${check.unsupported}.` });
  else if (!check.signatureValid) report.problems.push({ code: 'BAD_SIGNATURE', message: `Chữ ký số ${who} không hợp lệ (không khớp với chứng thư số).` });
  const timestampProblems = checkTimestamp(report, check.signer.unsignedAttributes.get(OID.signatureTimeStampToken)?.[0], check.signer.signature, options);
  report.problems.push(...timestampProblems);
  if (certificate) {
    if (signingCertificateAttributeMatches(check) === false) {
      report.problems.push({ code: 'SIGNING_CERTIFICATE_MISMATCH', message: `Chứng thư số ${who} không phải chứng thư được ghi trong chữ ký (signing-certificate).` });
    }
    report.problems.push(...checkSigningCertificate(certificate, {
      trustedRoots: options.trustedRoots,
      chain: check.certificates.filter((other) => !other.raw.equals(certificate.raw)),
      // A valid time-stamp proves the time; otherwise the claimed signing time is what we have.
      at: (report.timestamp?.valid ? report.timestamp.time : report.signingTime) ?? options.now ?? new Date(),
    }));
  }
  report.valid = report.problems.length === 0;
  return report;
}

function checkTimestamp(report: SignatureReport, token: { raw: Buffer } | undefined, signatureValue: Buffer, options: VerifyOptions): SignatureProblem[] {
  if (!token) return [];
  try {
    const { info, valid } = checkTimestampToken(Buffer.from(token.raw), signatureValue);
    const tsa = parseCms(Buffer.from(token.raw));
    const tsaCertificate = findSignerCertificate(tsa.signers[0], tsa.certificates);
    report.timestamp = { time: info.time, valid, authority: tsaCertificate ? commonName(tsaCertificate) : undefined };
    if (!valid) return [{ code: 'TIMESTAMP_INVALID', message: 'Dấu thời gian của chữ ký không hợp lệ.' }];
    const chain = tsa.certificates.filter((der) => !tsaCertificate?.raw.equals(der));
    const untrusted = tsaCertificate && checkSigningCertificate(tsaCertificate, { trustedRoots: options.trustedRoots, chain, at: info.time })
      .some((problem) => problem.code === 'UNTRUSTED' || problem.code === 'CHAIN_BROKEN');
    return untrusted ? [{ code: 'TIMESTAMP_UNTRUSTED', message: `Dấu thời gian do "${commonName(tsaCertificate)}" cấp, không thuộc tổ chức tin cậy.` }] : [];
  } catch {
    return [{ code: 'TIMESTAMP_INVALID', message: 'Dấu thời gian của chữ ký không đọc được.' }];
  }
}

function describeCertificate(report: SignatureReport, certificate: X509Certificate): void {
  report.signer = commonName(certificate);
  report.organisation = organisationName(certificate);
  report.subject = certificate.subject.replace(/\n/g, ', ');
  report.issuer = certificate.issuer.replace(/\n/g, ', ');
}

/** signingTime ::= Time (UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ). */
function cmsSigningTime(node: { tag: number; content: Buffer } | undefined): Date | undefined {
  if (!node) return undefined;
  const text = node.content.toString('latin1');
  const full = node.tag === 0x17 ? (Number(text.slice(0, 2)) >= 50 ? '19' : '20') + text : text;
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(full);
  return match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6])) : undefined;
}
