import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { sha256Hex } from '../common/canonical-json';
import { formatDocumentNumber } from '../numbering/document-number';
import { Organisation } from '../organisations/organisation.entity';
import type { Plan } from '../plans/plan.entity';
import { Signature } from '../signatures/signature.entity';
import { IssuedDocument } from './issued-document.entity';
import { DocumentOrganisation, renderPlanDocx } from './rendering';

export interface DocumentFile {
  bytes: Buffer;
  fileName: string;
  /** only for the issued document, which never changes */
  sha256: string | null;
}

/** The plan's DOCX: rendered on demand as a draft before issue, rendered once and stored at ISSUE. */
@Injectable()
export class DocumentsService {
  /** Renders the final document inside the ISSUE transaction and stores it; returns its SHA-256. */
  async issue(em: EntityManager, plan: Plan): Promise<IssuedDocument> {
    const bytes = renderPlanDocx(await this.renderInput(em, plan, false));
    return em.create(IssuedDocument, { plan, bytes, sha256: sha256Hex(bytes), fileName: `${formatDocumentNumber(plan.number!, plan.symbol).replace('/', '-')}.docx` });
  }

  async file(em: EntityManager, plan: Plan): Promise<DocumentFile> {
    const issued = await em.findOne(IssuedDocument, { plan }, { populate: ['bytes'] });
    if (issued) return { bytes: issued.bytes, fileName: issued.fileName, sha256: issued.sha256 };
    const bytes = renderPlanDocx(await this.renderInput(em, plan, true));
    return { bytes, fileName: `du-thao-${plan.symbol}-v${plan.contentVersion}.docx`, sha256: null };
  }

  private async renderInput(em: EntityManager, plan: Plan, draft: boolean) {
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
  private async signerNames(em: EntityManager, plan: Plan): Promise<Record<string, string | null>> {
    const signatures = await em.find(Signature, { plan, voidedAt: null, contentHash: plan.contentHash }, { populate: ['user'] });
    return Object.fromEntries(signatures.map((s) => [s.organisation.id, s.user.fullName]));
  }
}

function toDocumentOrganisation(o: Organisation): DocumentOrganisation {
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
