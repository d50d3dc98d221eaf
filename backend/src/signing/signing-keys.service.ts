import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { LoginThrottle } from '../auth/login-throttle';
import { conflict, invalid } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { checkSigningCertificate, commonName, DEMO_CA_NAME, openSecret, readPkcs12, sealSecret, SigningError, type CertificateInput, type Pkcs12Contents } from '.';
import { SigningCredential } from './signing-credential.entity';
import { SignatureImage, type SignatureImageKind } from './signature-image.entity';
import { TrustAnchor } from './trust-anchor.entity';

/** Whose key: a person signs in their own name, an organisation by its clerk at issue. */
export type KeyHolder = { user: Pick<User, 'id' | 'fullName' | 'username'> } | { organisation: Pick<Organisation, 'id' | 'name'> };

/** A key unlocked with its PIN for one signature, with the certificates the CMS carries. */
export interface UnlockedKey {
  privateKey: KeyObject;
  certificatePem: string;
  chainPem: string[];
}

export interface CredentialInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  uploadedAt: Date;
  /** Issued by a demo CA (demo data, tests): a test certificate without legal value. */
  test: boolean;
}

interface SealedKey {
  /** PKCS#8, encrypted under the holder's PIN (AES-256-CBC, PBKDF2: OpenSSL, native) */
  key: string;
  certificate: string;
  chain: string[];
}

const MAX_PIN_LENGTH = 128;

/**
 * The signing keys the server holds (PKCS#12 uploaded by an administrator) and the images signatures
 * show. A key is unlocked only by its PIN at the moment of signing; a wrong PIN counts like a failed
 * login (auth/login-throttle.ts), so PINs cannot be guessed faster than passwords.
 */
