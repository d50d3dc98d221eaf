import { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory, type Action } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { conflict, forbidden, invalid, notFound } from '../common/app-error';
import { sha256Hex } from '../common/canonical-json';
import { formatDocumentNumber } from '../core/document-number';
import { vietnamDay } from '../core/reporting-calendar';
import { calendarDateInVietnam } from '../core/vietnamese-date';
import { documentTypeName } from '../core/document-types';
import { CORRECTION_STATUS_LABELS, CORRECTION_TYPE_CODE, correctionNoticeContent, correctionSummary, type CorrectionStatus } from '../core/plan-citation';
import type { PlanStatus } from '../core/plan-lifecycle';
import { DocumentsService, type DocumentFile } from '../documents/documents.service';
import { NotificationsService } from '../notifications/notifications.service';
import { NumberingService } from '../numbering/numbering.service';
import { IncomingRepository } from '../incoming/incoming.repository';
import { Organisation } from '../organisations/organisation.entity';
import { planSubject } from '../plans/plan-access';
import type { Plan } from '../plans/plan.entity';
import { PlansService } from '../plans/plans.service';
import { User } from '../users/user.entity';
import { CorrectionReading, PlanCorrection } from './plan-correction.entity';

/** A correction is of a plan in force as issued: not a draft, not recalled, not replaced. */
const CORRECTABLE: readonly PlanStatus[] = ['issued', 'distributed'];

/** Each step: who may take it (CASL on the plan), from which state, to which. */
const STEPS = {
  approve: { action: 'APPROVE_CORRECTION', from: 'draft', label: 'phê duyệt' },
  issue: { action: 'ISSUE_CORRECTION', from: 'approved', label: 'ban hành' },
} as const satisfies Record<string, { action: Action; from: CorrectionStatus; label: string }>;

