import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Organisation } from '../organisations/organisation.entity';
import { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';
import { Signature, SignatureKind } from './signature.entity';

@Injectable()
export class SignaturesService {
  /** Records a signature on the plan's current content, inside the caller's transaction. */
  sign(em: EntityManager, plan: Pick<Plan, 'id' | 'contentHash' | 'contentVersion'>, userId: string, organisationId: string, kind: SignatureKind, comment?: string): Signature {
    return em.create(Signature, {
      plan: em.getReference(Plan, plan.id),
      user: em.getReference(User, userId),
      organisation: em.getReference(Organisation, organisationId),
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
}
