export { DEFAULT_CONTENTS_SIZE, digestOfByteRange, prepareSignature } from './prepare';
export { cmsSigner, embedSignature } from './embed';
export { appendStamps } from './stamp';
export { defaultSignatureText, sealBox } from './appearance';
export { formatVietnamTime, pdfDate } from './time';
export type { ByteRange, FieldFill, PdfBox, PreparedSignature, SignatureAppearance, SignatureRequest, TextStamp } from './types';
