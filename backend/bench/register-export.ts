/**
 * The outgoing register's export (issue 15, item 6): a year of 5,000 entries of one organisation —
 * 4,000 plans it issued and distributed (five recipient lines, three deliveries, two of them
 * acknowledged, a DISTRIBUTE record each) and 1,000 documents registered from outside — downloaded
 * as DOCX and as XLSX, one request at a time, as a clerk does at the end of the year.
 */
import { performance } from 'node:perf_hooks';
import { ApiClient, planContent, type BenchApp } from './bench-app';

export const REGISTER_ENTRIES = 5_000;
const PLANS = 4_000;
const RUNS = 5;
/** A year before the demo data's and every other part's, so that the register holds only these entries. */
const YEAR = 2019;
const CLERK = 'vt.maison';
const DRAFTER = 'bpt.maison';

export interface RegisterExportResult {
  format: 'docx' | 'xlsx';
  entries: number;
  p50Ms: number;
  maxMs: number;
  /** CPU time of this process (the app and its render worker) per download, median: what a busy machine does not inflate */
  cpuP50Ms: number;
  bytes: number;
}

const RECIPIENTS = [
  { label: 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La', note: 'b/c' },
  { label: 'Thường trực Huyện ủy, HĐND, UBND huyện', note: 'b/c' },
  { label: 'Các tổ chức thành viên Ủy ban MTTQ huyện' },
  { label: 'Ủy ban MTTQ các xã, thị trấn' },
  { label: 'Ban Công tác Mặt trận các khu dân cư' },
];

/** The plans (copies of one real plan), their register entries, deliveries and DISTRIBUTE records, and the outside documents: in SQL. */
async function seedRegister(bench: BenchApp): Promise<void> {
  const drafter = await ApiClient.login(bench.url, DRAFTER);
  const template = await drafter.expect<{ id: string }>(201, 'POST', '/api/plans', planContent(drafter.user.organisationId, 'Kế hoạch mẫu cho sổ đăng ký'));
  const connection = bench.orm.em.fork().getConnection();
  const run = (sql: string, params: unknown[] = []) => connection.execute(sql, params, 'run');
  const columns = (
    await connection.execute<{ column_name: string }[]>(
      `select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'plan' order by ordinal_position`,
      [],
      'all',
    )
  ).map((c) => c.column_name);
  // Every column copied from the template plan but those that make each copy an issued, distributed plan of YEAR.
  const varied: Record<string, string> = {
    id: 'gen_random_uuid()',
    status: `'distributed'`,
    machine_state: `jsonb_build_object('value', 'distributed')`,
    title: `'Tổ chức hoạt động số ' || g || ' của Ủy ban MTTQ huyện năm ${YEAR}'`,
    content: `src.content || jsonb_build_object('recipients', ?::jsonb, 'title', 'Tổ chức hoạt động số ' || g)`,
    year: String(YEAR),
    number: 'g',
    issued_at: `make_timestamptz(${YEAR}, 1, 1, 8, 0, 0, 'Asia/Ho_Chi_Minh') + (g * 6000) * interval '1 second'`,
    approved_by_id: 'src.created_by_id',
  };
  await run(
    `insert into plan (${columns.map((c) => `"${c}"`).join(', ')})
     select ${columns.map((c) => varied[c] ?? `src."${c}"`).join(', ')}
       from plan src cross join generate_series(1, ${PLANS}) g where src.id = ?`,
    [JSON.stringify(RECIPIENTS), template.id],
  );
  const copies = `select * from plan where issuer_id = ? and year = ${YEAR} and status = 'distributed'`;
  const issuer = drafter.user.organisationId;
  await run(
    `insert into register_entry (id, organisation_id, year, register_key, number, type_code, symbol, title, plan_id, issued_at, created_by_id, external)
     select gen_random_uuid(), p.issuer_id, p.year, 'all', p.number, 'KH', p.symbol, p.title, p.id, p.issued_at, p.created_by_id, false from (${copies}) p`,
    [issuer],
  );
  await run(
    `insert into register_entry (id, organisation_id, year, register_key, number, type_code, symbol, title, plan_id, issued_at, created_by_id, external)
     select gen_random_uuid(), e.organisation_id, e.year, 'all', ${PLANS} + g, 'BC', 'BC-' || o.symbol, 'Báo cáo kết quả công tác tháng, đợt ' || g,
            null, make_timestamptz(${YEAR}, 12, 1, 8, 0, 0, 'Asia/Ho_Chi_Minh') + g * interval '10 minutes', e.created_by_id, true
       from (select * from register_entry where organisation_id = ? and year = ${YEAR} limit 1) e
       join organisation o on o.id = e.organisation_id cross join generate_series(1, ${REGISTER_ENTRIES - PLANS}) g`,
    [issuer],
  );
  await run(
    `insert into delivery (id, plan_id, organisation_id, label, delivered_at, acknowledged_at, acknowledged_by_id, recall_seen_at)
     select gen_random_uuid(), p.id, r.id, 'Ủy ban MTTQ các xã, thị trấn', p.issued_at + interval '1 hour',
            case when r.i < 3 then p.issued_at + interval '1 day' end, case when r.i < 3 then p.created_by_id end, null
       from (${copies}) p
       cross join (select id, row_number() over (order by path) as i from organisation where kind = 'committee' order by path limit 3) r`,
    [issuer],
  );
  await run(
    `insert into audit_record (id, plan_id, seq, at, actor_id, event, from_state, to_state, comment, content_hash, details, prev_hash, hash)
     select gen_random_uuid(), p.id, 1, p.issued_at + interval '1 hour', p.created_by_id, 'DISTRIBUTE', 'issued', 'distributed', null, p.content_hash, null, 'bench', 'bench'
       from (${copies}) p`,
    [issuer],
  );
  for (const table of ['register_entry', 'plan', 'delivery', 'audit_record']) await run(`analyze ${table}`);
}

/** Downloads the year's register RUNS times in each format, after one download to warm up. */
export async function benchRegisterExport(bench: BenchApp): Promise<RegisterExportResult[]> {
  await seedRegister(bench);
  const clerk = await ApiClient.login(bench.url, CLERK);
  const results: RegisterExportResult[] = [];
  for (const format of ['docx', 'xlsx'] as const) {
    const url = `${bench.url}/api/number-registers/export.${format}?from=${YEAR}-01-01&to=${YEAR}-12-31`;
    const download = async () => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const response = await fetch(url, { headers: clerk.authHeaders });
      const bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
      const { user, system } = process.cpuUsage(cpu);
      return { ms: performance.now() - started, cpuMs: (user + system) / 1000, bytes };
    };
    await download();
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await download());
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    const cpu = runs.map((r) => r.cpuMs).sort((a, b) => a - b);
    results.push({ format, entries: REGISTER_ENTRIES, p50Ms: median(times), maxMs: times[times.length - 1], cpuP50Ms: median(cpu), bytes: runs[0].bytes });
  }
  return results;
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)];
