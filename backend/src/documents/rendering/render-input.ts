import type { PlanContent } from '../../core/plan-content';

/** What the document needs to know about an organisation that issues or co-issues a plan. */
export interface DocumentOrganisation {
  id: string;
  /** "Ủy ban MTTQ Việt Nam tỉnh Sơn La": the header's upper line (in capitals) */
  name: string;
  /** "BAN THƯỜNG TRỰC": the issuing body, bold in the header */
  bodyName: string;
  /** "MTTQ-BTT" */
  symbol: string;
  /** "Sơn La" */
  place: string;
  /** "TM. BAN THƯỜNG TRỰC", "TM. BAN THƯỜNG VỤ LĐLĐ TỈNH" */
  signatureAuthority: string;
  /** default signer's title, "CHỦ TỊCH" */
  signerTitle: string;
  /**
   * The body's name inside a sentence ("Ban Thường trực"), for the appendix's "Kèm theo … của …"
   * line. Optional: derived from bodyName when absent.
   */
  bodyNameInSentence?: string;
  /**
   * The organisation's practice for an approved document: true (the default) prints "Đã ký" in its
   * signature block once the signer is recorded; false leaves room to sign by hand and seal.
   */
  signsElectronically?: boolean;
}

export interface DocumentNumbering {
  /** null until the plan is issued */
  number: number | null;
  /** "KH-MTTQ-BTT" */
  symbol: string;
  issuedAt: Date | null;
}

export interface RenderInput {
  content: PlanContent;
  issuer: DocumentOrganisation;
  /** in content.coIssuerIds order */
  coIssuers: DocumentOrganisation[];
  numbering: DocumentNumbering;
  /** organisationId → full name of who signed for it (the lead issuer: the approving leader) */
  signerNames: Record<string, string | null>;
  /**
   * organisationId → the title its co-issuer signed under, recorded with the signature (a capacity's
   * title, kiêm nhiệm); absent: the organisation's signerTitle. The lead issuer's block takes the content's signer.
   */
  signerTitles?: Record<string, string | null>;
  /** true → "DỰ THẢO" mark, blank number and date */
  draft: boolean;
  /**
   * When the document is rendered; only the year of an unnumbered document's blank date line
   * ("ngày    tháng    năm 2026") depends on it. Defaults to now; pass it for reproducible drafts.
   */
  renderedAt?: Date;
}
