import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory, PlanEvent } from '../auth/ability.factory';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { conflict, forbidden, invalid } from '../common/app-error';
import { DistributionService } from '../distribution/distribution.service';
import { DocumentsService } from '../documents/documents.service';
import { calendarDateInVietnam } from '../documents/rendering/vietnamese-date';
import { NumberingService } from '../numbering/numbering.service';
import { planSubject } from '../plans/plan-access';
import type { Plan } from '../plans/plan.entity';
import { PLAN_TYPE_CODE, PlansService } from '../plans/plans.service';
import { SignaturesService } from '../signatures/signatures.service';
import { User } from '../users/user.entity';
import { EVENT_LABELS, STATUS_LABELS } from './labels';
import { acceptsEventType, apply, EVENTS_NEEDING_COMMENT, statusOf } from './plan.machine';

interface EventContext {
  em: EntityManager;
  plan: Plan;
  actor: User;
  user: AuthUser;
  comment: string | null;
}

/** What an event does besides changing state; returns facts sealed into the audit record. */
type SideEffect = (ctx: EventContext) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/**
 * Applies plan events (DESIGN §4): the machine decides what is legal, CASL who may, and this service
 * persists state, signatures, numbers, documents and the audit record in one transaction.
 */
@Injectable()
export class WorkflowService {
  private readonly sideEffects: Partial<Record<PlanEvent, SideEffect>> = {
    FORWARD: ({ plan }) => {
      // From coordination on, co-issuers read the plan (even if their signatures already stand).
      if (plan.coIssuerIds.length) plan.sharedWithCoIssuers = true;
    },
    SIGN: ({ em, plan, actor, user, comment }) => {
      this.signatures.sign(em, plan, actor, user.organisationId, 'co_issuer', comment ?? undefined);
    },
    APPROVE: ({ em, plan, actor, user, comment }) => {
      this.signatures.sign(em, plan, actor, user.organisationId, 'approval', comment ?? undefined);
      plan.approvedBy = actor;
    },
    ISSUE: (ctx) => this.issue(ctx),
    DISTRIBUTE: ({ em, plan }) => ({ deliveredTo: this.distribution.deliver(em, plan) }),
    RECALL: ({ em, plan, comment }) => this.distribution.markRecalled(em, plan, comment!),
  };

  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    private readonly signatures: SignaturesService,
    private readonly numbering: NumberingService,
    private readonly documents: DocumentsService,
    private readonly distribution: DistributionService,
  ) {}

  /**
   * 404 if the caller cannot see the plan; 409 if the event does not apply in this state; 403 if it
   * is not the caller's to send; 400 without a needed comment; 409 if a guard refuses (already signed).
   * The plan row is locked, so of two concurrent events only the first applies.
   */
  async send(user: AuthUser, planId: string, type: PlanEvent, rawComment?: string): Promise<Plan> {
    const comment = rawComment?.trim() || null;
    return this.em.transactional(async (em) => {
      const plan = await this.plans.lockReadable(em, user, planId);
      const notNow = () =>
        conflict('ILLEGAL_TRANSITION', `Không thể "${EVENT_LABELS[type]}" khi kế hoạch đang ở trạng thái "${STATUS_LABELS[plan.status]}"`, {
          status: plan.status,
        });
      if (!acceptsEventType(plan.machineState, type)) throw notNow();
      if (!this.abilities.createForUser(user).can(type, planSubject(plan))) {
        throw forbidden(`Bạn không có quyền "${EVENT_LABELS[type]}" đối với kế hoạch này`);
      }
      if (EVENTS_NEEDING_COMMENT.includes(type) && !comment) {
        throw invalid({ comment: `cần ghi rõ lý do khi "${EVENT_LABELS[type]}"` });
      }
      const next = apply(plan.machineState, { type, orgId: user.organisationId });
      if (!next) throw notNow();

      const fromState = plan.status;
      plan.machineState = next;
      plan.status = statusOf(next);
      const actor = em.getReference(User, user.id);
      const details = (await this.sideEffects[type]?.({ em, plan, actor, user, comment })) ?? null;
      await this.audit.append(em, plan, actor, { event: type, fromState, toState: plan.status, comment, details });
      return plan;
    });
  }

  /** Number and date from the issuer's register, then the final document, rendered once and stored. */
  private async issue({ em, plan, actor }: EventContext) {
    const issuedAt = new Date();
    const entry = await this.numbering.take(em, { organisation: plan.issuer, typeCode: PLAN_TYPE_CODE, title: plan.title, issuedAt, createdBy: actor, plan });
    plan.number = entry.number;
    plan.issuedAt = issuedAt;
    plan.year = calendarDateInVietnam(issuedAt).year;
    await em.populate(plan, ['approvedBy']);
    const document = await this.documents.issue(em, plan);
    plan.documentHash = document.sha256;
    return { number: entry.fullNumber, documentHash: document.sha256 };
  }
}
