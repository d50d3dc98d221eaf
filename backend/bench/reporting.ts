/**
 * The data behind a user's everyday pages at the size target (3,400 organisations, 100,000 plans):
 * the organisation tree grown to that size before the plans are spread over it, then, for every
 * plan delivered, its deliveries, two reporting rounds, reports from most recipients and the daily
 * reminder job run over it all (the demo data's own plans keep theirs). One province plan gets implementing plans for its summary's roll-ups.
 */
import { performance } from 'node:perf_hooks';
import { RemindersService } from '../src/reports/reminders.service';
import type { BenchApp } from './bench-app';

/** New districts under the province, each with its communes. */
const DISTRICTS = 100;

const count = async (bench: BenchApp, table: string) =>
  Number((await bench.orm.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from "${table}"`, [], 'all'))[0].n);

/** Copies a demo district committee and a demo commune committee into `DISTRICTS` districts of communes, up to `total` organisations. */
export async function seedOrganisations(bench: BenchApp, total: number): Promise<{ organisations: number; seconds: number }> {
  const connection = bench.orm.em.fork().getConnection();
  const started = performance.now();
  const existing = await count(bench, 'organisation');
  const communesEach = Math.max(0, Math.ceil((total - existing - DISTRICTS) / DISTRICTS));
  const columns = (
    await connection.execute<{ column_name: string }[]>(
      `select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'organisation' order by ordinal_position`,
      [],
      'all',
    )
  ).map((c) => c.column_name);
  // Every column copied from a demo committee of that level, but identity, names and place in the tree.
  const copy = (level: 'district' | 'commune', label: string) => {
    const varied: Record<string, string> = {
      id: 'n.id', name: `'${label} Đo ' || left(n.id::text, 8)`, short_name: `'${label} Đo ' || left(n.id::text, 8)`, symbol: `'MTTQ-' || left(n.id::text, 8)`,
      parent_id: 'parent.id', path: `parent.path || n.id || '/'`, level: `'${level}'`,
    };
    return `insert into organisation (${columns.map((c) => `"${c}"`).join(', ')})
      select ${columns.map((c) => varied[c] ?? `t."${c}"`).join(', ')}
      from n join organisation parent on parent.id = n.parent_id
      cross join (select * from organisation where kind = 'committee' and level = '${level}' order by path limit 1) t`;
  };
  await connection.execute(
    `with n as (select gen_random_uuid() as id, (select id from organisation where parent_id is null order by path limit 1) as parent_id from generate_series(1, ${DISTRICTS}))
    ${copy('district', 'Ủy ban MTTQ Việt Nam huyện')}`,
    [],
    'run',
  );
  await connection.execute(
    `with n as (select gen_random_uuid() as id, d.id as parent_id from organisation d cross join generate_series(1, ${communesEach})
      where d.name like 'Ủy ban MTTQ Việt Nam huyện Đo %')
    ${copy('commune', 'Ủy ban MTTQ xã')}`,
    [],
    'run',
  );
  return { organisations: await count(bench, 'organisation'), seconds: (performance.now() - started) / 1000 };
}

export interface ReportingSeed {
  deliveries: number;
  rounds: number;
  reports: number;
  reminders: number;
  seconds: number;
  /** the daily reminder job over all of it (one INSERT … SELECT) */
  reminderJobSeconds: number;
  /** a distributed province plan with implementing plans: the summary case reads it */
  summaryPlanId: string;
}

/** Deliveries, rounds, reports and reminders for every plan the generator marked as delivered. */
export async function seedReporting(bench: BenchApp): Promise<ReportingSeed> {
  const connection = bench.orm.em.fork().getConnection();
  const run = (sql: string) => connection.execute(sql, [], 'run');
  const started = performance.now();
  await run(`insert into delivery (id, plan_id, organisation_id, label, delivered_at, acknowledged_at, acknowledged_by_id, recall_seen_at)
    select gen_random_uuid(), p.id, r.org::uuid, 'Ủy ban MTTQ các đơn vị trực thuộc', p.issued_at,
      case when hashtext(p.id::text || r.org) % 5 <> 0 then p.issued_at + interval '1 day' end,
      case when hashtext(p.id::text || r.org) % 5 <> 0 then p.created_by_id end, null
    from plan p cross join lateral unnest(p.recipient_org_ids) as r(org)
    on conflict do nothing`);
  await run(`insert into reporting_round (id, plan_id, position, name, due_date)
    select gen_random_uuid(), p.id, k.position, k.name, ((p.issued_at at time zone 'UTC') + k.after)::date
    from plan p cross join (values (0, 'Báo cáo sơ kết', interval '45 days'), (1, 'Báo cáo tổng kết', interval '120 days')) as k(position, name, after)
    where p.status in ('distributed', 'closed', 'recalled')
    on conflict do nothing`);
  const [{ id: summaryPlanId }] = await connection.execute<{ id: string }[]>(
    `select p.id from plan p join organisation o on o.id = p.issuer_id and o.parent_id is null
     where p.status = 'distributed' order by cardinality(p.recipient_org_ids) desc, p.id limit 1`,
    [],
    'all',
  );
  // The summary plan's recipients each implement it with one of their own distributed plans.
  await run(`update plan c set parent_id = '${summaryPlanId}' where c.id in (
      select distinct on (c2.issuer_id) c2.id from plan c2 join plan p on p.id = '${summaryPlanId}'
      where c2.status = 'distributed' and c2.issuer_id::text = any(p.recipient_org_ids) and c2.id <> p.id order by c2.issuer_id, c2.id)`);
  await run(`update reporting_round c set parent_round_id = pr.id
    from plan cp, reporting_round pr where cp.id = c.plan_id and cp.parent_id = '${summaryPlanId}' and pr.plan_id = cp.parent_id and pr.position = c.position`);
  // Four reports in five, submitted for rounds already due.
  await run(`insert into report (id, plan_id, round_id, organisation_id, state, values, note, submitted_at, submitted_by_id, revision, updated_at, version)
    select gen_random_uuid(), r.plan_id, r.id, d.organisation_id, 'submitted', '{"1": 12, "2": 87.5}'::jsonb, '', d.delivered_at + interval '30 days', d.acknowledged_by_id, 1, now(), 1
    from reporting_round r join delivery d on d.plan_id = r.plan_id
    where r.due_date < current_date and d.acknowledged_by_id is not null
    on conflict do nothing`);
  // As autovacuum would after such a load: fresh statistics, GIN pending lists merged.
  await run('vacuum analyze');
  const seconds = (performance.now() - started) / 1000;
  const jobStarted = performance.now();
  const reminders = (await bench.app.get(RemindersService).runDaily()) ?? 0;
  const reminderJobSeconds = (performance.now() - jobStarted) / 1000;
  return {
    deliveries: await count(bench, 'delivery'),
    rounds: await count(bench, 'reporting_round'),
    reports: await count(bench, 'report'),
    reminders,
    seconds,
    reminderJobSeconds,
    summaryPlanId,
  };
}
