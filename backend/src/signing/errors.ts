/**
 * Every failure the signing library reports on purpose carries a stable code; the workflow maps the
 * code to an HTTP 400 and shows `message` (Vietnamese) to the user.
 */
export type SigningErrorCode =
  | 'WRONG_PIN'
  | 'INVALID_PKCS12'
  | 'NO_PRIVATE_KEY'
  | 'INVALID_CERTIFICATE'
  | 'INVALID_PDF'
  | 'ENCRYPTED_PDF'
  | 'FIELD_NOT_FOUND'
  | 'FIELD_EXISTS'
  | 'INVALID_BOX'
  | 'INVALID_IMAGE'
  | 'TEXT_NOT_SUPPORTED'
  | 'NOT_PREPARED'
  | 'CMS_TOO_LARGE'
  | 'INVALID_CMS'
  | 'DIGEST_MISMATCH'
  | 'BAD_SIGNATURE'
  | 'CERTIFY_NOT_FIRST'
  | 'CERTIFICATION_FORBIDS'
  | 'SECRET_CORRUPT'
  | 'INVALID_MASTER_KEY'
  | 'TIMESTAMP_FAILED';

export class SigningError extends Error {
  constructor(
    readonly code: SigningErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SigningError';
  }
}
