import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Indicator, ReportingDeadline } from '../core/plan-content';
import type { Plan } from '../plans/plan.entity';
import type { IndicatorValue, ReminderKind, ReportState } from './report.entity';

/** A report an organisation owes, with its round and plan. */
export interface OwedReportRow extends RoundToFollowRow {
  kind: ReminderKind;
  plan_kind: Plan['kind'];
  status: Plan['status'];
}

/** One implementing plan's reports for the round that reports to a parent round. */
export interface RollupRow {
  plan_id: string;
  number: number | null;
  symbol: string;
  issuer_id: string;
  reporters: number;
  indicators: Indicator[] | null;
  submitted: Record<string, IndicatorValue>[];
}

/** One recipient of a plan with its report (if any) for a round. */
export interface RecipientReportRow {
  organisation_id: string;
  organisation_name: string;
  state: ReportState | null;
  submitted_at: Date | null;
  values: Record<string, IndicatorValue> | null;
  note: string | null;
}

/** A round of a plan the organisation distributed, due within the window. */
export interface RoundToFollowRow {
  round_id: string;
  position: number;
  name: string;
  due_date: string;
  plan_id: string;
  title: string;
}

/** The driver answers timestamps as text (MikroORM's type parsers): the rows turn them into dates. */
type Timestamped<Row, Key extends keyof Row> = Omit<Row, Key> & { [K in Key]: null extends Row[K] ? string | null : string };

/** A reminder (new, or an overdue report to escalate) with its round and plan, as a notification tells of it. */
export interface ReminderNoticeRow {
  round_id: string;
  organisation_id: string;
  kind: ReminderKind;
  position: number;
  name: string;
  due_date: string;
  plan_id: string;
  title: string;
}

const REMINDER_NOTICE_SELECT = `select i."round_id", i."organisation_id", i."kind"::text as "kind", r."position", r."name", r."due_date"::text as "due_date", p."id" as "plan_id", p."title"`;

/**
 * The delivery's organisation, if it still exists: one merged or dissolved owes nothing more — its
 * successor, which received the plan too (`transferPendingReports`), owes what is left.
 */
const OWED_BY = `join "organisation" owner on owner."id" = d."organisation_id" and owner."dissolved_on" is null`;

/** Round `r` not yet submitted by the delivery's organisation nor by one it succeeded (OWED_BY's `owner`). */
const NOT_SUBMITTED = `not exists (select 1 from "report" rep where rep."round_id" = r."id" and rep."state" = 'submitted'
    and (rep."organisation_id" = d."organisation_id" or rep."organisation_id"::text = any(owner."predecessor_ids")))`;

/**
 * What a report owed is, read from the deliveries and rounds themselves (not from the daily job's
 * reminder rows): every open round of a distributed plan delivered to the organisation, due by the
 * horizon, that it has not submitted — acknowledged or not, whether the job has run since or not.
 * Driven by the delivery organisation index, then the round's (plan, position) key.
 */
const REPORTS_OWED = `
  from "delivery" d
  ${OWED_BY}
  join "plan" p on p."id" = d."plan_id" and p."status" = 'distributed'
  join "reporting_round" r on r."plan_id" = d."plan_id" and r."closed_at" is null and r."due_date" <= ?::date
  where d."organisation_id" = ?
    and ${NOT_SUBMITTED}`;

/**
 * The set-based queries over reporting rounds that the ORM cannot say in one statement: the daily
 * reminders, the reports an organisation owes, roll-ups and the rounds to follow. Every one is driven
 * by an index (round due date, delivery organisation, round plan+position, round parent, report round+organisation).
 */
@Injectable()
export class ReportingRoundRepository {
  /**
   * Reminders for every recipient that has not submitted to an open round of a distributed plan due
   * by `horizon` ("overdue" once past `today`), in one statement; existing ones are kept. Answers the
   * new ones, with what a notification of them says.
   */
  createReminders(em: EntityManager, today: string, horizon: string): Promise<ReminderNoticeRow[]> {
    return em.execute<ReminderNoticeRow[]>(
      `with inserted as (
        insert into "report_reminder" ("id", "round_id", "organisation_id", "kind", "created_at")
        select gen_random_uuid(), r."id", d."organisation_id", (case when r."due_date" < ?::date then 'overdue' else 'due_soon' end)::"reminder_kind", now()
        from "reporting_round" r
        join "plan" p on p."id" = r."plan_id" and p."status" = 'distributed'
        join "delivery" d on d."plan_id" = r."plan_id"
        ${OWED_BY}
        where r."due_date" <= ?::date and r."closed_at" is null
          and ${NOT_SUBMITTED}
        on conflict do nothing
        returning "round_id", "organisation_id", "kind"
      ) ${REMINDER_NOTICE_SELECT} from inserted i
        join "reporting_round" r on r."id" = i."round_id" join "plan" p on p."id" = r."plan_id"`,
      [today, horizon],
    );
  }

