import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../auth/ability.factory';
import type { AuthUser } from '../auth/auth-user';
import { conflict, forbidden, notFound } from '../common/app-error';
import { Delivery } from '../distribution/delivery.entity';
import { formatDocumentNumber } from '../numbering/document-number';
import { Organisation } from '../organisations/organisation.entity';
import { planSubject } from '../plans/plan-access';
import type { ReportingDeadline } from '../plans/plan-content';
import { Plan } from '../plans/plan.entity';
import { PlansService } from '../plans/plans.service';
import { User } from '../users/user.entity';
import { isLate, isOverdue } from './reporting-calendar';
import { IndicatorValue, Report, ReportRevision, ReportRoundClosure } from './report.entity';
import { totalsOf, validateValues } from './report-values';
import { SaveReportDto } from './dto/save-report.dto';

/** Plans in these states collect reports; a recalled or closed plan does not. */
const COLLECTING = ['distributed'];

export type ReportStatus = 'submitted' | 'late' | 'draft' | 'overdue' | 'pending';

/** Reporting on a distributed plan (DESIGN §8): recipients submit, the issuer follows up and totals. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly plans: PlansService,
  ) {}

  /** The caller's own report (or an empty one) for a deadline; only recipient organisations have one. */
  async mine(user: AuthUser, planId: string, deadline: number) {
    const { plan, due } = await this.recipientContext(this.em, user, planId, deadline);
    const report = await this.em.findOne(Report, { plan, deadline, organisation: user.organisationId });
    const closed = (await this.em.count(ReportRoundClosure, { plan, deadline })) > 0;
    return { deadline, ...due, closed, form: plan.content.form, report: report ? presentReport(report) : null };
  }

  /**
   * Saves a draft or submits. A submitted report can be corrected until the issuer closes the round;
   * every save is kept as a revision. `version` protects against two colleagues saving over each other.
   */
  async save(user: AuthUser, planId: string, deadline: number, dto: SaveReportDto) {
    return this.em.transactional(async (em) => {
      const { plan } = await this.recipientContext(em, user, planId, deadline, LockMode.PESSIMISTIC_READ);
      if (!COLLECTING.includes(plan.status)) throw conflict('NOT_COLLECTING', 'Kế hoạch không còn nhận báo cáo', { status: plan.status });
      if (await em.count(ReportRoundClosure, { plan, deadline })) {
        throw conflict('ROUND_CLOSED', 'Kỳ báo cáo này đã khóa: cơ quan ban hành đã tổng hợp, không nhận thêm hay sửa báo cáo');
      }
      const values = validateValues(plan.content.form?.indicators ?? [], dto.values);
      const actor = em.getReference(User, user.id);
      const existing = await em.findOne(Report, { plan, deadline, organisation: user.organisationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (existing && dto.version !== undefined && dto.version !== existing.version) {
        throw conflict('STALE_VERSION', 'Báo cáo đã được đồng nghiệp sửa sau khi bạn mở; hãy tải lại rồi sửa tiếp', { currentVersion: existing.version });
      }
      const report = existing ?? em.create(Report, { plan, deadline, organisation: em.getReference(Organisation, user.organisationId), values, note: '' });
      if (existing) report.revision += 1;
      report.values = values;
      report.note = dto.note?.trim() ?? report.note;
      if (dto.submit && report.state === 'draft') {
        report.state = 'submitted';
        report.submittedAt = new Date();
        report.submittedBy = actor;
      }
      em.create(ReportRevision, { report, revision: report.revision, state: report.state, values, note: report.note, savedBy: actor });
      await em.flush();
      return presentReport(report);
    });
  }

  /** The issuer closes a round: its reports are final. */
  async closeRound(user: AuthUser, planId: string, deadline: number) {
    return this.em.transactional(async (em) => {
      const { plan } = await this.issuerContext(em, user, planId, deadline);
      // Serialises with saves, which hold the plan row in share mode.
      await em.lock(plan, LockMode.PESSIMISTIC_WRITE);
      if (!this.abilities.createForUser(user).can('CLOSE_ROUND', planSubject(plan))) {
        throw forbidden('Chỉ lãnh đạo hoặc văn thư của cơ quan ban hành mới khóa được kỳ báo cáo');
      }
      if (await em.count(ReportRoundClosure, { plan, deadline })) throw conflict('ROUND_CLOSED', 'Kỳ báo cáo này đã khóa');
      const closure = em.create(ReportRoundClosure, { plan, deadline, closedBy: em.getReference(User, user.id) });
      return { deadline, closedAt: closure.closedAt };
    });
  }

  /** A report's history of saves (issuer side, or the reporting organisation itself). */
  async revisions(user: AuthUser, planId: string, deadline: number, organisationId: string) {
    const plan = await this.plans.findReadable(this.em, user, planId);
    if (!plan.issuerLineage.includes(user.organisationId) && organisationId !== user.organisationId) throw notFound();
    const revisions = await this.em.find(ReportRevision, { report: { plan, deadline, organisation: organisationId } }, { orderBy: { revision: 'ASC' }, populate: ['savedBy'] });
    return revisions.map((r) => ({ revision: r.revision, state: r.state, values: r.values, note: r.note, savedAt: r.savedAt, savedBy: { id: r.savedBy.id, fullName: r.savedBy.fullName } }));
  }

  /**
   * The issuer's follow-up of one deadline: each recipient submitted / late / overdue / pending,
   * totals per indicator, and each recipient's own roll-up from the plans it derived for its units.
   */
  async summary(user: AuthUser, planId: string, deadline: number, now = new Date()) {
    const { plan, due } = await this.issuerContext(this.em, user, planId, deadline);
    const indicators = plan.content.form?.indicators ?? [];
    const deliveries = await this.em.find(Delivery, { plan }, { populate: ['organisation'], orderBy: { organisation: { name: 'ASC' } } });
    const reports = new Map((await this.em.find(Report, { plan, deadline })).map((r) => [r.organisation.id, r]));
    const rollups = await this.rollups(plan, deadline);
    const rows = deliveries.map((delivery) => {
      const report = reports.get(delivery.organisation.id);
      return {
        organisationId: delivery.organisation.id,
        organisationName: delivery.organisation.name,
        status: statusOf(report, due.dueDate, now),
        submittedAt: report?.submittedAt ?? null,
        values: report?.state === 'submitted' ? report.values : null,
        note: report?.state === 'submitted' ? report.note : null,
        rollup: rollups.get(delivery.organisation.id) ?? null,
      };
    });
    const submitted = rows.filter((row) => row.values).map((row) => row.values!);
    const count = (status: ReportStatus) => rows.filter((row) => row.status === status).length;
    return {
      planId: plan.id,
      planTitle: plan.title,
      planNumber: plan.number === null ? null : formatDocumentNumber(plan.number, plan.symbol),
      planIssuedAt: plan.issuedAt,
      issuerId: plan.issuer.id,
      issuerName: plan.issuer.name,
      deadline,
      ...due,
      closed: (await this.em.count(ReportRoundClosure, { plan, deadline })) > 0,
      indicators,
      counts: { recipients: rows.length, submitted: count('submitted'), late: count('late'), overdue: count('overdue'), draft: count('draft'), pending: count('pending') },
      totals: totalsOf(indicators, submitted),
      rolledUpTotals: totalsOf(indicators, [...rollups.values()].map((r) => r.totals as Record<string, IndicatorValue>)),
      rows,
    };
  }

  /**
   * For each recipient that derived its own implementing plan from this one: the totals of the
   * reports its own recipients (e.g. communes) submitted for the same deadline.
   */
  private async rollups(plan: Plan, deadline: number) {
    // Only a recipient's own implementing plan counts: a plan cannot roll itself up into a plan it never received.
    const children = await this.em.find(
      Plan,
      { parent: plan, status: { $in: ['distributed', 'closed'] }, issuer: { $in: plan.recipientOrgIds } },
      { populate: ['issuer'] },
    );
    const result = new Map<string, { planId: string; planNumber: string | null; reporters: number; submitted: number; totals: Record<string, number | null> }>();
    for (const child of children) {
      const indicators = child.content.form?.indicators ?? [];
      const submitted = await this.em.find(Report, { plan: child, deadline, state: 'submitted' });
      result.set(child.issuer.id, {
        planId: child.id,
        planNumber: child.number === null ? null : formatDocumentNumber(child.number, child.symbol),
        reporters: child.recipientOrgIds.length,
        submitted: submitted.length,
        totals: totalsOf(indicators, submitted.map((r) => r.values)),
      });
    }
    return result;
  }

  /** Plan readable, deadline exists, and the caller's organisation is a recipient (else 404). */
  private async recipientContext(em: EntityManager, user: AuthUser, planId: string, deadline: number, lockMode?: LockMode) {
    const plan = lockMode ? await this.plans.lockReadable(em, user, planId, lockMode) : await this.plans.findReadable(em, user, planId);
    if (!this.abilities.createForUser(user).can('REPORT', planSubject(plan))) throw notFound('Kế hoạch này không giao báo cáo cho đơn vị của bạn');
    return { plan, due: deadlineOf(plan, deadline) };
  }

  /** Plan readable and the caller on the issuer's side (the issuer or an ancestor committee). */
  private async issuerContext(em: EntityManager, user: AuthUser, planId: string, deadline: number) {
    const plan = await this.plans.findReadable(em, user, planId);
    if (!plan.issuerLineage.includes(user.organisationId)) throw forbidden('Chỉ cơ quan ban hành kế hoạch mới xem được tổng hợp báo cáo');
    return { plan, due: deadlineOf(plan, deadline) };
  }
}

function deadlineOf(plan: Plan, index: number): ReportingDeadline {
  const due = plan.content.reporting[index];
  if (!due) throw notFound(`Kế hoạch không có kỳ báo cáo số ${index + 1}`);
  return { name: due.name, dueDate: due.dueDate };
}

function statusOf(report: Report | undefined, dueDate: string, now: Date): ReportStatus {
  if (report?.state === 'submitted') return isLate(report.submittedAt!, dueDate) ? 'late' : 'submitted';
  if (isOverdue(now, dueDate)) return 'overdue';
  return report ? 'draft' : 'pending';
}

export function presentReport(report: Report) {
  return {
    id: report.id,
    deadline: report.deadline,
    organisationId: report.organisation.id,
    state: report.state,
    values: report.values,
    note: report.note,
    submittedAt: report.submittedAt,
    revision: report.revision,
    version: report.version,
    updatedAt: report.updatedAt,
  };
}
