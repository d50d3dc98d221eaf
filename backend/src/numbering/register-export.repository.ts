import type { EntityManager } from '@mikro-orm/postgresql';
import type { Recipient } from '../core/plan-content';
import type { PlanStatus } from '../core/plan-lifecycle';

/**
 * One register entry with what the outgoing register prints of its plan, or of the correction notice
 * it numbers (none for an outside document).
 */
export interface RegisterExportRecord {
  number: number;
  symbol: string;
  typeCode: string;
  title: string;
  issuedAt: Date;
  /** registered by a clerk for a document made outside the system: none of the plan's fields below */
  external: boolean;
  /** the named series it was numbered from; null for the shared register or a per-type one */
  seriesName: string | null;
  /** the approving leader (of the plan, or of the notice) */
  signer: string | null;
  /** a notice's are the corrected plan's, as are its archive line and drafting unit */
  recipients: Recipient[] | null;
  archive: string | null;
  /** the name of the unit that drafted the plan, which keeps its file copy */
  draftingUnit: string | null;
  /** the plan's; none for a notice */
  status: PlanStatus | null;
  /** the first DISTRIBUTE; a notice's issue, which delivers it */
  distributedAt: Date | null;
  /** a plan's deliveries and acknowledgements; a notice's recipient organisations and readings */
  deliveries: number;
  acknowledged: number;
  /** Điều 18, as "227/KH-MTTQ-BTT": the plan this one replaces, and the plan that replaced it (a plan's only) */
  replaces: string | null;
  replacedBy: string | null;
}

/**
 * The register's entries issued in [start, end), in the order of the book: by date, then number.
 * One query: only the plan fields the register prints are read out of its content, and deliveries
 * and the DISTRIBUTE record are looked up per entry through their plan_id indexes. A correction
 * notice's entry joins the corrected plan for its recipients and file copy, and the notice itself for
 * its signer, its sending (its issue) and its readings. A plan's entry names the plan it replaces and
 * the one that replaced it (numbered as formatDocumentNumber does).
 */
export async function findRegisterExportRecords(em: EntityManager, organisationId: string, start: Date, end: Date): Promise<RegisterExportRecord[]> {
  const rows = await em.execute<(Omit<RegisterExportRecord, 'issuedAt' | 'distributedAt'> & { issuedAt: string | Date; distributedAt: string | Date | null })[]>(
    `select e.number, e.symbol, e.type_code as "typeCode", e.title, e.issued_at as "issuedAt", e.external,
            s.name as "seriesName", u.full_name as signer,
            p.content -> 'recipients' as recipients, p.content ->> 'archive' as archive, du.name as "draftingUnit",
            case when c.id is null then p.status end as status,
            coalesce(c.issued_at, sent.at) as "distributedAt",
            (case when c.id is null then coalesce(receipt.deliveries, 0) else cardinality(p.recipient_org_ids) end)::int as deliveries,
            (case when c.id is null then coalesce(receipt.acknowledged, 0) else readings.count end)::int as acknowledged,
            case when c.id is null then lpad(replaced.number::text, 2, '0') || '/' || replaced.symbol end as replaces,
            case when c.id is null then lpad(replacing.number::text, 2, '0') || '/' || replacing.symbol end as "replacedBy"
       from register_entry e
       left join number_series s on s.id::text = e.register_key and s.organisation_id = e.organisation_id
       left join plan_correction c on c.register_entry_id = e.id
       left join plan p on p.id = coalesce(e.plan_id, c.plan_id)
       left join "user" u on u.id = coalesce(c.approved_by_id, p.approved_by_id)
       left join organisation_unit du on du.id = p.drafting_unit_id
       left join plan replaced on replaced.id = p.replaces_id
       left join plan replacing on replacing.id = p.replaced_by_id
       left join lateral (select min(a.at) as at from audit_record a where a.plan_id = e.plan_id and a.event = 'DISTRIBUTE') sent on true
       left join lateral (select count(*) as deliveries, count(d.acknowledged_at) as acknowledged from delivery d where d.plan_id = e.plan_id) receipt on true
       left join lateral (select count(*) as count from correction_reading r where r.correction_id = c.id) readings on true
      where e.organisation_id = ? and e.issued_at >= ? and e.issued_at < ?
      order by e.issued_at, e.number`,
    [organisationId, start, end],
  );
  // The driver hands timestamps over as text: the rows' instants become Dates here, once.
  return rows.map((row) => ({ ...row, issuedAt: new Date(row.issuedAt), distributedAt: row.distributedAt === null ? null : new Date(row.distributedAt) }));
}