  /**
   * Recipients that have still not submitted to an open round of a distributed plan due before `dueBefore`:
   * the reports overdue long enough to tell the unit's leader.
   */
  overdueBefore(em: EntityManager, dueBefore: string): Promise<ReminderNoticeRow[]> {
    return em.execute<ReminderNoticeRow[]>(
      `with i as (
        select r."id" as "round_id", d."organisation_id", 'overdue' as "kind"
        from "reporting_round" r
        join "plan" p on p."id" = r."plan_id" and p."status" = 'distributed'
        join "delivery" d on d."plan_id" = r."plan_id"
        ${OWED_BY}
        where r."due_date" < ?::date and r."closed_at" is null
          and ${NOT_SUBMITTED}
      ) ${REMINDER_NOTICE_SELECT} from i
        join "reporting_round" r on r."id" = i."round_id" join "plan" p on p."id" = r."plan_id"`,
      [dueBefore],
    );
  }

  /** One page of the reports the organisation owes by `horizon`, soonest due (most overdue) first; "overdue" once due before `today`. */
  owedReports(em: EntityManager, organisationId: string, today: string, horizon: string, offset: number, limit: number): Promise<OwedReportRow[]> {
    return em.execute<OwedReportRow[]>(
      `select (case when r."due_date" < ?::date then 'overdue' else 'due_soon' end) as "kind", r."id" as "round_id", r."position", r."name",
              r."due_date"::text as "due_date", p."id" as "plan_id", p."title", p."kind" as "plan_kind", p."status"
       ${REPORTS_OWED}
       order by r."due_date", r."id" limit ? offset ?`,
      [today, horizon, organisationId, limit, offset],
    );
  }

  async countOwedReports(em: EntityManager, organisationId: string, horizon: string): Promise<number> {
    const [{ total }] = await em.execute<{ total: number }[]>(`select count(*)::int as "total" ${REPORTS_OWED}`, [horizon, organisationId]);
    return total;
  }

  /**
   * For a round of `parentPlanId`: each implementing plan of one of its recipients whose own round
   * reports to it, with its submitted reports' values — one query for every child plan.
   */
  rollups(em: EntityManager, parentPlanId: string, roundId: string): Promise<RollupRow[]> {
    return em.execute<RollupRow[]>(
      `select cp."id" as "plan_id", cp."number", cp."symbol", cp."issuer_id", cardinality(cp."recipient_org_ids")::int as "reporters",
              cp."content"->'form'->'indicators' as "indicators",
              coalesce(jsonb_agg(rep."values") filter (where rep."id" is not null), '[]'::jsonb) as "submitted"
       from "reporting_round" c
       join "plan" cp on cp."id" = c."plan_id" and cp."parent_id" = ? and cp."status" in ('distributed', 'closed')
       join "plan" pp on pp."id" = cp."parent_id" and cp."issuer_id"::text = any(pp."recipient_org_ids")
       left join "report" rep on rep."round_id" = c."id" and rep."state" = 'submitted'
       where c."parent_round_id" = ?
       group by cp."id"`,
      [parentPlanId, roundId],
    );
  }

  /**
   * When `fromId` is merged or dissolved into `toId`: the successor becomes a recipient of every plan
   * `fromId` received (read, and the rounds still open owed by it — OWED_BY), delivered as it was to
   * `fromId`, and `fromId`'s reports not yet submitted become the successor's (unless it has its own
   * for that round). Submitted reports stay `fromId`'s, as they were. Answers the drafts moved.
   */
  async transferPendingReports(em: EntityManager, fromId: string, toId: string): Promise<number> {
    await em.execute(
      `update "plan" set "recipient_org_ids" = array_append("recipient_org_ids", ?)
       where "recipient_org_ids" @> array[?]::text[] and not "recipient_org_ids" @> array[?]::text[]`,
      [toId, fromId, toId],
    );
    await em.execute(
      `insert into "delivery" ("id", "plan_id", "organisation_id", "label", "delivered_at", "acknowledged_at", "acknowledged_by_id", "recall_seen_at")
       select gen_random_uuid(), d."plan_id", ?, d."label", d."delivered_at", d."acknowledged_at", d."acknowledged_by_id", d."recall_seen_at"
       from "delivery" d where d."organisation_id" = ?
       on conflict ("plan_id", "organisation_id") do nothing`,
      [toId, fromId],
    );
    const moved = await em.execute<{ id: string }[]>(
      `update "report" rep set "organisation_id" = ?
       where rep."organisation_id" = ? and rep."state" = 'draft'
         and not exists (select 1 from "report" own where own."round_id" = rep."round_id" and own."organisation_id" = ?)
       returning rep."id"`,
      [toId, fromId, toId],
    );
    return moved.length;
  }