/**
 * Correction notices (đính chính, Nghị định 30/2020 Điều 18) of issued plans: the issuer's drafter
 * writes one, its leader approves it, its clerk issues it with a number from the organisation's
 * outgoing register (a Thông báo). Each step locks the plan row; the issue is recorded in the plan's
 * audit chain and reaches the plan's recipients (their inbox, an e-mail).
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly plans: PlansService,
    private readonly numbering: NumberingService,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly notifications: NotificationsService,
    private readonly incoming: IncomingRepository,
  ) {}

  /** The issuer and co-issuers see every notice; other readers (recipients, ancestors) the issued ones. */
  async list(user: AuthUser, planId: string) {
    const plan = await this.plans.findReadable(this.em, user, planId);
    const where: FilterQuery<PlanCorrection> = this.plans.mayReadInternal(user, plan) ? { plan } : { plan, status: 'issued' };
    const corrections = await this.em.find(PlanCorrection, where, { orderBy: { createdAt: 'ASC' }, populate: ['createdBy', 'approvedBy', 'issuedBy'] });
    const readings = await this.em.find(CorrectionReading, { correction: { $in: corrections }, organisation: user.organisationId });
    return corrections.map((correction) => presentCorrection(correction, plan, readings.find((r) => r.correction.id === correction.id)?.readAt ?? null));
  }

  async create(user: AuthUser, planId: string, rawText: string) {
    const text = rawText.trim();
    if (!text) throw invalid({ text: 'cần ghi nội dung đính chính' });
    return this.em.transactional(async (em) => {
      const plan = await this.plans.lockReadable(em, user, planId);
      if (!this.abilities.createForUser(user).can('CORRECT', planSubject(plan))) {
        throw forbidden('Chỉ chuyên viên soạn thảo của cơ quan ban hành mới dự thảo được văn bản đính chính kế hoạch');
      }
      assertCorrectable(plan);
      const correction = em.create(PlanCorrection, { plan, text, createdBy: em.getReference(User, user.id) });
      await em.flush();
      await em.populate(correction, ['createdBy']);
      return presentCorrection(correction, plan, null);
    });
  }

  /** The leader approves a draft notice, the clerk issues an approved one: 409 out of order, 403 not theirs. */
  async step(user: AuthUser, planId: string, correctionId: string, step: keyof typeof STEPS) {
    const { action, from, label } = STEPS[step];
    return this.em.transactional(async (em) => {
      const plan = await this.plans.lockReadable(em, user, planId);
      const correction = await this.visible(em, user, plan, correctionId);
      if (!this.abilities.createForUser(user).can(action, planSubject(plan))) throw forbidden(`Bạn không có quyền ${label} văn bản đính chính này`);
      if (correction.status !== from) {
        throw conflict('ILLEGAL_TRANSITION', `Không thể ${label} văn bản đính chính đang ở trạng thái "${CORRECTION_STATUS_LABELS[correction.status]}"`, { status: correction.status });
      }
      const actor = em.getReference(User, user.id);
      if (step === 'approve') {
        Object.assign(correction, { status: 'approved', approvedBy: actor, approvedAt: new Date() });
      } else {
        assertCorrectable(plan);
        await this.issue(em, plan, correction, user);
      }
      await em.flush();
      await em.populate(correction, ['createdBy', 'approvedBy', 'issuedBy']);
      return presentCorrection(correction, plan, null);
    });
  }

  /** A number from the issuer's register, the plan's audit record, the recipients told: one transaction. */
  private async issue(em: EntityManager, plan: Plan, correction: PlanCorrection, user: AuthUser): Promise<void> {
    const actor = em.getReference(User, user.id);
    const issuedAt = new Date();
    const summary = correctionSummary({ number: plan.number!, symbol: plan.symbol, issuedAt: plan.issuedAt! });
    const entry = await this.numbering.take(em, {
      organisation: await em.findOneOrFail(Organisation, plan.issuer.id),
      typeCode: CORRECTION_TYPE_CODE,
      title: summary,
      issuedAt,
      createdBy: actor,
      external: false,
    });
    Object.assign(correction, { status: 'issued', issuedBy: actor, issuedAt, number: entry.number, symbol: entry.symbol, registerEntry: entry });
    // Rendered inside the issue, unlike a plan's document: the CORRECTION record then seals the very
    // text issued, and a rendering that fails issues nothing (the register's counter rolls back with it).
    // The register stays locked for that rendering; notices are rare enough for that to be no queue.
    const bytes = await this.render(em, plan, correction);
    Object.assign(correction, { documentBytes: bytes, documentSha256: sha256Hex(bytes) });
    this.audit.append(em, plan, actor, {
      event: 'CORRECTION',
      fromState: plan.status,
      toState: plan.status,
      details: { correctionId: correction.id, number: entry.fullNumber, documentHash: correction.documentSha256 },
    });
    // Like the plan itself, the notice lands in each recipient's incoming register; reading it is its receipt.
    await this.incoming.land(em, {
      planId: plan.id,
      sender: plan.issuedAs?.issuer.name ?? plan.issuer.name,
      documentNumber: entry.fullNumber,
      documentDate: vietnamDay(issuedAt),
      documentType: CORRECTION_TYPE_CODE,
      summary,
    }, plan.recipientOrgIds, calendarDateInVietnam(issuedAt).year, issuedAt);
    await this.notifications.onPlanCorrected(em, {
      plan,
      notice: `${documentTypeName(CORRECTION_TYPE_CODE)} số ${entry.fullNumber}`,
      summary,
      text: correction.text,
      issuerName: plan.issuer.name,
      actor: user,
    });
  }

  /** A recipient organisation has read the issued notice: it leaves that organisation's inbox. */
  async markRead(user: AuthUser, planId: string, correctionId: string) {
    const plan = await this.plans.findReadable(this.em, user, planId);
    if (!this.abilities.createForUser(user).can('READ_CORRECTION', planSubject(plan))) throw notFound('Kế hoạch này không gửi đến đơn vị của bạn');
    const correction = await this.visible(this.em, user, plan, correctionId);
    await this.em.transactional(async (em) => {
      const now = new Date();
      await em.execute(
        `insert into "correction_reading" ("id", "correction_id", "organisation_id", "read_by_id", "read_at") values (gen_random_uuid(), ?, ?, ?, ?) on conflict do nothing`,
        [correction.id, user.organisationId, user.id, now],
      );
      const documentNumber = formatDocumentNumber(correction.number!, correction.symbol!);
      await this.incoming.acknowledge(em, { planId: plan.id, documentNumber }, user.organisationId, user.id, now, vietnamDay(now));
    });
    const reading = await this.em.findOneOrFail(CorrectionReading, { correction, organisation: user.organisationId });
    await this.em.populate(correction, ['createdBy', 'approvedBy', 'issuedBy']);
    return presentCorrection(correction, plan, reading.readAt);
  }

  /** The notice as a DOCX: "DỰ THẢO" until issued, then the document stored at its issue, byte for byte. */
  async document(user: AuthUser, planId: string, correctionId: string): Promise<DocumentFile> {
    const plan = await this.plans.findReadable(this.em, user, planId);
    const correction = await this.visible(this.em, user, plan, correctionId);
    if (correction.status !== 'issued') {
      return { bytes: await this.render(this.em, plan, correction), fileName: `du-thao-dinh-chinh-${correction.id.slice(0, 8)}.docx`, sha256: null };
    }
    const issued = correction.documentSha256 ? correction : await this.storeDocument(plan, correction, user);
    await this.em.populate(issued, ['documentBytes']);
    return { bytes: issued.documentBytes!, fileName: `${formatDocumentNumber(issued.number!, issued.symbol!).replace('/', '-')}.docx`, sha256: issued.documentSha256 };
  }

  /**
   * A notice issued before its document was kept: rendered from its issued facts at its first
   * download, stored, and sealed in the plan's chain by a CORRECTION_DOCUMENT record naming whoever's
   * request stored it. Of two first downloads racing (the plan row lock queues them), the first stores it.
   */
  private async storeDocument(plan: Plan, correction: PlanCorrection, user: AuthUser): Promise<PlanCorrection> {
    const bytes = await this.render(this.em, plan, correction);
    return this.em.transactional(async (em) => {
      const locked = await this.plans.lockReadable(em, user, plan.id);
      const stored = await em.findOneOrFail(PlanCorrection, correction.id, { populate: ['documentBytes'], refresh: true });
      if (stored.documentSha256) return stored;
      Object.assign(stored, { documentBytes: bytes, documentSha256: sha256Hex(bytes) });
      this.audit.append(em, locked, em.getReference(User, user.id), {
        event: 'CORRECTION_DOCUMENT',
        fromState: locked.status,
        toState: locked.status,
        details: { correctionId: stored.id, number: formatDocumentNumber(stored.number!, stored.symbol!), documentHash: stored.documentSha256 },
      });
      return stored;
    });
  }

  /** The notice with the corrected plan's model and its issuer's template: its number and date once issued. */
  private async render(em: EntityManager, plan: Plan, correction: PlanCorrection): Promise<Buffer> {
    await em.populate(correction, ['approvedBy']);
    const base = await this.documents.renderInput(em, plan, false);
    const content = correctionNoticeContent({ ...plan.content, number: plan.number!, symbol: plan.symbol, issuedAt: plan.issuedAt! }, correction.text);
    return this.documents.renderDocx(em, {
      ...base,
      content,
      coIssuers: [],
      numbering: { number: correction.number, symbol: correction.symbol ?? `${CORRECTION_TYPE_CODE}-${plan.issuer.symbol}`, issuedAt: correction.issuedAt },
      signerNames: { [plan.issuer.id]: correction.approvedBy?.fullName ?? null },
      draft: correction.status !== 'issued',
    });
  }

  /** The notice, if the caller may see it on this plan (outside the drafting, issued ones only); else 404. */
  private async visible(em: EntityManager, user: AuthUser, plan: Plan, correctionId: string): Promise<PlanCorrection> {
    const correction = await em.findOne(PlanCorrection, { id: correctionId, plan });
    if (!correction || (correction.status !== 'issued' && !this.plans.mayReadInternal(user, plan))) throw notFound('Không tìm thấy văn bản đính chính');
    return correction;
  }

  /** Recipient-side inbox items, newest first: issued notices of plans delivered to the caller's organisation, not yet read. */
  async inbox(user: AuthUser, offset: number, limit: number) {
    if (limit <= 0) return [];
    const corrections = await this.em.find(PlanCorrection, unreadFor(user), {
      populate: ['plan'],
      orderBy: { issuedAt: 'DESC', id: 'ASC' },
      offset,
      limit,
      exclude: ['plan.content', 'plan.machineState'] as never,
    });
    return corrections.map((c) => ({
      type: 'correction' as const,
      planId: c.plan.id,
      correctionId: c.id,
      title: `${correctionSummary({ number: c.plan.number!, symbol: c.plan.symbol, issuedAt: c.plan.issuedAt! })}: ${c.plan.title}`,
      kind: c.plan.kind,
      status: c.plan.status,
      actions: ['READ_CORRECTION'],
      updatedAt: c.issuedAt!,
    }));
  }

  countInbox(user: AuthUser): Promise<number> {
    return this.em.count(PlanCorrection, unreadFor(user));
  }
}

