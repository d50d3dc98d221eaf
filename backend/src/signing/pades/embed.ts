/** Step 2 of signing: put a CMS into the prepared revision's /Contents, after checking it belongs there. */
import { X509Certificate } from 'node:crypto';
import { checkCms, findSignerCertificate } from '../cms/verify';
import { parseCms } from '../cms/parse';
import { SigningError } from '../errors';
import { ByteRange } from './types';

/** The ByteRange of the last signature dictionary, when its /Contents is still all zeros. */
export function preparedByteRange(prepared: Buffer): ByteRange {
  const at = prepared.lastIndexOf('/ByteRange');
  const match = at < 0 ? null : /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(prepared.toString('latin1', at, at + 80));
  const byteRange = match ? (match.slice(1, 5).map(Number) as ByteRange) : undefined;
  const valid = byteRange && byteRange[0] === 0 && byteRange[2] + byteRange[3] === prepared.length && byteRange[1] < byteRange[2]
    && prepared[byteRange[1]] === 0x3c && prepared[byteRange[2] - 1] === 0x3e
    && /^0+$/.test(prepared.toString('latin1', byteRange[1] + 1, byteRange[2] - 1));
  if (!valid) throw new SigningError('NOT_PREPARED', 'Tệp PDF chưa được chuẩn bị để ký (không có chỗ trống cho chữ ký).');
  return byteRange;
}

export function signedBytes(pdf: Buffer, [start1, length1, start2, length2]: ByteRange): Buffer {
  return Buffer.concat([pdf.subarray(start1, start1 + length1), pdf.subarray(start2, start2 + length2)]);
}

export function embedSignature(prepared: Buffer, cms: Buffer): Buffer {
  const byteRange = preparedByteRange(prepared);
  const room = (byteRange[2] - byteRange[1] - 2) / 2;
  const length = parseCms(cms).length;
  const der = cms.subarray(0, length);
  if (der.length > room) {
    throw new SigningError('CMS_TOO_LARGE', `Chữ ký số quá lớn (${der.length} byte, chỗ dành sẵn ${room} byte).`);
  }
  const check = checkCms(der, signedBytes(prepared, byteRange));
  if (!check.digestMatches) {
    throw new SigningError('DIGEST_MISMATCH', 'Chữ ký số không được tạo cho đúng tài liệu này (giá trị băm không khớp).');
  }
  if (check.unsupported) throw new SigningError('INVALID_CMS', `Không kiểm tra được chữ ký số: ${check.unsupported}.`);
  if (!check.signatureValid) throw new SigningError('BAD_SIGNATURE', 'Chữ ký số không hợp lệ (không khớp với chứng thư số của người ký).');
  const signed = Buffer.from(prepared);
  signed.write(der.toString('hex').toUpperCase(), byteRange[1] + 1, 'latin1');
  return signed;
}

/** The signer's certificate and the other certificates a CMS carries, for `checkSigningCertificate`. */
export function cmsSigner(cms: Buffer): { certificate: X509Certificate; chain: X509Certificate[] } {
  const parsed = parseCms(cms);
  const signer = findSignerCertificate(parsed.signers[0], parsed.certificates);
  if (!signer) throw new SigningError('INVALID_CMS', 'Chữ ký số không chứa chứng thư số của người ký.');
  return { certificate: signer, chain: parsed.certificates.filter((der) => !der.equals(signer.raw)).map((der) => new X509Certificate(der)) };
}
