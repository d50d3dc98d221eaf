import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { AbilityFactory, PlanEvent } from '../auth/ability.factory';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { conflict, forbidden, invalid } from '../common/app-error';
import { DistributionService } from '../distribution/distribution.service';
import { DocumentsService } from '../documents/documents.service';
import { calendarDateInVietnam } from '../documents/rendering/vietnamese-date';
import { NumberingService } from '../numbering/numbering.service';
import { planSubject } from '../plans/plan-access';
import { Plan } from '../plans/plan.entity';
import { PLAN_TYPE_CODE, PlansService } from '../plans/plans.service';
import type { Signature } from '../signatures/signature.entity';
import { SignaturesService } from '../signatures/signatures.service';
import { User } from '../users/user.entity';
import { planFacts } from './available-actions';
import { EVENT_LABELS, STATUS_LABELS } from './labels';
import { acceptsEventType, apply, EVENTS_NEEDING_COMMENT, statusOf } from './plan.machine';

interface EventContext {
  em: EntityManager;
  plan: Plan;
  signatures: Signature[];
  user: AuthUser;
  comment: string | null;
}

/** What an event does besides changing state; returns facts sealed into the audit record. */
type SideEffect = (ctx: EventContext) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/** The plan after an event, with its signatures as they now are. */
export interface EventOutcome {
  plan: Plan;
  signatures: Signature[];
}

/**
 * Applies plan events (DESIGN §4). Every event takes one path: one transaction holding the plan row
 * lock, in which the machine decides what is legal, CASL who may, and the plan, its side effects'
 * rows and the audit record are flushed together. Work that needs no lock (ISSUE's rendering) runs
 * after the commit.
 */
@Injectable()
export class WorkflowService {
  private readonly logger = new Logger('WorkflowService');

  private readonly sideEffects: Partial<Record<PlanEvent, SideEffect>> = {
    FORWARD: ({ plan }) => {
      // From coordination on, co-issuers read the plan (even if their signatures already stand).
      if (plan.coIssuerIds.length) plan.sharedWithCoIssuers = true;
    },
    SIGN: async ({ em, plan, signatures, user, comment }) => {
      signatures.push(await this.signatures.sign(em, plan, user.id, user.organisationId, 'co_issuer', comment ?? undefined));
    },
    APPROVE: async ({ em, plan, signatures, user, comment }) => {
      signatures.push(await this.signatures.sign(em, plan, user.id, user.organisationId, 'approval', comment ?? undefined));
      plan.approvedBy = em.getReference(User, user.id);
    },
    ISSUE: (ctx) => this.takeNumber(ctx),
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
   * Concurrent events on one plan queue on its row lock: each is judged on the state the previous left.
   */
  async send(user: AuthUser, planId: string, type: PlanEvent, rawComment?: string): Promise<EventOutcome> {
    const comment = rawComment?.trim() || null;
    const outcome = await this.em.transactional(async (em) => {
      const plan = await this.plans.lockReadable(em, user, planId);
      const signatures = await this.signatures.forPlan(em, plan);
      await this.applyTo({ em, plan, signatures, user, comment }, type);
      return { plan, signatures };
    });
    return type === 'ISSUE' ? this.withIssuedDocument(outcome, user) : outcome;
  }

  /** Checks the event against the locked plan, then changes it; the transaction flushes it all. */
  private async applyTo(ctx: EventContext, type: PlanEvent): Promise<void> {
    const { em, plan, signatures, user, comment } = ctx;
    const ability = this.abilities.createForUser(user);
    const notNow = () =>
      conflict('ILLEGAL_TRANSITION', `Không thể "${EVENT_LABELS[type]}" khi kế hoạch đang ở trạng thái "${STATUS_LABELS[plan.status]}"`, {
        status: plan.status,
      });
    if (!acceptsEventType(plan.machineState, type)) throw notNow();
    if (!ability.can(type, planSubject(plan))) {
      throw forbidden(`Bạn không có quyền "${EVENT_LABELS[type]}" đối với kế hoạch này`);
    }
    if (EVENTS_NEEDING_COMMENT.includes(type) && !comment) {
      throw invalid({ comment: `cần ghi rõ lý do khi "${EVENT_LABELS[type]}"` });
    }
    const next = apply(plan.machineState, planFacts(plan, signatures), { type, orgId: user.organisationId });
    if (!next) throw notNow();

    const fromState = plan.status;
    plan.machineState = next;
    plan.status = statusOf(next);
    const details = (await this.sideEffects[type]?.(ctx)) ?? null;
    this.audit.append(em, plan, em.getReference(User, user.id), { event: type, fromState, toState: plan.status, comment, details });
  }

  /** Inside the ISSUE transaction: number and date from the issuer's register (its counter row stays locked until commit). */
  private async takeNumber({ em, plan, user }: EventContext) {
    const issuedAt = new Date();
    const entry = await this.numbering.take(em, {
      organisation: plan.issuer,
      typeCode: PLAN_TYPE_CODE,
      title: plan.title,
      issuedAt,
      createdBy: em.getReference(User, user.id),
      plan,
    });
    plan.number = entry.number;
    plan.issuedAt = issuedAt;
    plan.year = calendarDateInVietnam(issuedAt).year;
    return { number: entry.fullNumber };
  }

  /**
   * After ISSUE has committed the number, the final document is rendered (worker pool, no lock) and
   * stored. If that fails, the plan stays issued with its number — never a gap in the register — and
   * the document is rendered at its first download instead.
   */
  private async withIssuedDocument(outcome: EventOutcome, user: AuthUser): Promise<EventOutcome> {
    try {
      const { plan } = await this.documents.storeIssued(outcome.plan, user.id);
      return { ...outcome, plan };
    } catch (error) {
      this.logger.warn(`plan ${outcome.plan.id}: issued document not stored yet (${(error as Error).message})`);
      return outcome;
    }
  }
}
