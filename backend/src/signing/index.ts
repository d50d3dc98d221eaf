/**
 * PDF signing and verification (PAdES B-B, Nghị định 30/2020/NĐ-CP Điều 5, Phụ lục I §II.7–8).
 * Pure functions on buffers: no Nest, no database.
 */
export { SigningError } from './errors';
export type { SigningErrorCode } from './errors';
export * from './pades';
export { assembleCms, buildSignedAttributes, signWithKey } from './cms/build';
export { addSignatureTimestamp, httpTransport } from './cms/timestamp';
export type { TimestampTransport } from './cms/timestamp';
export type { AssembleCmsInput, SignerCredentials } from './cms/build';
export { readPkcs12 } from './pki/pkcs12';
export type { Pkcs12Contents } from './pki/pkcs12';
export { checkSigningCertificate, normaliseName } from './pki/certificate-check';
export type { CertificateCheckOptions, CertificateProblem, CertificateProblemCode } from './pki/certificate-check';
export { commonName, organisationName, splitPemBundle } from './pki/certificate-der';
export type { CertificateInput } from './pki/certificate-der';
export { openSecret, sealSecret } from './pki/secret-box';
export { DEMO_CA_NAME, createDemoCa, issueDemoCertificate, issueDemoKey, issueDemoKeys } from './pki/demo-ca';
export type { DemoCa, DemoCertificate, DemoCertificateRequest, DemoKey } from './pki/demo-ca';
export { demoSealImage, demoSignatureImage } from './pki/demo-images';
export { verifyPdfSignatures } from './verify/verify-pdf';
export type { SignatureProblem, SignatureProblemCode, SignatureReport, VerifyOptions } from './verify/verify-pdf';
