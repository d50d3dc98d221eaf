import type { PdfBox } from '../../typesetting/pdf-box';
import type { TinosStyle } from '../../typesetting/tinos';

export type { PdfBox };

/**
 * A line under the signature — the signer's name, when the document was rendered before it was known
 * — bold and centred in the bottom `height` points of the box.
 */
export interface SignatureCaption {
  text: string;
  height: number;
  fontSize: number;
}

/** How the signature widget looks. */
export type SignatureAppearance =
  /** A person's signature image (PNG, transparent background), scaled to fit and centred in the box (above the caption). */
  | { kind: 'image'; image: Buffer; caption?: SignatureCaption }
  /**
   * An organisation's seal (PNG) at its true diameter. `box` of the request is then the LEADER's
   * signature box: the seal is placed so it overlaps the left third of it (its right edge on the
   * line one third into the box, vertically centred), as seals are stamped on paper.
   */
  | { kind: 'seal'; image: Buffer; diameterMm: number }
  /** Lines of text (Tinos), e.g. from `defaultSignatureText`, when no image exists. */
  | { kind: 'text'; lines: string[]; fontSize?: number; caption?: SignatureCaption }
  /** No visible appearance (zero-size widget). */
  | { kind: 'invisible' };

/** A text field to fill in the same revision as the signature (the clerk's number and date, a co-issuer's title). */
export interface FieldFill {
  /** Fully qualified field name, e.g. "so". */
  name: string;
  value: string;
  /** The face of the line around the field, e.g. bold for a title (default regular). */
  style?: TinosStyle;
}

/** A printed text annotation, e.g. "12/KH-MTTQ" and the signing time top right on an appendix. */
export interface TextStamp {
  page: number;
  lines: string[];
  /** Default 10 pt (Phụ lục I: Times New Roman 10, đứng, màu đen). */
  fontSize?: number;
  /** Explicit box; default: the page's top-right corner, 20 mm from the right and 10 mm from the top. */
  box?: PdfBox;
  /** Default black (Phụ lục I); red for a mark set on a document afterwards, such as its recall. */
  color?: TextColor;
}

export type TextColor = 'black' | 'red';

export interface SignatureRequest {
  /** Name of the new signature field; must not exist yet. */
  fieldName: string;
  box: PdfBox;
  appearance: SignatureAppearance;
  /** Signer's display name, written to /Name. */
  signerName: string;
  reason?: string;
  location?: string;
  /** Claimed signing time, written to /M (PAdES takes it from there, not from the CMS). */
  signingTime: Date;
  fills?: FieldFill[];
  /** Make the filled fields read-only (default true). */
  lockFilledFields?: boolean;
  stamps?: TextStamp[];
  /**
   * Certification (DocMDP, ISO 32000-1 §12.8.2.2): only for the document's first signature.
   * 1 = no changes, 2 = form filling and signing, 3 = also annotations.
   */
  certify?: { permission: 1 | 2 | 3 };
  /** Bytes reserved for the CMS in /Contents (default 16384, i.e. 32768 hex digits). */
  contentsSize?: number;
}

export type ByteRange = [number, number, number, number];

export interface PreparedSignature {
  /** The PDF with the new revision appended and /Contents still zeros. */
  prepared: Buffer;
  byteRange: ByteRange;
  /** SHA-256 over the two ByteRange segments: what the signer's CMS must carry as messageDigest. */
  documentDigest: Buffer;
}
