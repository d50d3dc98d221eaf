/** Whether a certificate may sign for a given person or organisation at a given time. */
import { X509Certificate } from 'node:crypto';
import { CertificateInput, commonName, keyUsage, nameAttributes, toX509 } from './certificate-der';

export type CertificateProblemCode =
  | 'UNTRUSTED'
  | 'CHAIN_BROKEN'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'KEY_USAGE'
  | 'NAME_MISMATCH';

export interface CertificateProblem {
  code: CertificateProblemCode;
  /** Vietnamese, names the certificate by its subject CN. */
  message: string;
}

export interface CertificateCheckOptions {
  trustedRoots: CertificateInput[];
  /** Intermediates that may complete the chain (e.g. the certificates inside a CMS). */
  chain?: CertificateInput[];
  at: Date;
  /** The person's or organisation's name the certificate must carry. */
  expectedName?: string;
  /** Which subject attribute carries the name: CN (default) or O. */
  nameAttribute?: 'CN' | 'O';
}

const MAX_CHAIN = 8;

export function checkSigningCertificate(input: CertificateInput, options: CertificateCheckOptions): CertificateProblem[] {
  const certificate = toX509(input);
  const name = commonName(certificate);
  const problems: CertificateProblem[] = [];
  problems.push(...validityProblems(certificate, options.at, `Chứng thư số "${name}"`));
  problems.push(...chainProblems(certificate, options));
  const usage = keyUsage(certificate.raw);
  if (usage.present && !usage.digitalSignature && !usage.nonRepudiation) {
    problems.push({ code: 'KEY_USAGE', message: `Chứng thư số "${name}" không được phép dùng để ký số (thiếu digitalSignature/nonRepudiation).` });
  }
  if (options.expectedName !== undefined) {
    const attribute = options.nameAttribute ?? 'CN';
    const actual = nameAttributes(certificate.subject)[attribute] ?? '';
    if (normaliseName(actual) !== normaliseName(options.expectedName)) {
      problems.push({
        code: 'NAME_MISMATCH',
        message: `Chứng thư số "${name}" không phải của "${options.expectedName}" (${attribute} = "${actual}").`,
      });
    }
  }
  return problems;
}

/** Names compare in NFC, case- and spacing-insensitive: "Nguyễn  Văn A" equals "NGUYỄN VĂN A". */
export function normaliseName(value: string): string {
  return value.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

function validityProblems(certificate: X509Certificate, at: Date, label: string): CertificateProblem[] {
  if (at < new Date(certificate.validFrom)) {
    return [{ code: 'NOT_YET_VALID', message: `${label} chưa có hiệu lực vào thời điểm ${at.toISOString()} (hiệu lực từ ${new Date(certificate.validFrom).toISOString()}).` }];
  }
  if (at > new Date(certificate.validTo)) {
    return [{ code: 'EXPIRED', message: `${label} đã hết hạn vào thời điểm ${at.toISOString()} (hết hạn ${new Date(certificate.validTo).toISOString()}).` }];
  }
  return [];
}

/** Walks issuer links up to a trusted root; each link must verify and be valid at `at`. */
function chainProblems(certificate: X509Certificate, options: CertificateCheckOptions): CertificateProblem[] {
  const roots = options.trustedRoots.map(toX509);
  const intermediates = (options.chain ?? []).map(toX509);
  const name = commonName(certificate);
  const problems: CertificateProblem[] = [];
  let current = certificate;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (roots.some((root) => root.raw.equals(current.raw))) return problems;
    const issuedBy = (candidate: X509Certificate) => !candidate.raw.equals(current.raw) && current.checkIssued(candidate);
    // Only a verifying signature makes an issuer; names alone can collide (every demo CA has the same).
    const root = roots.find((candidate) => issuedBy(candidate) && current.verify(candidate.publicKey));
    if (root) return [...problems, ...validityProblems(root, options.at, `Chứng thư số gốc "${commonName(root)}"`)];
    const named = intermediates.filter(issuedBy);
    const issuer = named.find((candidate) => current.verify(candidate.publicKey));
    if (!issuer) {
      if (named.length > 0) return [...problems, broken(name, current)];
      break;
    }
    problems.push(...validityProblems(issuer, options.at, `Chứng thư số trung gian "${commonName(issuer)}"`));
    current = issuer;
  }
  return [...problems, {
    code: 'UNTRUSTED',
    message: `Chứng thư số "${name}" không do tổ chức cung cấp dịch vụ chứng thực tin cậy cấp (bên cấp: ${current.issuer.replace(/\n/g, ', ')}).`,
  }];
}

function broken(name: string, at: X509Certificate): CertificateProblem {
  return { code: 'CHAIN_BROKEN', message: `Chuỗi chứng thư số của "${name}" bị đứt: chữ ký trên chứng thư "${commonName(at)}" không khớp với bên cấp.` };
}
