import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Organisation } from '../organisations/organisation.entity';
import { Plan } from './plan.entity';
import { User } from '../users/user.entity';
import { Signature, SignatureKind } from './signature.entity';

/** What deciding whether a signature counts reads of it (an entity, or one shown without its comment). */
export type CountedSignature = Pick<Signature, 'kind' | 'voidedAt' | 'contentHash'> & { organisation: { id: string } };

/** A signature counts while it is not voided and was given on the plan's current content. */
export const isValidSignature = (signature: Pick<Signature, 'voidedAt' | 'contentHash'>, plan: Pick<Plan, 'contentHash'>) =>
  signature.voidedAt === null && signature.contentHash === plan.contentHash;

/** The co-issuers whose signature on the current content stands: the one record of who has signed. */
export function coIssuersWhoSigned(plan: Pick<Plan, 'contentHash' | 'coIssuerIds'>, signatures: readonly CountedSignature[]): string[] {
  return signatures
    .filter((s) => s.kind === 'co_issuer' && isValidSignature(s, plan) && plan.coIssuerIds.includes(s.organisation.id))
    .map((s) => s.organisation.id);
}

/** Who signs: the person, the organisation they sign for, and the title they sign under there. */
export interface Signer {
  userId: string;
  organisationId: string;
  title: string;
}

@Injectable()
export class SignaturesService {
  /** Records a signature on the plan's current content, inside the caller's transaction. */
  async sign(em: EntityManager, plan: Pick<Plan, 'id' | 'contentHash' | 'contentVersion'>, by: Signer, kind: SignatureKind, comment?: string): Promise<Signature> {
    return em.create(Signature, {
      plan: em.getReference(Plan, plan.id),
      // Loaded, not a reference: the answer names the signer.
      user: await em.findOneOrFail(User, by.userId),
      organisation: em.getReference(Organisation, by.organisationId),
      title: by.title,
      kind,
      contentHash: plan.contentHash,
      contentVersion: plan.contentVersion,
      comment: comment?.trim() || null,
    });
  }

  /** An edit voids every signature on other content: the signers must sign the new version. */
  async voidOutdated(em: EntityManager, plan: Plan): Promise<number> {
    return em.nativeUpdate(
      Signature,
      { plan, voidedAt: null, contentHash: { $ne: plan.contentHash } },
      { voidedAt: new Date() },
    );
  }

  forPlan(em: EntityManager, plan: Plan): Promise<Signature[]> {
    return em.find(Signature, { plan }, { populate: ['user'], orderBy: { signedAt: 'ASC' } });
  }

  /** The valid co-issuer signatures of these plans, for deciding many plans' actions at once (the inbox). */
  async validCoIssuerSignatures(em: EntityManager, plans: Pick<Plan, 'id'>[]) {
    if (!plans.length) return [];
    return em.find(Signature, { plan: { $in: plans.map((p) => p.id) }, kind: 'co_issuer', voidedAt: null }, { fields: ['plan', 'organisation', 'kind', 'contentHash', 'voidedAt'] });
  }
}
