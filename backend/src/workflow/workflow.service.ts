import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { AbilityFactory, PlanEvent, type AppAbility } from '../auth/ability.factory';
import type { AuthUser } from '../auth/auth-user';
import { nextAuditRecord } from '../audit/audit.service';
import { conflict, forbidden, invalid, notFound } from '../common/app-error';
import { DistributionService } from '../distribution/distribution.service';
import { DocumentsService } from '../documents/documents.service';
import { calendarDateInVietnam } from '../documents/rendering/vietnamese-date';
import { NumberingService } from '../numbering/numbering.service';
import { Organisation } from '../organisations/organisation.entity';
import { planSubject } from '../plans/plan-access';
import { Plan } from '../plans/plan.entity';
import { PLAN_TYPE_CODE } from '../plans/plans.service';
import { SignaturesService } from '../signatures/signatures.service';
import { User } from '../users/user.entity';
import { planFacts } from './available-actions';
import { EVENT_LABELS, STATUS_LABELS } from './labels';
import { PlanEventRepository, type PlanRow, type SignatureRow } from './plan-event.repository';
import { acceptsEventType, apply, EVENTS_NEEDING_COMMENT, statusOf } from './plan.machine';

interface EventContext {
  em: EntityManager;
  plan: PlanRow;
  signatures: SignatureRow[];
  user: AuthUser;
  comment: string | null;
}

/** What an event does besides changing state; returns facts sealed into the audit record. */
type SideEffect = (ctx: EventContext) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/** The plan after an event, with its signatures as they now are. */
export interface EventOutcome {
  plan: PlanRow | Plan;
  signatures: SignatureRow[];
}

/**
 * Applies plan events (DESIGN §4). Every event takes one path: one transaction holding the plan row
 * lock (read with its signatures in one statement, plan-event.repository.ts), in which the machine
 * decides what is legal, CASL who may; the side effects' rows are flushed, then the plan and its audit
 * record written in one statement. Work that needs no lock (ISSUE's rendering) runs after the commit.
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
      plan.approvedBy = { id: user.id };
    },
    ISSUE: (ctx) => this.takeNumber(ctx),
    DISTRIBUTE: ({ em, plan }) => ({ deliveredTo: this.distribution.deliver(em, plan) }),
    RECALL: ({ em, plan, comment }) => this.distribution.markRecalled(em, plan, comment!),
  };

  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly repository: PlanEventRepository,
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
    const ability = this.abilities.createForUser(user);
    const outcome = await this.em.transactional(async (em) => {
      const locked = await this.repository.lockForEvent(em, planId);
      if (!locked || !ability.can('read', planSubject(locked.plan))) throw notFound('Không tìm thấy kế hoạch');
      await this.applyTo({ em, ...locked, user, comment }, type, ability);
      return locked;
    });
    return type === 'ISSUE' ? this.withIssuedDocument(outcome, user) : outcome;
  }

  /** Checks the event against the locked plan, then changes it; the transaction flushes it all. */
  private async applyTo(ctx: EventContext, type: PlanEvent, ability: AppAbility): Promise<void> {
    const { em, plan, signatures, user, comment } = ctx;
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
    const sideEffect = this.sideEffects[type];
    const details = (await sideEffect?.(ctx)) ?? null;
    // The rows side effects created go first (the register entry, signatures, deliveries, rounds).
    if (sideEffect) await em.flush();
    await this.repository.write(em, plan, nextAuditRecord(plan, user.id, { event: type, fromState, toState: plan.status, comment, details }));
  }

  /** Inside the ISSUE transaction: number and date from the issuer's register (its counter row stays locked until commit). */
  private async takeNumber({ em, plan, user }: EventContext) {
    const issuedAt = new Date();
    const entry = await this.numbering.take(em, {
      // The issuer's register settings; ISSUE alone reads them.
      organisation: await em.findOneOrFail(Organisation, plan.issuer.id),
      typeCode: PLAN_TYPE_CODE,
      title: plan.title,
      issuedAt,
      createdBy: em.getReference(User, user.id),
      plan: em.getReference(Plan, plan.id),
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
      // The entity, for the documents service (ISSUE only: the rendering dwarfs this read).
      const issued = await this.em.findOneOrFail(Plan, outcome.plan.id, { populate: ['issuer', 'createdBy'] });
      const { plan } = await this.documents.storeIssued(issued, user.id);
      return { ...outcome, plan };
    } catch (error) {
      this.logger.warn(`plan ${outcome.plan.id}: issued document not stored yet (${(error as Error).message})`);
      return outcome;
    }
  }
}
