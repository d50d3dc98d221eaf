import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { sha256Hex } from '../common/canonical-json';
import { conflict, invalid } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { formatDocumentNumber } from '../core/document-number';
import { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';
import {
  appendStamps,
  cmsSigner,
  defaultSignatureText,
  embedSignature,
  formatVietnamTime,
  verifyPdfSignatures,
  type FieldFill,
  type PdfBox,
  type SignatureAppearance,
  type SignatureReport,
  type SignatureRequest,
  type TextStamp,
} from '../signing';
import { holderName, signingInput, SigningKeysService, type KeyHolder, type UnlockedKey } from '../signing/signing-keys.service';
import { DocumentsService } from './documents.service';
import { PendingPdfSignature } from './pending-pdf-signature.entity';
import { PlanPdf } from './plan-pdf.entity';
import { IssuedDocument } from './issued-document.entity';
import { RenderPool } from './render-pool';
import { lineHeight, PAGE, STYLES, TITLE_LINE_STYLE } from './rendering/pdf/styles';
import type { PlanPdfLayout } from './rendering/pdf/render-plan-pdf';
import { headLineText } from './rendering/plan-view-model';
import { formatShortDate, longDateParts } from '../core/vietnamese-date';

export const PDF_CONTENT_TYPE = 'application/pdf';

/** The signer's name line as the renderer sets it (style KHHoTen): a person's signature writes the name there. */
const NAME_FONT_SIZE = STYLES.KHHoTen.size;
const NAME_LINE_HEIGHT = lineHeight(STYLES.KHHoTen.size, STYLES.KHHoTen.line);
const MM = 72 / 25.4;

/** A recall as the PDF marks it. */
export interface RecallMark {
  recalledAt: Date;
  reason: string;
}

/** Which signature a plan event puts on the PDF. */
export interface PdfSignatureStep {
  /** the signature field's name before its number in the document: "phe_duyet", "dong_ky", "ban_hanh" */
  fieldPrefix: string;
  /** whose signature block it goes into (the issuer's for the approval and the organisation's seal) */
  blockOwnerId: string;
  /** a co-issuer's: the title signed under (signature.title), filled into its block's title line */
  title?: string;
  holder: KeyHolder;
  /** a person's signature shows their image and name; the organisation's, its seal */
  kind: 'person' | 'organisation';
  reason: string;
  /** the clerk's step: number and date, and the appendix's stamp */
  issue?: { number: number; symbol: string; issuedAt: Date };
}

/**
 * Who makes the signature: a key the server holds, opened with its PIN; or the signer's own device
 * (USB token, remote signing), which returned a CMS over the digest of an earlier preparation.
 */
export type PdfSigner = { key: UnlockedKey } | { external: ExternalSignature };

export interface ExternalSignature {
  preparationId: string;
  cms: Buffer;
}

export interface PdfFile {
  bytes: Buffer;
  fileName: string;
  /** the issued PDF's hash (sealed in the audit chain); null before issue */
  sha256: string | null;
}

/**
 * The plan's PDF (Nghị định 30/2020 Điều 5): rendered from the same view model as the DOCX; the copy
 * being signed is stored and grows by one incremental revision per digital signature — the leader's
 * approval, each co-issuer's, and last the organisation's with number and date, so every signature
 * stays valid and the last covers the whole document.
 */
@Injectable()
export class PlanPdfService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: DocumentsService,
    private readonly renderPool: RenderPool,
    private readonly keys: SigningKeysService,
  ) {}

  /**
   * Outside any lock, before an event that signs: renders the PDF of the plan's current content unless
   * it is stored already. Names are left out: each signature brings its signer's name with it. Each
   * co-issuer's title line is a field showing the organisation's signerTitle, as no one has signed yet;
   * the co-issuer's signature fills in the title signed under (a capacity's title, kiêm nhiệm).
   */
  async prepareFor(planId: string): Promise<void> {
    const em = this.em.fork();
    const plan = await em.findOneOrFail(Plan, planId, { populate: ['issuer'] });
    const stored = await em.findOne(PlanPdf, { plan: planId }, { fields: ['contentHash'] });
    if (stored?.contentHash === plan.contentHash) return;
    const input = { ...(await this.documents.renderInput(em, plan, false)), signerNames: {}, signerTitles: {} };
    const { pdf, layout } = await this.renderPool.renderPlanPdf(input, { issueFields: plan.number === null, titleFields: true });
    const bytes = Buffer.from(pdf);
    await em.transactional(async (tx) => {
      const current = await tx.findOne(PlanPdf, { plan: planId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      // Another request rendered it meanwhile, or the content changed again: keep what matches.
      if (current?.contentHash === plan.contentHash) return;
      const fresh = { contentHash: plan.contentHash, bytes, sha256: sha256Hex(bytes), layout, signatureCount: 0, updatedAt: new Date() };
      if (current) tx.assign(current, fresh);
      else tx.create(PlanPdf, { plan: tx.getReference(Plan, planId), ...fresh });
    });
  }

  /**
   * Inside the event's transaction (the plan row locked): adds one signature revision. The PDF must
   * show the content being signed; nothing is stored unless the signature is complete and valid.
   */
  async sign(em: EntityManager, plan: Pick<Plan, 'id' | 'contentHash'>, step: PdfSignatureStep, signer: PdfSigner): Promise<{ sha256: string }> {
    const stored = await this.current(em, plan);
    const signed = 'key' in signer
      ? await this.signBytes(stored.bytes, await this.request(stored, step), signer.key)
      : await this.completeExternal(em, stored, step, signer.external);
    stored.bytes = signed;
    stored.sha256 = sha256Hex(signed);
    stored.signatureCount += 1;
    stored.updatedAt = new Date();
    return { sha256: stored.sha256 };
  }

  /**
   * The external flow's first step, under the plan row lock: the PDF with this signature's field and
   * placeholder, kept, and the SHA-256 its signer's device signs (returned as a CMS with the event).
   */
  async prepareExternal(em: EntityManager, plan: Pick<Plan, 'id' | 'contentHash'>, step: PdfSignatureStep, userId: string, event: string) {
    const stored = await this.current(em, plan);
    const request = await this.request(stored, step);
    const result = await signingInput(() => this.renderPool.signPdf(stored.bytes, request, null, null), 'type');
    const { prepared, documentDigest } = result as { prepared: Uint8Array; documentDigest: Uint8Array };
    const digest = Buffer.from(documentDigest);
    const pending = em.create(PendingPdfSignature, {
      plan: em.getReference(Plan, plan.id), user: em.getReference(User, userId), event, baseSha256: stored.sha256, prepared: Buffer.from(prepared), digest: digest.toString('hex'),
    });
    return { preparationId: pending.id, digest: digest.toString('base64'), digestAlgorithm: 'SHA-256' as const };
  }

  /** How many digital signatures the plan's PDF for its current content carries. */
  async signatureCount(em: EntityManager, plan: Pick<Plan, 'id' | 'contentHash'>): Promise<number> {
    const stored = await em.findOne(PlanPdf, { plan: plan.id }, { fields: ['contentHash', 'signatureCount'] });
    return stored?.contentHash === plan.contentHash ? stored.signatureCount : 0;
  }

  /** The issued, signed PDF as stored; before issue the copy being signed, or a draft marked "DỰ THẢO". */
  async file(plan: Plan): Promise<PdfFile> {
    const stored = await this.em.findOne(PlanPdf, { plan: plan.id }, { populate: ['bytes'] });
    const issued = plan.number !== null;
    const name = issued ? formatDocumentNumber(plan.number!, plan.symbol).replace('/', '-') : `du-thao-${plan.symbol}-v${plan.contentVersion}`;
    if (stored && stored.contentHash === plan.contentHash && stored.signatureCount > 0) {
      return { bytes: stored.bytes, fileName: `${name}.pdf`, sha256: issued ? stored.sha256 : null };
    }
    // Not signed digitally: rendered on demand, the draft marked, the issued one with its number and
    // the titles signed under printed.
    const input = await this.documents.renderInput(this.em, plan, !issued);
    const { pdf, layout } = await this.renderPool.renderPlanPdf(input, { issueFields: false });
    const recall = plan.status === 'recalled' ? await this.recallOf(this.em, plan.id) : null;
    const bytes = recall ? await appendStamps(Buffer.from(pdf), recallStamps(layout.pageCount, recall), 'thu_hoi', recall.recalledAt) : Buffer.from(pdf);
    return { bytes, fileName: `${name}.pdf`, sha256: null };
  }

  /**
   * Inside RECALL's transaction: the signed PDF keeps every revision — the issued document stays
   * intact inside it, its signatures valid — and gains one more that marks each page recalled.
   */
  async markRecalled(em: EntityManager, plan: Pick<Plan, 'id' | 'contentHash'>, recall: RecallMark): Promise<{ pdfHash: string } | void> {
    const stored = await em.findOne(PlanPdf, { plan: plan.id }, { populate: ['bytes'] });
    if (!stored || stored.contentHash !== plan.contentHash || !stored.signatureCount) return;
    stored.bytes = await signingInput(() => appendStamps(stored.bytes, recallStamps(stored.layout.pageCount, recall), 'thu_hoi', recall.recalledAt), 'type');
    stored.sha256 = sha256Hex(stored.bytes);
    stored.updatedAt = new Date();
    return { pdfHash: stored.sha256 };
  }

  private async recallOf(em: EntityManager, planId: string): Promise<RecallMark | null> {
    const issued = await em.findOne(IssuedDocument, { plan: planId }, { fields: ['recalledAt', 'recallReason'] });
    return issued?.recalledAt ? { recalledAt: issued.recalledAt, reason: issued.recallReason ?? '' } : null;
  }

  /** Each signature of a PDF, checked against the trusted roots. */
  async verify(bytes: Buffer): Promise<SignatureReport[]> {
    return verifyPdfSignatures(bytes, { trustedRoots: await this.keys.trustedRoots() });
  }

  async storedPdf(planId: string): Promise<Buffer | null> {
    const stored = await this.em.findOne(PlanPdf, { plan: planId }, { populate: ['bytes'] });
    return stored?.bytes ?? null;
  }

  /** The stored PDF, which must show the plan's current content. */
  private async current(em: EntityManager, plan: Pick<Plan, 'id' | 'contentHash'>): Promise<PlanPdf> {
    const stored = await em.findOne(PlanPdf, { plan: plan.id }, { populate: ['bytes'] });
    if (!stored || stored.contentHash !== plan.contentHash) {
      throw conflict('PDF_STALE', 'Văn bản PDF để ký chưa khớp nội dung hiện tại của kế hoạch; vui lòng thử ký lại');
    }
    return stored;
  }

  /** The signature field, where it goes, how it looks; a co-issuer's title; the clerk's number, date and appendix stamp. */
  private async request(stored: PlanPdf, step: PdfSignatureStep): Promise<SignatureRequest> {
    const block = stored.layout.signatureBlocks.find((b) => b.organisationId === step.blockOwnerId);
    if (!block) throw invalid({ type: 'văn bản không có ô chữ ký của tổ chức này' });
    const signingTime = new Date();
    return {
      fieldName: `${step.fieldPrefix}_${stored.signatureCount + 1}`,
      box: step.kind === 'person' ? withNameLine(block.box) : block.box,
      appearance: await this.appearance(step, signingTime),
      signerName: holderName(step.holder),
      reason: step.reason,
      signingTime,
      fills: [...titleFill(block, step), ...(step.issue ? issueFills(step.issue) : [])],
      stamps: step.issue && appendixStamps(stored.layout.appendixFirstPage, step.issue, signingTime),
    };
  }

  /**
   * The external flow's second step: the returned CMS embedded into the PDF prepared for it — which
   * must still extend the stored PDF — and checked: over that digest, by a trusted certificate valid
   * now and issued to the signer. 400 naming `externalSignature` with the reason otherwise.
   */
  private async completeExternal(em: EntityManager, stored: PlanPdf, step: PdfSignatureStep, external: ExternalSignature): Promise<Buffer> {
    const pending = await em.findOne(PendingPdfSignature, { id: external.preparationId, plan: stored.plan.id }, { populate: ['prepared'] });
    if (!pending) throw invalid({ externalSignature: 'không tìm thấy phiên chuẩn bị ký này; hãy chuẩn bị ký lại' });
    if (pending.baseSha256 !== stored.sha256) {
      throw conflict('PDF_CHANGED', 'Văn bản đã có chữ ký khác từ khi chuẩn bị ký; hãy chuẩn bị và ký lại');
    }
    const signed = await signingInput(async () => embedSignature(pending.prepared, external.cms), 'externalSignature');
    const { certificate, chain } = cmsSigner(external.cms);
    await this.keys.assertCertificateOf(step.holder, certificate, chain, 'externalSignature');
    em.remove(pending);
    return signed;
  }

  private async appearance(step: PdfSignatureStep, time: Date): Promise<SignatureAppearance> {
    if (step.kind === 'organisation') {
      const seal = await this.keys.image(step.holder, 'seal');
      if (seal) return { kind: 'seal', image: seal.png, diameterMm: seal.diameterMm ?? 36 };
      return { kind: 'text', lines: defaultSignatureText(holderName(step.holder), undefined, formatVietnamTime(time)) };
    }
    const name = holderName(step.holder);
    const caption = { text: name, height: NAME_LINE_HEIGHT, fontSize: NAME_FONT_SIZE };
    const image = await this.keys.image(step.holder, 'signature');
    if (image) return { kind: 'image', image: image.png, caption };
    return { kind: 'text', lines: defaultSignatureText(name, undefined, formatVietnamTime(time)), caption };
  }

  private async signBytes(pdf: Buffer, request: SignatureRequest, key: UnlockedKey): Promise<Buffer> {
    const result = await signingInput(() => this.renderPool.signPdf(pdf, request, key, this.config.signing.tsaUrl), 'signature');
    return Buffer.from((result as { signed: Uint8Array }).signed);
  }
}

/** The person's signature covers the room and the name line below it, where its appearance writes the name. */
function withNameLine(box: PdfBox): PdfBox {
  return { ...box, y: box.y - NAME_LINE_HEIGHT, height: box.height + NAME_LINE_HEIGHT };
}

/**
 * A co-issuer's title signed under, into its block's title line as the DOCX prints it; none for a
 * block without the field (the issuer's, or a PDF rendered before title lines were fields).
 */
function titleFill(block: PlanPdfLayout['signatureBlocks'][number], { title }: PdfSignatureStep): FieldFill[] {
  return block.titleField && title ? [{ name: block.titleField, value: headLineText(title), style: TITLE_LINE_STYLE }] : [];
}

/** The clerk's number and date, as the header writes them ("05", "ngày 05 tháng 02 năm 2022"). */
function issueFills({ number, issuedAt }: { number: number; issuedAt: Date }): FieldFill[] {
  const { day, month, year } = longDateParts(issuedAt);
  return [
    { name: 'so', value: String(number).padStart(2, '0') },
    // "Sơn La, ngày … tháng … năm …" is set in italics (Phụ lục I): its fields are too.
    { name: 'ngay', value: day, style: 'italic' },
    { name: 'thang', value: month, style: 'italic' },
    { name: 'nam', value: year, style: 'italic' },
  ];
}

/** Phụ lục I §II.8: on an appendix, the organisation's signature as text top right — number and symbol, time. */
function appendixStamps(page: number | null, issue: { number: number; symbol: string }, time: Date): TextStamp[] | undefined {
  if (page === null) return undefined;
  return [{ page, lines: [formatDocumentNumber(issue.number, issue.symbol), formatVietnamTime(time)] }];
}

/** In red across the foot of every page, below the text: recalled on which day, and why. */
function recallStamps(pageCount: number, { recalledAt, reason }: RecallMark): TextStamp[] {
  const margin = 20 * MM;
  const box = { x: margin, y: 4 * MM, width: PAGE.width - 2 * margin, height: 14 * MM };
  const lines = [`VĂN BẢN ĐÃ BỊ THU HỒI NGÀY ${formatShortDate(recalledAt)}`, `Lý do: ${reason}`];
  return Array.from({ length: pageCount }, (_, page) => ({ page, lines, fontSize: 12, color: 'red' as const, box: { ...box, page } }));
}

