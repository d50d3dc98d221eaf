/**
 * Envelope encryption of secrets at rest (a signer's PKCS#12). Format, version 1:
 *   0x01 | IV (12 bytes) | GCM tag (16 bytes) | ciphertext
 * The version byte is authenticated (AAD), so a future format cannot be confused with this one.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SigningError } from '../errors';

const VERSION = 0x01;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

function requireKey(masterKey: Buffer): void {
  if (masterKey.length !== 32) throw new SigningError('INVALID_MASTER_KEY', 'Khóa chủ phải dài 32 byte (AES-256).');
}

export function sealSecret(bytes: Buffer, masterKey: Buffer): Buffer {
  requireKey(masterKey);
  const iv = randomBytes(IV_LENGTH);
  const header = Buffer.from([VERSION]);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(header);
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]);
}

export function openSecret(sealed: Buffer, masterKey: Buffer): Buffer {
  requireKey(masterKey);
  if (sealed.length < 1 + IV_LENGTH + TAG_LENGTH || sealed[0] !== VERSION) {
    throw new SigningError('SECRET_CORRUPT', 'Dữ liệu bí mật đã mã hóa không đúng định dạng.');
  }
  const iv = sealed.subarray(1, 1 + IV_LENGTH);
  const tag = sealed.subarray(1 + IV_LENGTH, 1 + IV_LENGTH + TAG_LENGTH);
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, iv);
    decipher.setAAD(sealed.subarray(0, 1));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_LENGTH + TAG_LENGTH)), decipher.final()]);
  } catch (error) {
    throw new SigningError('SECRET_CORRUPT', 'Không giải mã được dữ liệu bí mật (sai khóa chủ hoặc dữ liệu bị sửa).', { cause: error });
  }
}
