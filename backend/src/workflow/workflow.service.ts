import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { AbilityFactory, type AppAbility } from '../access/ability.factory';
import { EVENTS_NEEDING_COMMENT, PlanEvent } from '../core/plan-lifecycle';
import type { AuthUser } from '../access/auth-user';
import { nextAuditRecord } from '../audit/audit.service';
import { conflict, forbidden, invalid, notFound } from '../common/app-error';
import { DistributionService } from '../distribution/distribution.service';
import { DocumentsService } from '../documents/documents.service';
import { PlanPdfService, type ExternalSignature, type PdfSignatureStep, type PdfSigner } from '../documents/plan-pdf.service';
import { SigningKeysService } from '../signing/signing-keys.service';
import { calendarDateInVietnam } from '../core/vietnamese-date';
import { NumberingService } from '../numbering/numbering.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Organisation } from '../organisations/organisation.entity';
import { planSubject } from '../plans/plan-access';
import { Plan } from '../plans/plan.entity';
import { PLAN_TYPE_CODE } from '../core/document-number';
import { SignaturesService } from '../plans/signatures.service';
import { assertDeadlinesAhead } from '../plans/plan-content.rules';
import { User } from '../users/user.entity';
import { organisationsActingFor, planFacts } from '../plans/available-actions';
import { EVENT_LABELS, STATUS_LABELS } from '../core/labels';
import { PlanEventRepository, type LockedPlan, type PlanRow, type SignatureRow } from './plan-event.repository';
import { ReplacementService } from './replacement.service';
import { ReportingRoundRepository } from '../reports/reporting-round.repository';
import { acceptsEventType, apply, statusOf } from '../core/plan-machine';

interface EventContext {
  em: EntityManager;
  plan: PlanRow;
  signatures: SignatureRow[];
  user: AuthUser;
  comment: string | null;
  /** the organisation the caller sends the event for: its own, or another it holds a role in (kiêm nhiệm) */
  actingFor: string;
  /** who signs the PDF: the key opened with the PIN before the transaction, or the signer's device; null: a record only */
  signer: PdfSigner | null;
}

/**
 * What a signing event carries besides its type: the PIN of a key the server holds, or the signature
 * the signer's device made over a prepared digest; and who is asking (for the PIN's throttle).
 */
export interface SigningInput {
  pin?: string;
  external?: ExternalSignature;
  address: string;
  /** the organisation signed for, when the caller could sign for several (kiêm nhiệm) */
  organisationId?: string;
}

/** The events that sign the PDF: co-issuers and the approving leader in person, the organisation at issue. */
const SIGNING_EVENTS: readonly PlanEvent[] = ['SIGN', 'APPROVE', 'ISSUE'];

/** The events whose signature names the organisation signed for: with several possible, the caller names it. */
const SIGNED_FOR_AN_ORGANISATION: readonly PlanEvent[] = ['SIGN', 'APPROVE'];