  /** Every recipient of the plan by name, with its report for the round: the summary's rows as plain rows. */
  async recipientReports(em: EntityManager, planId: string, roundId: string): Promise<RecipientReportRow[]> {
    const rows = await em.execute<Timestamped<RecipientReportRow, 'submitted_at'>[]>(
      `select d."organisation_id", o."name" as "organisation_name", rep."state", rep."submitted_at", rep."values", rep."note"
       from "delivery" d
       join "organisation" o on o."id" = d."organisation_id"
       left join "report" rep on rep."round_id" = ? and rep."organisation_id" = d."organisation_id"
       where d."plan_id" = ?
       order by o."name", d."organisation_id"`,
      [roundId, planId],
    );
    return rows.map((row) => ({ ...row, submitted_at: row.submitted_at === null ? null : new Date(row.submitted_at) }));
  }

  /** The rounds of the organisation's distributed plans due between two days, soonest first. */
  roundsToFollow(em: EntityManager, issuerId: string, from: string, to: string, limit: number): Promise<RoundToFollowRow[]> {
    return em.execute<RoundToFollowRow[]>(
      `select r."id" as "round_id", r."position", r."name", r."due_date"::text as "due_date", p."id" as "plan_id", p."title"
       from "reporting_round" r
       join "plan" p on p."id" = r."plan_id" and p."issuer_id" = ? and p."status" = 'distributed'
       where r."due_date" between ?::date and ?::date
       order by r."due_date", r."id" limit ?`,
      [issuerId, from, to, limit],
    );
  }

  /**
   * Điều 18, at the replacement's ISSUE: each open round of the replaced plan to which nobody has
   * submitted moves to the replacement at the same position, when the replacement has that deadline
   * (taking its name, date and parent round), with its draft reports and reminders; owed again once the
   * replacement is distributed. Every other round of the replaced plan (one with a submitted report, or
   * beyond the replacement's deadlines) is closed with it: its reports stay where they were made.
   * Answers the positions moved.
   */
  async moveToReplacement(em: EntityManager, replacedId: string, replacementId: string, deadlines: readonly ReportingDeadline[], closedById: string): Promise<number[]> {
    const targets = deadlines.map((d, position) => ({ position, name: d.name, due_date: d.dueDate, parent_round_id: d.parentRoundId ?? null }));
    const moved = await em.execute<{ position: number }[]>(
      `with "moved" as (
        update "reporting_round" r set "plan_id" = ?, "name" = d."name", "due_date" = d."due_date"::date, "parent_round_id" = d."parent_round_id"
        from jsonb_to_recordset(?::jsonb) as d("position" int, "name" text, "due_date" text, "parent_round_id" uuid)
        where r."plan_id" = ? and r."position" = d."position" and r."closed_at" is null
          and not exists (select 1 from "report" rep where rep."round_id" = r."id" and rep."state" = 'submitted')
        returning r."id", r."position"
      ), "drafts" as (
        update "report" rep set "plan_id" = ? from "moved" where rep."round_id" = "moved"."id"
      )
      select "position" from "moved" order by "position"`,
      [replacementId, JSON.stringify(targets), replacedId, replacementId],
    );
    await em.execute(`update "reporting_round" set "closed_at" = now(), "closed_by_id" = ? where "plan_id" = ? and "closed_at" is null`, [closedById, replacedId]);
    return moved.map((row) => row.position);
  }

  /** The positions of the plan's rounds already made (a replacement's, moved to it at its ISSUE). */
  async positionsOf(em: EntityManager, planId: string): Promise<number[]> {
    const rows = await em.execute<{ position: number }[]>(`select "position" from "reporting_round" where "plan_id" = ?`, [planId]);
    return rows.map((row) => row.position);
  }
}
