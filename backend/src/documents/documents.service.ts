import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { sha256Hex } from '../common/canonical-json';
import { formatDocumentNumber } from '../core/document-number';
import { Organisation } from '../organisations/organisation.entity';
import { Plan, type IssuedAs } from '../plans/plan.entity';
import { Signature } from '../plans/signature.entity';
import { User } from '../users/user.entity';
import { IssuedDocument } from './issued-document.entity';
import { RenderPool } from './render-pool';
import { DocumentOrganisation, RenderInput, TemplateRenderError } from './rendering';
import { templateKindOf } from '../core/template-kinds';
import { OrganisationTemplatesService } from './templates/organisation-templates.service';
import { templateProblems } from './templates/template-problems';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocumentFile {
  bytes: Buffer;
  fileName: string;
  /** only for the issued document, which never changes */
  sha256: string | null;
}

/**
 * The plan's DOCX: rendered on demand as a draft before issue; after ISSUE rendered once, stored, and
 * served byte for byte. Both use the issuer's own template when it has an active one
 * (organisation-templates.service), and both render in the worker pool, never inside a transaction.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: OrganisationTemplatesService,
    private readonly renderPool: RenderPool,
    private readonly audit: AuditService,
  ) {}

  /**
   * The issued plan's final document, once its number is committed: rendered with no lock held, then
   * stored in a short transaction that seals its SHA-256 in the audit chain (event DOCUMENT). Of two
   * callers racing (ISSUE and a first download) the first stores it; both documents come from the
   * same committed facts. The record names whoever's request stored it. Answers the plan as it now is.
   */
  async storeIssued(plan: Plan, actorId: string): Promise<{ plan: Plan; document: IssuedDocument }> {
    const bytes = await this.render(this.em, plan, false);
    const stored = await this.em.transactional(async (em) => {
      // The plan row alone: populating with the lock would lock its issuer and author rows too,
      // which concurrent ISSUEs of that issuer need (foreign keys of their register entries).
      const locked = await em.findOneOrFail(Plan, plan.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const existing = await em.findOne(IssuedDocument, { plan: plan.id }, { populate: ['bytes'] });
      if (existing) return { plan: locked, document: existing };
      const document = em.create(IssuedDocument, { plan: locked, bytes, sha256: sha256Hex(bytes), fileName: `${formatDocumentNumber(locked.number!, locked.symbol).replace('/', '-')}.docx` });
      locked.documentHash = document.sha256;
      this.audit.append(em, locked, em.getReference(User, actorId), {
        event: 'DOCUMENT', fromState: locked.status, toState: locked.status, details: { documentHash: document.sha256 },
      });
      return { plan: locked, document };
    });
    await this.em.populate(stored.plan, ['issuer', 'createdBy']);
    return stored;
  }

  /** The draft, or the issued document (rendered and stored now if ISSUE could not: see storeIssued). */
  async file(em: EntityManager, plan: Plan, actorId: string): Promise<DocumentFile> {
    const issued = await em.findOne(IssuedDocument, { plan: plan.id }, { populate: ['bytes'] });
    if (issued) return { bytes: issued.bytes, fileName: issued.fileName, sha256: issued.sha256 };
    if (plan.number !== null) {
      const { document } = await this.storeIssued(plan, actorId);
      return { bytes: document.bytes, fileName: document.fileName, sha256: document.sha256 };
    }
    const bytes = await this.render(em, plan, true);
    return { bytes, fileName: `du-thao-${plan.symbol}-v${plan.contentVersion}.docx`, sha256: null };
  }

  /**
   * An accepted template has rendered every branch of the example plans, but an unknown tag can
   * only surface with real data: whoever downloads the draft or the not yet stored issued document
   * gets a 400 naming it; a rendering past the pool's time or memory limit, a 422.
   */
  private async render(em: EntityManager, plan: Plan, draft: boolean): Promise<Buffer> {
    return this.renderDocx(em, await this.renderInput(em, plan, draft));
  }

  /** Any document of the plan model (a plan, a correction notice) with its issuer's active template, in the pool. */
  async renderDocx(em: EntityManager, input: RenderInput): Promise<Buffer> {
    const templates = await this.templates.activeTemplates(em, input.issuer.id, templateKindOf(input.content.kind));
    try {
      return await this.renderPool.renderPlan(input, templates);
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      throw templateProblems('template', 'Mẫu văn bản riêng của tổ chức không dùng được; quản trị cần tải lại mẫu hoặc quay về mẫu chuẩn', error.details);
    }
  }

  /** An issued plan prints the names it was issued under (Plan.issuedAs); one not yet issued, the tree's as it is. */
  async renderInput(em: EntityManager, plan: Plan, draft: boolean): Promise<RenderInput> {
    const { issuer, coIssuers } = plan.issuedAs ?? (await this.currentNames(em, plan));
    return {
      content: plan.content,
      issuer,
      coIssuers,
      numbering: { number: plan.number, symbol: plan.symbol, issuedAt: plan.issuedAt },
      ...(await this.signers(em, plan)),
      draft,
    };
  }

  private async currentNames(em: EntityManager, plan: Plan): Promise<IssuedAs> {
    const organisations = await em.find(Organisation, { id: { $in: [plan.issuer.id, ...plan.coIssuerIds] } });
    const byId = new Map(organisations.map((o) => [o.id, toDocumentOrganisation(o)]));
    return { issuer: byId.get(plan.issuer.id)!, coIssuers: plan.coIssuerIds.map((id) => byId.get(id)!) };
  }

  /**
   * Who signed for each organisation on the current content — co-issuers' leaders, and the approving
   * leader — and the title recorded when they signed.
   */
  private async signers(em: EntityManager, plan: Plan): Promise<Pick<RenderInput, 'signerNames' | 'signerTitles'>> {
    const signatures = await em.find(Signature, { plan: plan.id, voidedAt: null, contentHash: plan.contentHash }, { populate: ['user'] });
    return {
      signerNames: Object.fromEntries(signatures.map((s) => [s.organisation.id, s.user.fullName])),
      signerTitles: Object.fromEntries(signatures.map((s) => [s.organisation.id, s.title])),
    };
  }
}

/** An organisation as the documents name it (header, signature blocks). */
export function toDocumentOrganisation(o: Organisation): DocumentOrganisation {
  return {
    id: o.id,
    name: o.name,
    bodyName: o.bodyName,
    symbol: o.symbol,
    place: o.place,
    signatureAuthority: o.signatureAuthority,
    signerTitle: o.signerTitle,
    signsElectronically: o.signsElectronically,
  };
}