/** The events after which the plan's deadlines reach others: up for review, then out to the recipients. */
const DEADLINES_CHECKED_AT: readonly PlanEvent[] = ['SUBMIT', 'ISSUE'];

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
    SIGN: async ({ em, plan, signatures, user, comment, signer, actingFor }) => {
      const title = await this.coIssuerTitle(em, user, actingFor);
      signatures.push(await this.signatures.sign(em, plan, { userId: user.id, organisationId: actingFor, title }, 'co_issuer', comment ?? undefined));
      if (signer) return this.signPdf(em, plan, coIssuerStep(user, actingFor, title), signer);
    },
    APPROVE: async ({ em, plan, signatures, user, comment, signer, actingFor }) => {
      // The issuer's block shows the signer as the content names it (authority, deputy line and title go together).
      const title = plan.content.signer.title;
      signatures.push(await this.signatures.sign(em, plan, { userId: user.id, organisationId: actingFor, title }, 'approval', comment ?? undefined));
      plan.approvedBy = { id: user.id };
      if (signer) return this.signPdf(em, plan, approvalStep(plan, user), signer);
    },
    ISSUE: async (ctx) => {
      await this.repository.snapshotIssuedAs(ctx.em, ctx.plan.id);
      return {
        ...(await this.takeNumber(ctx)),
        ...(await this.sealPdf(ctx)),
        // A replacement (Điều 18), once numbered, marks the plan it replaces.
        ...(ctx.plan.replaces && (await this.replacement.complete(ctx.em, ctx.plan, ctx.user))),
      };
    },
    DISTRIBUTE: async ({ em, plan }) => ({
      // A replacement's rounds moved from the replaced plan are made already.
      deliveredTo: await this.distribution.deliver(em, plan, plan.replaces ? await this.rounds.positionsOf(em, plan.id) : []),
    }),
    RECALL: async ({ em, plan, comment }) => {
      const recall = { recalledAt: new Date(), reason: comment! };
      await this.distribution.markRecalled(em, plan, recall);
      return this.pdfs.markRecalled(em, plan, recall);
    },
  };

  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly repository: PlanEventRepository,
    private readonly signatures: SignaturesService,
    private readonly numbering: NumberingService,
    private readonly documents: DocumentsService,
    private readonly distribution: DistributionService,
    private readonly pdfs: PlanPdfService,
    private readonly keys: SigningKeysService,
    private readonly notifications: NotificationsService,
    private readonly replacement: ReplacementService,
    private readonly rounds: ReportingRoundRepository,
  ) {}

  /**
   * 404 if the caller cannot see the plan; 409 if the event does not apply in this state; 403 if it
   * is not the caller's to send; 400 without a needed comment; 409 if a guard refuses (already signed).
   * Concurrent events on one plan queue on its row lock: each is judged on the state the previous left.
   */
  async send(user: AuthUser, planId: string, type: PlanEvent, rawComment?: string, signing?: SigningInput): Promise<EventOutcome> {
    const comment = rawComment?.trim() || null;
    const ability = this.abilities.createForUser(user);
    const signer = SIGNING_EVENTS.includes(type) ? await this.resolveSigner(user, ability, planId, type, signing) : null;
    const outcome = await this.em.transactional(async (em) => {
      const locked = await this.repository.lockForEvent(em, planId);
      if (!locked || !ability.can('read', planSubject(locked.plan))) throw notFound('Không tìm thấy kế hoạch');
      await this.applyTo({ em, ...locked, user, comment, signer }, type, ability, signing?.organisationId);
      return locked;
    });
    return type === 'ISSUE' ? this.withIssuedDocument(outcome, user) : outcome;
  }

  /** Checks the event against the locked plan, then changes it; the transaction flushes it all. */
  private async applyTo(request: Omit<EventContext, 'actingFor'>, type: PlanEvent, ability: AppAbility, requestedFor: string | undefined): Promise<void> {
    const { em, plan, signatures, user, comment } = request;
    const notNow = () =>
      conflict('ILLEGAL_TRANSITION', `Không thể "${EVENT_LABELS[type]}" khi kế hoạch đang ở trạng thái "${STATUS_LABELS[plan.status]}"`, {
        status: plan.status,
      });
    if (!acceptsEventType(plan.machineState, type)) throw notNow();
    if (plan.replacedBy) {
      throw conflict('REPLACED', `Không thể "${EVENT_LABELS[type]}": kế hoạch đã bị thay thế, việc tiếp tục trên kế hoạch thay thế`, { replacedBy: plan.replacedBy.id });
    }
    if (!ability.can(type, planSubject(plan))) {
      throw forbidden(`Bạn không có quyền "${EVENT_LABELS[type]}" đối với kế hoạch này`);
    }
    const ctx: EventContext = { ...request, actingFor: this.actingOrganisation(user, { plan, signatures }, type, requestedFor) };
    if (EVENTS_NEEDING_COMMENT.includes(type) && !comment) {
      throw invalid({ comment: `cần ghi rõ lý do khi "${EVENT_LABELS[type]}"` });
    }
    if (DEADLINES_CHECKED_AT.includes(type)) assertDeadlinesAhead(plan.content.reporting, new Date());
    const next = apply(plan.machineState, planFacts(plan, signatures), { type, orgId: ctx.actingFor });
    if (!next) throw notNow();

    const fromState = plan.status;
    plan.machineState = next;
    plan.status = statusOf(next);
    const sideEffect = this.sideEffects[type];
    const details = (await sideEffect?.(ctx)) ?? null;
    // The rows side effects created go first (the register entry, signatures, deliveries, rounds).
    if (sideEffect) await em.flush();
    await this.repository.write(em, plan, nextAuditRecord(plan, user.id, { event: type, fromState, toState: plan.status, comment, details }));
    await this.notifications.onPlanEvent(em, { plan, signatures, type, fromState, comment, actor: user });
  }

  /**
   * Before the transaction, with no lock held: who signs the PDF — the signer's key opened with the PIN
   * (the person's for SIGN and APPROVE, the issuing organisation's for ISSUE), or the signature the
   * signer's device returned — and the PDF to sign rendered. No key on record and no device signature:
   * the signature stays a record, as for an organisation that signs on paper.
   */
  private async resolveSigner(user: AuthUser, ability: AppAbility, planId: string, type: PlanEvent, signing: SigningInput | undefined): Promise<PdfSigner | null> {
    const plan = await this.readableForSigning(ability, planId);
    // An event that is not legal now or not the caller's gets its 409 or 403 from the transaction, PIN or not.
    if (!acceptsEventType(plan.machineState, type) || !ability.can(type, planSubject(plan))) return null;
    if (signing?.external) {
      if (type === 'ISSUE') throw invalid({ externalSignature: 'chữ ký của tổ chức khi ban hành dùng chứng thư số của tổ chức do máy chủ giữ (mã PIN)' });
      return { external: signing.external };
    }
    const holder = type === 'ISSUE' ? { organisation: plan.issuer } : { user };
    const key = await this.keys.unlock(holder, signing?.pin, { username: user.username, address: signing?.address ?? 'unknown' });
    if (!key) return null;
    await this.pdfs.prepareFor(planId);
    return { key };
  }

  /**
   * The external flow's first step (USB token, remote signing) for SIGN and APPROVE: the PDF prepared
   * with this signer's field, and the digest the device signs; the CMS then comes back with the event.
   */
  async prepareExternalSignature(user: AuthUser, planId: string, type: PlanEvent, requestedFor?: string) {
    if (type !== 'SIGN' && type !== 'APPROVE') throw invalid({ type: 'chỉ chuẩn bị ký bằng thiết bị riêng cho "Ký phối hợp" và "Phê duyệt"' });
    const ability = this.abilities.createForUser(user);
    const plan = await this.readableForSigning(ability, planId);
    if (!acceptsEventType(plan.machineState, type) || !ability.can(type, planSubject(plan))) {
      throw conflict('ILLEGAL_TRANSITION', `Không thể "${EVENT_LABELS[type]}" kế hoạch này lúc này`, { status: plan.status });
    }
    await this.pdfs.prepareFor(planId);
    return this.em.transactional(async (em) => {
      const locked = await this.repository.lockForEvent(em, planId);
      if (!locked) throw notFound('Không tìm thấy kế hoạch');
      const actingFor = this.actingOrganisation(user, locked, type, requestedFor);
      const step = type === 'SIGN' ? coIssuerStep(user, actingFor, await this.coIssuerTitle(em, user, actingFor)) : approvalStep(locked.plan, user);
      return this.pdfs.prepareExternal(em, locked.plan, step, user.id, type);
    });
  }

  /**
   * The organisation the caller sends the event for (kiêm nhiệm): the one whose capacity's rules allow
   * it on this plan now. When several could and the signature names it (SIGN, APPROVE), the request must
   * say which (400 on `organisationId`); one named must be among them (403). None: the machine refuses.
   */
  private actingOrganisation(user: AuthUser, { plan, signatures }: LockedPlan, type: PlanEvent, requested: string | undefined): string {
    // Most people hold one capacity: nothing to choose, and the hot path stays as it was.
    if (user.capacities.length === 1 && requested === undefined) return user.organisationId;
    const candidates = organisationsActingFor(plan, signatures, user, this.abilities, type);
    if (!candidates.length) return user.organisationId;
    if (requested !== undefined) {
      if (!candidates.includes(requested)) throw forbidden(`Bạn không thể "${EVENT_LABELS[type]}" kế hoạch này thay mặt đơn vị đã chọn`);
      return requested;
    }
    if (candidates.length > 1 && SIGNED_FOR_AN_ORGANISATION.includes(type)) {
      throw invalid({ organisationId: `anh/chị giữ chức vụ ở nhiều đơn vị có thể "${EVENT_LABELS[type]}" kế hoạch này: chọn đơn vị ký thay mặt` });
    }
    return candidates[0];
  }

  /** A co-issuer's signer signs under the title of their capacity there, else the organisation's signer title. */
  private async coIssuerTitle(em: EntityManager, user: AuthUser, organisationId: string): Promise<string> {
    const capacityTitle = user.capacities.find((c) => c.organisationId === organisationId)?.title;
    return capacityTitle ?? (await em.findOneOrFail(Organisation, organisationId, { fields: ['signerTitle'] })).signerTitle;
  }

  private async readableForSigning(ability: AppAbility, planId: string): Promise<Plan> {
    // A fresh context: the plan as committed now, not as an earlier event of this context left it.
    const plan = await this.em.fork().findOne(Plan, planId, { populate: ['issuer'], exclude: ['content'] as never });
    if (!plan || !ability.can('read', planSubject(plan))) throw notFound('Không tìm thấy kế hoạch');
    return plan;
  }

  private async signPdf(em: EntityManager, plan: PlanRow, step: PdfSignatureStep, signer: PdfSigner) {
    const { sha256 } = await this.pdfs.sign(em, plan, step, signer);
    return { pdfHash: sha256 };
  }

  /**
   * The clerk's step at ISSUE: number and date into the PDF and the organisation's signature last,
   * covering everything. A PDF that already carries signatures cannot be issued without it.
   */
  private async sealPdf({ em, plan, signer }: EventContext) {
    if (!signer) {
      if (await this.pdfs.signatureCount(em, plan)) {
        throw invalid({ pin: `Văn bản đã được ký số; ban hành cần chữ ký số của ${plan.issuer.name}: quản trị cần tải lên chứng thư số của tổ chức` });
      }
      return {};
    }
    return this.signPdf(em, plan, {
      fieldPrefix: 'ban_hanh',
      blockOwnerId: plan.issuer.id,
      holder: { organisation: plan.issuer },
      kind: 'organisation',
      reason: 'Ký số của cơ quan, tổ chức ban hành',
      issue: { number: plan.number!, symbol: plan.symbol, issuedAt: plan.issuedAt! },
    }, signer);
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
      const issued = await this.em.findOneOrFail(Plan, outcome.plan.id, { populate: ['issuer', 'createdBy', 'draftingUnit'] });
      const { plan } = await this.documents.storeIssued(issued, user.id);
      return { ...outcome, plan };
    } catch (error) {
      this.logger.warn(`plan ${outcome.plan.id}: issued document not stored yet (${(error as Error).message})`);
      return outcome;
    }
  }
}

/**
 * A co-issuer's leader's signature on the PDF: in the block of the co-issuer signed for, whose title
 * line it fills with the title signed under (the one its signature row records).
 */
function coIssuerStep(user: AuthUser, organisationId: string, title: string): PdfSignatureStep {
  return { fieldPrefix: 'dong_ky', blockOwnerId: organisationId, title, holder: { user }, kind: 'person', reason: 'Ký ban hành phối hợp' };
}

/** The approving leader's signature on the PDF, in the issuer's block (its title is the content's). */
function approvalStep(plan: Pick<PlanRow, 'issuer'>, user: AuthUser): PdfSignatureStep {
  return { fieldPrefix: 'phe_duyet', blockOwnerId: plan.issuer.id, holder: { user }, kind: 'person', reason: 'Phê duyệt, ký ban hành' };
}
