import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory, PlanEvent } from '../auth/ability.factory';
import type { AuthUser } from '../auth/auth-user';
import { nextAuditRecord } from '../audit/audit.service';
import { conflict, forbidden, invalid, notFound } from '../common/app-error';
import { DistributionService } from '../distribution/distribution.service';
import { DocumentsService } from '../documents/documents.service';
import { calendarDateInVietnam } from '../documents/rendering/vietnamese-date';
import { NumberingService } from '../numbering/numbering.service';
import { planSubject } from '../plans/plan-access';
import { Organisation } from '../organisations/organisation.entity';
import { Plan } from '../plans/plan.entity';
import type { SignatureView } from '../plans/plan.presenter';
import { PLAN_TYPE_CODE } from '../plans/plans.service';
import { SignaturesService } from '../signatures/signatures.service';
import { User } from '../users/user.entity';
import { EVENT_LABELS, STATUS_LABELS } from './labels';
import { EventPlan, PlanEventStore } from './plan-event.store';
import { acceptsEventType, apply, EVENTS_NEEDING_COMMENT, statusOf } from './plan.machine';

interface EventContext {
  em: EntityManager;
  plan: EventPlan;
  user: AuthUser;
  comment: string | null;
}

/** What an event does besides changing state; returns facts sealed into the audit record. */
type SideEffect = (ctx: EventContext) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/** A side effect that only changes fields of the plan row itself (no `em`: it cannot write other rows). */
type PlanFieldEffect = (ctx: Omit<EventContext, 'em'>) => void;

interface PlanEventRequest {
  user: AuthUser;
  type: PlanEvent;
  comment: string | null;
}

/** Rereads of a plan that other events keep changing before a caller gives up (409 BUSY). */
const MAX_ATTEMPTS = 5;

/** The plan after an event, with its signatures as they now are. */
export interface EventOutcome {
  plan: EventPlan;
  signatures: SignatureView[];
}

/**
 * Applies plan events (DESIGN §4): the machine decides what is legal, CASL who may, and this service
 * persists state, signatures, numbers, documents and the audit record in one transaction.
 */
@Injectable()
export class WorkflowService {
  private readonly planFieldEffects: Partial<Record<PlanEvent, PlanFieldEffect>> = {
    FORWARD: ({ plan }) => {
      // From coordination on, co-issuers read the plan (even if their signatures already stand).
      if (plan.coIssuerIds.length) plan.sharedWithCoIssuers = true;
    },
  };

  /** Events that write rows besides the plan's and its audit record: they run holding the row lock. */
  private readonly rowEffects: Partial<Record<PlanEvent, SideEffect>> = {
    SIGN: ({ em, plan, user, comment }) => {
      this.signatures.sign(em, plan, user.id, user.organisationId, 'co_issuer', comment ?? undefined);
    },
    APPROVE: ({ em, plan, user, comment }) => {
      this.signatures.sign(em, plan, user.id, user.organisationId, 'approval', comment ?? undefined);
      plan.approvedById = user.id;
    },
    ISSUE: (ctx) => this.issue(ctx),
    DISTRIBUTE: ({ em, plan }) => ({ deliveredTo: this.distribution.deliver(em, plan) }),
    RECALL: ({ em, plan, comment }) => this.distribution.markRecalled(em, plan, comment!),
  };

  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly store: PlanEventStore,
    private readonly signatures: SignaturesService,
    private readonly numbering: NumberingService,
    private readonly documents: DocumentsService,
    private readonly distribution: DistributionService,
  ) {}

  /**
   * 404 if the caller cannot see the plan; 409 if the event does not apply in this state; 403 if it
   * is not the caller's to send; 400 without a needed comment; 409 if a guard refuses (already signed).
   * Of two concurrent events on one plan only the first applies; the second is judged on the result.
   */
  async send(user: AuthUser, planId: string, type: PlanEvent, rawComment?: string): Promise<EventOutcome> {
    const event: PlanEventRequest = { user, type, comment: rawComment?.trim() || null };
    if (this.rowEffects[type]) {
      // Signatures, numbers, documents, deliveries: one transaction holding the plan row lock.
      return this.em.transactional(async (em) => {
        const outcome = await this.applyTo(em, await this.store.read(em, planId, { lock: true }), event);
        if (!outcome) throw new Error(`plan ${planId} changed while its row was locked`);
        return outcome;
      });
    }
    // A change of state alone is one statement, applied only if the plan is still as it was read;
    // if another event came first, read again and judge this one on the new state.
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.applyTo(this.em, await this.store.read(this.em, planId, { lock: false }), event);
      if (outcome) return outcome;
      if (attempt === MAX_ATTEMPTS) {
        throw conflict('BUSY', 'Kế hoạch đang được người khác thao tác liên tục; hãy thử lại sau ít giây');
      }
    }
  }

  /** Checks and applies the event to the plan as read; null if the plan changed since. */
  private async applyTo(em: EntityManager, plan: EventPlan | null, { user, type, comment }: PlanEventRequest): Promise<EventOutcome | null> {
    const ability = this.abilities.createForUser(user);
    if (!plan || !ability.can('read', planSubject(plan))) throw notFound('Không tìm thấy kế hoạch');
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
    const next = apply(plan.machineState, { type, orgId: user.organisationId });
    if (!next) throw notNow();

    const fromState = plan.status;
    plan.machineState = next;
    plan.status = statusOf(next);
    this.planFieldEffects[type]?.({ plan, user, comment });
    const rowEffect = this.rowEffects[type];
    const details = (rowEffect ? await rowEffect({ em, plan, user, comment }) : undefined) ?? null;
    // The side effects' entities first: the save reads the plan's signatures back.
    if (rowEffect) await em.flush();
    const record = nextAuditRecord(plan, user.id, { event: type, fromState, toState: plan.status, comment, details });
    const saved = await this.store.save(em, plan, record);
    if (!saved) return null;
    Object.assign(plan, { version: saved.version, updatedAt: record.at, auditSeq: record.seq, auditHead: record.hash });
    return { plan, signatures: saved.signatures };
  }

  /** Number and date from the issuer's register, then the final document, rendered once and stored. */
  private async issue({ em, plan, user }: EventContext) {
    const issuedAt = new Date();
    const entry = await this.numbering.take(em, {
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
    const document = await this.documents.issue(em, plan);
    plan.documentHash = document.sha256;
    return { number: entry.fullNumber, documentHash: document.sha256 };
  }
}
