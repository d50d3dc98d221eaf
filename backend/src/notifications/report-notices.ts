import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../access/ability.factory';
import { toAuthUser } from '../auth/jwt-auth.guard';
import { formatShortDate } from '../core/vietnamese-date';
import { planSubject } from '../plans/plan-access';
import { Plan } from '../plans/plan.entity';
import type { ReminderNoticeRow } from '../reports/reporting-round.repository';
import { User } from '../users/user.entity';
import { type Notice, SUBJECT_PREFIX } from './messages';
import type { Addressed } from './outbox.service';

/** An overdue report goes up to the unit's leader after this many days. */
export const ESCALATE_AFTER_DAYS = 3;

/**
 * Who is told of the daily reminders: the recipient unit's users who report (as the rules say: CASL's
 * REPORT) of a report due within 7 days or overdue; its leaders of a report overdue for more than
 * ESCALATE_AFTER_DAYS days.
 */
@Injectable()
export class ReportNotices {
  constructor(private readonly abilities: AbilityFactory) {}

  async for(em: EntityManager, reminders: ReminderNoticeRow[], longOverdue: ReminderNoticeRow[]): Promise<Addressed[]> {
    const rows = [...reminders, ...longOverdue];
    if (!rows.length) return [];
    const users = await em.find(User, { organisation: { $in: [...new Set(rows.map((r) => r.organisation_id))] }, active: true, email: { $ne: null } }, { populate: ['organisation', 'capacities.organisation'] });
    const plans = await em.find(Plan, { id: { $in: [...new Set(rows.map((r) => r.plan_id))] } }, { fields: ['issuer', 'issuerLineage', 'coIssuerIds', 'sharedWithCoIssuers', 'recipientOrgIds', 'status'] });
    const subjectOf = new Map(plans.map((p) => [p.id, planSubject(p)]));
    const usersOf = (organisationId: string) => users.filter((u) => u.organisation.id === organisationId);

    const toReporters = reminders.flatMap((row) =>
      usersOf(row.organisation_id)
        .filter((u) => this.abilities.createForUser(toAuthUser(u)).can('REPORT', subjectOf.get(row.plan_id)!))
        .map((u): Addressed => ({
          recipient: u,
          category: row.kind === 'overdue' ? 'report_overdue' : 'report_due',
          kind: row.kind === 'overdue' ? 'report_overdue' : 'report_due',
          dedupeKey: `reminder:${row.round_id}:${row.organisation_id}:${row.kind}:${u.id}`,
          notice: reminderNotice(row),
        })),
    );
    const toLeaders = longOverdue.flatMap((row) =>
      usersOf(row.organisation_id)
        .filter((u) => u.roles.includes('leader'))
        .map((u): Addressed => ({
          recipient: u,
          category: 'report_overdue',
          kind: 'report_escalated',
          dedupeKey: `escalation:${row.round_id}:${row.organisation_id}:${u.id}`,
          notice: escalationNotice(row, u.organisation.name),
        })),
    );
    return [...toReporters, ...toLeaders];
  }
}

function reminderNotice(row: ReminderNoticeRow): Notice {
  const due = dueDate(row);
  return row.kind === 'overdue'
    ? {
        subject: `${SUBJECT_PREFIX} Quá hạn báo cáo: ${row.title}`,
        lines: [`Đã quá hạn báo cáo "${row.name}" (ngày ${due}) của kế hoạch "${row.title}" mà đơn vị của anh/chị chưa gửi báo cáo.`, 'Xin nhập và gửi báo cáo ngay.'],
        planId: row.plan_id,
      }
    : {
        subject: `${SUBJECT_PREFIX} Sắp đến hạn báo cáo: ${row.title}`,
        lines: [`Hạn báo cáo "${row.name}" của kế hoạch "${row.title}" là ngày ${due}; đơn vị của anh/chị chưa gửi báo cáo.`, 'Xin nhập và gửi báo cáo trước hạn.'],
        planId: row.plan_id,
      };
}

function escalationNotice(row: ReminderNoticeRow, organisationName: string): Notice {
  return {
    subject: `${SUBJECT_PREFIX} Quá hạn báo cáo hơn ${ESCALATE_AFTER_DAYS} ngày: ${row.title}`,
    lines: [
      `${organisationName} chưa gửi báo cáo "${row.name}" của kế hoạch "${row.title}", hạn là ngày ${dueDate(row)}.`,
      'Đề nghị anh/chị chỉ đạo hoàn thành và gửi báo cáo.',
    ],
    planId: row.plan_id,
  };
}

const dueDate = (row: ReminderNoticeRow) => {
  const [year, month, day] = row.due_date.split('-').map(Number);
  return formatShortDate({ year, month, day });
};
