import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { sha256Hex } from '../common/canonical-json';
import { formatDocumentNumber } from '../numbering/document-number';
import { Organisation } from '../organisations/organisation.entity';
import { Plan } from '../plans/plan.entity';
import { Signature } from '../signatures/signature.entity';
import { IssuedDocument } from './issued-document.entity';
import { RenderPool } from './render-pool';
import { DocumentOrganisation, RenderInput, TemplateRenderError, templateKindOf } from './rendering';
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
 * The plan's DOCX: rendered on demand as a draft before issue, rendered once and stored at ISSUE.
 * Both use the issuer's own template when it has an active one (organisation-templates.service).
 */
/** What rendering reads of a plan: the entity, or the row an ISSUE event locks. */
export type DocumentPlan = Pick<Plan, 'id' | 'kind' | 'content' | 'coIssuerIds' | 'number' | 'symbol' | 'issuedAt' | 'contentHash' | 'contentVersion'> & {
  issuer: { id: string };
};

@Injectable()
export class DocumentsService {
  constructor(
    private readonly templates: OrganisationTemplatesService,
    private readonly renderPool: RenderPool,
  ) {}

  /** Renders the final document inside the ISSUE transaction and stores it with its SHA-256. */
  async issue(em: EntityManager, plan: DocumentPlan): Promise<IssuedDocument> {
    const bytes = await this.render(em, plan, false);
    return em.create(IssuedDocument, { plan: em.getReference(Plan, plan.id), bytes, sha256: sha256Hex(bytes), fileName: `${formatDocumentNumber(plan.number!, plan.symbol).replace('/', '-')}.docx` });
  }

  async file(em: EntityManager, plan: DocumentPlan): Promise<DocumentFile> {
    const issued = await em.findOne(IssuedDocument, { plan: plan.id }, { populate: ['bytes'] });
    if (issued) return { bytes: issued.bytes, fileName: issued.fileName, sha256: issued.sha256 };
    const bytes = await this.render(em, plan, true);
    return { bytes, fileName: `du-thao-${plan.symbol}-v${plan.contentVersion}.docx`, sha256: null };
  }

  /**
   * An accepted template has rendered every branch of the example plans, but an unknown tag can
   * only surface with real data: the caller (drafter, clerk at ISSUE) gets a 400 naming it; a
   * rendering past the pool's time or memory limit, a 422.
   */
  private async render(em: EntityManager, plan: DocumentPlan, draft: boolean): Promise<Buffer> {
    const input = await this.renderInput(em, plan, draft);
    const templates = await this.templates.activeTemplates(em, plan.issuer.id, templateKindOf(plan.kind));
    try {
      return await this.renderPool.renderPlan(input, templates);
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      throw templateProblems('template', 'Mẫu văn bản riêng của tổ chức không dùng được; quản trị cần tải lại mẫu hoặc quay về mẫu chuẩn', error.details);
    }
  }

  private async renderInput(em: EntityManager, plan: DocumentPlan, draft: boolean): Promise<RenderInput> {
    const organisations = await em.find(Organisation, { id: { $in: [plan.issuer.id, ...plan.coIssuerIds] } });
    const byId = new Map(organisations.map((o) => [o.id, toDocumentOrganisation(o)]));
    return {
      content: plan.content,
      issuer: byId.get(plan.issuer.id)!,
      coIssuers: plan.coIssuerIds.map((id) => byId.get(id)!),
      numbering: { number: plan.number, symbol: plan.symbol, issuedAt: plan.issuedAt },
      signerNames: await this.signerNames(em, plan),
      draft,
    };
  }

  /** Who signed for each organisation on the current content: co-issuers' leaders, and the approving leader. */
  private async signerNames(em: EntityManager, plan: DocumentPlan): Promise<Record<string, string | null>> {
    const signatures = await em.find(Signature, { plan: plan.id, voidedAt: null, contentHash: plan.contentHash }, { populate: ['user'] });
    return Object.fromEntries(signatures.map((s) => [s.organisation.id, s.user.fullName]));
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
  };
}