@Injectable()
export class SigningKeysService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Stores a PKCS#12 for a person or an organisation after checking that its PIN opens it and that its
   * certificate is trusted, valid now, allowed to sign and issued to that holder; replaces the one before.
   */
  async upload(holder: KeyHolder, p12: Buffer | undefined, pin: string | undefined, uploadedBy: string): Promise<CredentialInfo> {
    this.masterKey();
    if (!p12?.length) throw invalid({ file: 'chưa chọn tệp chứng thư số (.p12, .pfx)' });
    if (!pin) throw invalid({ pin: 'cần mã PIN của tệp chứng thư số' });
    return this.store(holder, await signingInput(() => readPkcs12(p12, pin), 'file'), pin, uploadedBy);
  }

  /**
   * Checks a key's certificate (trusted, valid now, allowed to sign, the holder's) and stores the key
   * sealed, encrypted under the PIN: what an upload does once its PKCS#12 is read, and the demo data.
   */
  async store(holder: KeyHolder, contents: Pkcs12Contents, pin: string, uploadedBy: string): Promise<CredentialInfo> {
    const masterKey = this.masterKey();
    await this.assertCertificateOf(holder, contents.certificate, contents.chain, 'file');
    const sealed: SealedKey = {
      key: contents.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: pin }).toString(),
      certificate: contents.certificate.toString(),
      chain: contents.chain.map((c) => c.toString()),
    };
    const credential = await this.em.transactional(async (em) => {
      await em.nativeUpdate(SigningCredential, { ...ownerWhere(holder), replacedAt: null }, { replacedAt: new Date() });
      const created = em.create(SigningCredential, {
        ...ownerRefs(em, holder),
        sealed: sealSecret(Buffer.from(JSON.stringify(sealed)), masterKey),
        certificatePem: sealed.certificate,
        subject: contents.certificate.subject,
        issuer: contents.certificate.issuer,
        serialNumber: contents.certificate.serialNumber,
        validFrom: new Date(contents.certificate.validFrom),
        validTo: new Date(contents.certificate.validTo),
        uploadedBy: em.getReference(User, uploadedBy),
      });
      return created;
    });
    return presentCredential(credential);
  }

  async info(holder: KeyHolder): Promise<CredentialInfo | null> {
    const credential = await this.active(holder);
    return credential && presentCredential(credential);
  }

  /** Whether the holder signs digitally, i.e. has a key on record. */
  async hasKey(holder: KeyHolder): Promise<boolean> {
    return (await this.em.count(SigningCredential, { ...ownerWhere(holder), replacedAt: null })) > 0;
  }

  /**
   * The holder's key opened with the PIN, or null when the holder has no key (its signatures are then
   * records only, as before digital signing). 400 naming `pin` without a PIN or with a wrong one; 400
   * naming the certificate when it has expired since upload. `attempt` names who typed the PIN.
   */
  async unlock(holder: KeyHolder, pin: string | undefined, attempt: { username: string; address: string }): Promise<UnlockedKey | null> {
    const credential = await this.active(holder, true);
    if (!credential) return null;
    if (!pin) throw invalid({ pin: `cần mã PIN để ký số bằng chứng thư "${commonName(new X509Certificate(credential.certificatePem))}"` });
    if (pin.length > MAX_PIN_LENGTH) throw invalid({ pin: 'mã PIN không đúng' });
    const sealed = JSON.parse(openSecret(credential.sealed, this.masterKey()).toString()) as SealedKey;
    const privateKey = await this.throttle.limitFailures(this.em, { username: `pin:${attempt.username}`, address: attempt.address }, async () => {
      try {
        return createPrivateKey({ key: sealed.key, format: 'pem', passphrase: pin });
      } catch {
        throw invalid({ pin: 'mã PIN không đúng' });
      }
    });
    await this.assertCertificateOf(holder, sealed.certificate, sealed.chain, 'certificate');
    return { privateKey, certificatePem: sealed.certificate, chainPem: sealed.chain };
  }

  /**
   * 400 naming `field` unless the certificate chains to a trusted root, is valid now, may sign, and
   * was issued to the holder (person or organisation); the message says which check failed.
   */
  async assertCertificateOf(holder: KeyHolder, certificate: CertificateInput, chain: CertificateInput[], field: string): Promise<void> {
    const problems = checkSigningCertificate(certificate, { trustedRoots: await this.trustedRoots(), chain, at: new Date(), expectedName: holderName(holder) });
    if (problems.length) throw invalid({ [field]: problems.map((p) => p.message).join(' ') });
  }

  /** Roots from SIGNING_TRUSTED_ROOTS and those of the database (the demo data's test CA). */
  async trustedRoots(): Promise<string[]> {
    const anchors = await this.em.find(TrustAnchor, {}, { orderBy: { createdAt: 'ASC' } });
    return [...this.config.signing.trustedRoots, ...anchors.map((a) => a.certificatePem)];
  }

  async addTrustAnchor(name: string, certificatePem: string): Promise<void> {
    await this.em.transactional((em) => {
      em.create(TrustAnchor, { name, certificatePem });
    });
  }

  /** A signature (person) or seal (organisation) image; PNG only, as the page shows it with its transparency. */
  async uploadImage(holder: KeyHolder, kind: SignatureImageKind, png: Buffer | undefined, diameterMm?: number): Promise<void> {
    if (!png?.length) throw invalid({ file: 'chưa chọn tệp ảnh (.png)' });
    if (!isPng(png)) throw invalid({ file: 'ảnh chữ ký và con dấu phải là tệp PNG (nền trong suốt)' });
    if (kind === 'seal' && !(diameterMm && diameterMm >= 20 && diameterMm <= 60)) throw invalid({ diameterMm: 'đường kính con dấu phải từ 20 đến 60 mm' });
    await this.em.transactional(async (em) => {
      await em.nativeDelete(SignatureImage, { ...ownerWhere(holder), kind });
      em.create(SignatureImage, { ...ownerRefs(em, holder), kind, png, diameterMm: kind === 'seal' ? diameterMm! : null });
    });
  }

  async image(holder: KeyHolder, kind: SignatureImageKind): Promise<SignatureImage | null> {
    return this.em.findOne(SignatureImage, { ...ownerWhere(holder), kind }, { populate: ['png'] });
  }

  private active(holder: KeyHolder, withKey = false): Promise<SigningCredential | null> {
    return this.em.findOne(SigningCredential, { ...ownerWhere(holder), replacedAt: null }, withKey ? { populate: ['sealed'] } : {});
  }

  private masterKey(): Buffer {
    const key = this.config.signing.masterKey;
    if (!key) {
      throw conflict('NO_MASTER_KEY', 'Máy chủ chưa được đặt SIGNING_MASTER_KEY nên không giữ khóa ký số; hãy ký bằng USB token hoặc dịch vụ ký số từ xa');
    }
    return key;
  }
}

export function holderName(holder: KeyHolder): string {
  return 'user' in holder ? holder.user.fullName : holder.organisation.name;
}

function ownerWhere(holder: KeyHolder) {
  return 'user' in holder ? { user: holder.user.id } : { organisation: holder.organisation.id };
}

function ownerRefs(em: EntityManager, holder: KeyHolder) {
  return 'user' in holder ? { user: em.getReference(User, holder.user.id) } : { organisation: em.getReference(Organisation, holder.organisation.id) };
}

function presentCredential(c: SigningCredential): CredentialInfo {
  return { subject: c.subject, issuer: c.issuer, serialNumber: c.serialNumber, validFrom: c.validFrom, validTo: c.validTo, uploadedAt: c.uploadedAt, test: c.issuer.includes(DEMO_CA_NAME) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const isPng = (bytes: Buffer) => bytes.subarray(0, 8).equals(PNG_SIGNATURE);

/**
 * The signing library's refusals (wrong PIN, not a PKCS#12, a bad image, a CMS over another digest, …)
 * are the caller's bad input: 400 naming the field (`pin` for a wrong PIN).
 */
export async function signingInput<T>(run: () => T | Promise<T>, field: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SigningError) throw invalid({ [error.code === 'WRONG_PIN' ? 'pin' : field]: error.message });
    throw error;
  }
}

