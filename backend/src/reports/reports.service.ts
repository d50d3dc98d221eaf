import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { conflict, forbidden, notFound } from '../common/app-error';
import { formatDocumentNumber } from '../core/document-number';
import { Organisation } from '../organisations/organisation.entity';
import { planSubject } from '../plans/plan-access';
import { Plan } from '../plans/plan.entity';
import { PlansService } from '../plans/plans.service';
import { ReportingRound } from '../plans/reporting-round.entity';
import { User } from '../users/user.entity';
import { addDays, isLate, isOverdue, vietnamDay } from '../core/reporting-calendar';
import { RecipientReportRow, ReportingRoundRepository } from './reporting-round.repository';
import { IndicatorValue, Report, ReportRevision } from './report.entity';
import { totalsOf, validateValues } from './report-values';
import { SaveReportDto } from './dto/save-report.dto';

/** Plans in these states collect reports; a recalled or closed plan does not. */
const COLLECTING = ['distributed'];

/** The dashboard shows the rounds due within this many days of today, at most this many. */
const FOLLOW_DAYS = 30;
const MAX_TO_FOLLOW = 100;

export type ReportStatus = 'submitted' | 'late' | 'draft' | 'overdue' | 'pending';

/** Reporting on a distributed plan (DESIGN §8): recipients submit, the issuer follows up and totals. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly plans: PlansService,
    private readonly rounds: ReportingRoundRepository,
  ) {}

  /** The caller's own report (or an empty one) for a deadline; only recipient organisations have one. */
  async mine(user: AuthUser, planId: string, deadline: number) {
    const { plan, round } = await this.recipientContext(this.em, user, planId, deadline);
    const report = await this.em.findOne(Report, { round, organisation: user.organisationId });
    return { ...presentRound(round), form: plan.content.form, report: report ? presentReport(report) : null };
  }

  /**
   * Saves a draft or submits. A submitted report can be corrected until the issuer closes the round;
   * every save is kept as a revision. `version` protects against two colleagues saving over each other.
   */
  async save(user: AuthUser, planId: string, deadline: number, dto: SaveReportDto) {
    return this.em.transactional(async (em) => {
      const { plan, round } = await this.recipientContext(em, user, planId, deadline, LockMode.PESSIMISTIC_READ);
      if (!COLLECTING.includes(plan.status)) throw conflict('NOT_COLLECTING', 'Kế hoạch không còn nhận báo cáo', { status: plan.status });
      if (round.closedAt) {
        throw conflict('ROUND_CLOSED', 'Kỳ báo cáo này đã khóa: cơ quan ban hành đã tổng hợp, không nhận thêm hay sửa báo cáo');
      }
      const values = validateValues(plan.content.form?.indicators ?? [], dto.values);
      const actor = em.getReference(User, user.id);
      const existing = await em.findOne(Report, { round, organisation: user.organisationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (existing && dto.version !== undefined && dto.version !== existing.version) {
        throw conflict('STALE_VERSION', 'Báo cáo đã được đồng nghiệp sửa sau khi bạn mở; hãy tải lại rồi sửa tiếp', { currentVersion: existing.version });
      }
      const report = existing ?? em.create(Report, { plan, round, organisation: em.getReference(Organisation, user.organisationId), values, note: '' });
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
      const { plan, round } = await this.issuerContext(em, user, planId, deadline);
      // Serialises with saves, which hold the plan row in share mode.
      await em.lock(plan, LockMode.PESSIMISTIC_WRITE);
      if (!this.abilities.createForUser(user).can('CLOSE_ROUND', planSubject(plan))) {
        throw forbidden('Chỉ lãnh đạo hoặc văn thư của cơ quan ban hành mới khóa được kỳ báo cáo');
      }
      await em.refresh(round);
      if (round.closedAt) throw conflict('ROUND_CLOSED', 'Kỳ báo cáo này đã khóa');
      round.closedAt = new Date();
      round.closedBy = em.getReference(User, user.id);
      return { deadline, roundId: round.id, closedAt: round.closedAt };
    });
  }

  /** A report's history of saves (issuer side, or the reporting organisation itself). */
  async revisions(user: AuthUser, planId: string, deadline: number, organisationId: string) {
    const plan = await this.plans.findReadable(this.em, user, planId);
    if (!onIssuerSide(user, plan) && organisationId !== user.organisationId) throw notFound();
    const round = await roundOf(this.em, plan, deadline);
    const revisions = await this.em.find(ReportRevision, { report: { round, organisation: organisationId } }, { orderBy: { revision: 'ASC' }, populate: ['savedBy'] });
    return revisions.map((r) => ({ revision: r.revision, state: r.state, values: r.values, note: r.note, savedAt: r.savedAt, savedBy: { id: r.savedBy.id, fullName: r.savedBy.fullName } }));
  }

  /**
   * The issuer's follow-up of one deadline: each recipient submitted / late / overdue / pending,
   * totals per indicator, and each recipient's own roll-up from the plans it derived for its units.
   */
  async summary(user: AuthUser, planId: string, deadline: number, now = new Date()) {
    const { plan, round } = await this.issuerContext(this.em, user, planId, deadline);
    const indicators = plan.content.form?.indicators ?? [];
    const [recipients, rollups] = await Promise.all([this.rounds.recipientReports(this.em, plan.id, round.id), this.rollups(plan, round)]);
    const rows = recipients.map((recipient) => {
      const submitted = recipient.state === 'submitted';
      return {
        organisationId: recipient.organisation_id,
        organisationName: recipient.organisation_name,
        status: statusOf(recipient, round.dueDate, now),
        submittedAt: recipient.submitted_at,
        values: submitted ? recipient.values : null,
        note: submitted ? recipient.note : null,
        rollup: rollups.get(recipient.organisation_id) ?? null,
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
      ...presentRound(round),
      indicators,
      counts: { recipients: rows.length, submitted: count('submitted'), late: count('late'), overdue: count('overdue'), draft: count('draft'), pending: count('pending') },
      totals: totalsOf(indicators, submitted),
      rolledUpTotals: totalsOf(indicators, [...rollups.values()].map((r) => r.totals as Record<string, IndicatorValue>)),
      rows,
    };
  }

  /**
   * For each recipient that derived its own implementing plan from this one: the totals of the
   * reports its own recipients (e.g. communes) submitted to its round that reports to this round.
   */
  private async rollups(plan: Plan, round: ReportingRound) {
    const children = await this.rounds.rollups(this.em, plan.id, round.id);
    return new Map(
      children.map((child) => [
        child.issuer_id,
        {
          planId: child.plan_id,
          planNumber: child.number === null ? null : formatDocumentNumber(child.number, child.symbol),
          reporters: child.reporters,
          submitted: child.submitted.length,
          totals: totalsOf(child.indicators ?? [], child.submitted),
        },
      ]),
    );
  }

  /**
   * The rounds the caller's organisation follows up: those of the plans it distributed due within a
   * month either side of `now`, soonest first, from the rounds' due-date index.
   */
  async roundsToFollow(user: AuthUser, now = new Date()) {
    const today = vietnamDay(now);
    const rows = await this.rounds.roundsToFollow(this.em, user.organisationId, addDays(today, -FOLLOW_DAYS), addDays(today, FOLLOW_DAYS), MAX_TO_FOLLOW);
    return rows.map((r) => ({ roundId: r.round_id, planId: r.plan_id, title: r.title, deadline: r.position, name: r.name, dueDate: r.due_date }));
  }

  /** Plan readable, deadline exists, and the caller's organisation is a recipient (else 404). */
  private async recipientContext(em: EntityManager, user: AuthUser, planId: string, deadline: number, lockMode?: LockMode) {
    const plan = lockMode ? await this.plans.lockReadable(em, user, planId, lockMode) : await this.plans.findReadable(em, user, planId);
    if (!this.abilities.createForUser(user).can('REPORT', planSubject(plan))) throw notFound('Kế hoạch này không giao báo cáo cho đơn vị của bạn');
    return { plan, round: await roundOf(em, plan, deadline) };
  }

  /** Plan readable and the caller on the issuer's side (the issuer or an ancestor committee). */
  private async issuerContext(em: EntityManager, user: AuthUser, planId: string, deadline: number) {
    const plan = await this.plans.findReadable(em, user, planId);
    if (!onIssuerSide(user, plan)) throw forbidden('Chỉ cơ quan ban hành kế hoạch mới xem được tổng hợp báo cáo');
    return { plan, round: await roundOf(em, plan, deadline) };
  }
}

/** The issuer, an ancestor committee, or the issuer's successor (it acts for an organisation merged or dissolved into it). */
function onIssuerSide(user: AuthUser, plan: Plan): boolean {
  return plan.issuerLineage.includes(user.organisationId) || user.predecessorIds.includes(plan.issuer.id);
}

/** The plan's round at `position` in its list (the `:deadline` of the URLs). */
async function roundOf(em: EntityManager, plan: Plan, position: number): Promise<ReportingRound> {
  const round = await em.findOne(ReportingRound, { plan, position });
  if (!round) throw notFound(`Kế hoạch không có kỳ báo cáo số ${position + 1}`);
  return round;
}

function presentRound(round: ReportingRound) {
  return { deadline: round.position, roundId: round.id, name: round.name, dueDate: round.dueDate, closed: round.closedAt !== null };
}

function statusOf({ state, submitted_at }: Pick<RecipientReportRow, 'state' | 'submitted_at'>, dueDate: string, now: Date): ReportStatus {
  if (state === 'submitted') return isLate(submitted_at!, dueDate) ? 'late' : 'submitted';
  if (isOverdue(now, dueDate)) return 'overdue';
  return state ? 'draft' : 'pending';
}

export function presentReport(report: Report) {
  return {
    id: report.id,
    deadline: report.round.position,
    roundId: report.round.id,
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