const unreadFor = (user: AuthUser): FilterQuery<PlanCorrection> => ({
  status: 'issued',
  plan: { recipientOrgIds: { $contains: [user.organisationId] } },
  readings: { $none: { organisation: user.organisationId } },
});

function assertCorrectable(plan: Plan): void {
  if (plan.replacedBy) throw conflict('ALREADY_REPLACED', 'Kế hoạch này đã bị thay thế: không đính chính nữa', { replacedBy: plan.replacedBy.id });
  if (!CORRECTABLE.includes(plan.status)) {
    throw conflict('NOT_CORRECTABLE', 'Chỉ đính chính được kế hoạch đã ban hành hoặc đã gửi', { status: plan.status });
  }
}

function presentCorrection(correction: PlanCorrection, plan: Pick<Plan, 'id'>, readAt: Date | null) {
  const person = (user: User | null) => (user ? { id: user.id, fullName: user.fullName } : null);
  return {
    id: correction.id,
    planId: plan.id,
    status: correction.status,
    text: correction.text,
    number: correction.number === null ? null : formatDocumentNumber(correction.number, correction.symbol!),
    createdAt: correction.createdAt,
    createdBy: person(correction.createdBy),
    approvedAt: correction.approvedAt,
    approvedBy: person(correction.approvedBy),
    issuedAt: correction.issuedAt,
    issuedBy: person(correction.issuedBy),
    /** SHA-256 of the document stored at issue (sealed in the plan's audit chain) */
    documentHash: correction.documentSha256,
    /** when the caller's organisation marked it read (recipients) */
    readAt,
  };
}
