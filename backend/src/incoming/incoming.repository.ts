import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** What a plan's entry in its recipients' registers says of it. */
export interface LandingPlan {
  planId: string;
  sender: string;
  documentNumber: string;
  /** YYYY-MM-DD */
  documentDate: string;
  documentType: string;
  summary: string;
}

/**
 * The register's set-based SQL: arrival numbers taken as numbering/numbering.service.ts takes outgoing
 * ones (an upsert that row-locks the counter until the transaction ends: no duplicate, no gap on
 * rollback), and a distributed plan landing in every recipient's register in one statement.
 */
@Injectable()
export class IncomingRepository {
  /** The next arrival number of the organisation's register for that year, inside the caller's transaction. */
  async takeNumber(em: EntityManager, organisationId: string, year: number): Promise<number> {
    const [{ last_number: number }] = await em.execute<{ last_number: number }[]>(
      `insert into incoming_counter (organisation_id, year, last_number) values (?, ?, 1)
       on conflict (organisation_id, year) do update set last_number = incoming_counter.last_number + 1
       returning last_number`,
      [organisationId, year],
    );
    return number;
  }

  /**
   * Deleting the last entry given gives its number back, so the register stays gapless; the counter's
   * row lock (taken first) queues this against anyone taking a number.
   */
  async giveBackIfLast(em: EntityManager, organisationId: string, year: number, number: number): Promise<void> {
    await em.execute(
      `update incoming_counter set last_number = last_number - 1 where organisation_id = ? and year = ? and last_number = ?`,
      [organisationId, year, number],
    );
  }

  /**
   * At DISTRIBUTE: one entry per recipient organisation, each with the next number of its register,
   * and its history line, in one statement. Counters are taken in organisation id order, so two
   * distributions to overlapping recipients queue instead of deadlocking.
   */
  async land(em: EntityManager, plan: LandingPlan, organisationIds: string[], year: number, now: Date): Promise<void> {
    if (!organisationIds.length) return;
    await em.execute(
      `with taken as (
         insert into incoming_counter (organisation_id, year, last_number)
         select o.id, ?, 1 from unnest(?::uuid[]) as o(id) order by o.id
         on conflict (organisation_id, year) do update set last_number = incoming_counter.last_number + 1
         returning organisation_id, last_number
       ), landed as (
         insert into incoming_document (id, created_at, updated_at, organisation_id, year, arrival_number, sender, document_number,
           document_date, document_type, summary, status, plan_id, derived_plan_ids)
         select gen_random_uuid(), ?, ?, t.organisation_id, ?, t.last_number, ?, ?, ?, ?, ?, 'pending', ?, '{}' from taken t
         returning id, arrival_number
       )
       insert into incoming_document_change (id, document_id, at, action, changes)
       select gen_random_uuid(), l.id, ?, 'register', jsonb_build_object('arrivalNumber', l.arrival_number, 'planId', ?::text) from landed l`,
      [year, em.getPlatform().marshallArray(organisationIds), now, now, year, plan.sender, plan.documentNumber, plan.documentDate, plan.documentType, plan.summary, plan.planId, now, plan.planId],
    );
  }

  /**
   * Acknowledging a delivered plan (or reading a correction notice of it) is its receipt (Đ21): the
   * entry of that document, by its number, received that day.
   */
  async acknowledge(em: EntityManager, { planId, documentNumber }: Pick<LandingPlan, 'planId' | 'documentNumber'>, organisationId: string, actorId: string, at: Date, day: string): Promise<void> {
    await em.execute(
      `with acknowledged as (
         update incoming_document set acknowledged_at = ?, received_at = ?, updated_at = ?, version = version + 1,
           status = case when status = 'pending' then 'received'::incoming_status else status end
         where plan_id = ? and document_number = ? and organisation_id = ? and acknowledged_at is null returning id
       )
       insert into incoming_document_change (id, document_id, at, actor_id, action, changes)
       select gen_random_uuid(), a.id, ?, ?, 'acknowledge', jsonb_build_object('receivedAt', ?::text) from acknowledged a`,
      [at, day, at, planId, documentNumber, organisationId, at, actorId, day],
    );
  }
}
