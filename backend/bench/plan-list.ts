/**
 * The plan list over 100,000 plans: bulk-inserted by SQL from one real plan made through the API,
 * spread over 3,400 organisations (the demo tree grown by reporting.ts), 11 statuses and 7 years
 * (benchmark data, not demo data), then listed by the province's Phó Chủ tịch (pct.tinh), who may
 * read every plan of the province; beside the list, the other pages a user opens every day.
 */
import { performance } from 'node:perf_hooks';
import { ApiClient, BenchApp, measuredLoad, planContent } from './bench-app';
import type { LoadResult } from './load';
import { captureQueries, CapturedQuery, explainAnalyze } from './query-capture';
import { ReportingSeed, seedOrganisations, seedReporting } from './reporting';

/** The size target's organisation tree. */
const ORGANISATIONS = 3400;

/** Share of each status, in percent (most plans of past years are issued, distributed or closed). */
const STATUS_SHARES: Record<string, number> = {
  draft: 10, in_review: 5, in_coordination: 3, awaiting_approval: 4, approved: 3,
  issued: 15, distributed: 30, closed: 20, rejected: 3, recalled: 2, cancelled: 5,
};
const FIRST_YEAR = 2020;
const YEARS = 7;

/** 20 topics: a text search for one of them matches about 5 % of the plans. */
const TOPICS = [
  'triển khai Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”',
  'tổ chức Ngày hội Đại đoàn kết toàn dân tộc',
  'giám sát và phản biện xã hội',
  'vận động ủng hộ Quỹ “Vì người nghèo”',
  'thực hiện chuyển đổi số trong hoạt động của Mặt trận',
  'tuyên truyền bầu cử đại biểu Quốc hội và Hội đồng nhân dân',
  'tiếp công dân, tiếp nhận đơn thư khiếu nại, tố cáo',
  'phòng, chống thiên tai và cứu trợ',
  'xây dựng nhà Đại đoàn kết cho hộ nghèo',
  'lấy ý kiến nhân dân về dự thảo văn bản',
  'hướng dẫn hoạt động Ban Thanh tra nhân dân',
  'hướng dẫn hoạt động Ban Giám sát đầu tư của cộng đồng',
  'tập huấn nghiệp vụ công tác Mặt trận',
  'kỷ niệm Ngày truyền thống Mặt trận Tổ quốc Việt Nam',
  'vận động đồng bào dân tộc thiểu số giữ gìn bản sắc văn hóa',
  'phối hợp bảo vệ môi trường, ứng phó biến đổi khí hậu',
  'thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”',
  'tổ chức Hội nghị đại biểu nhân dân',
  'công tác tôn giáo và đoàn kết tôn giáo',
  'sơ kết, tổng kết phong trào thi đua',
];
export const SEARCH_TEXT = 'chuyển đổi số';

export interface ListCase {
  name: string;
  path: string;
  /** judged against the p99 target */
  target: boolean;
  /** who asks (default pct.tinh) */
  user?: string;
}

export interface ListCaseResult {
  listCase: ListCase;
  total: string | null;
  rows: number;
  queries: CapturedQuery[];
  warmUp: LoadResult;
  /** one client, one request after the other: the latency a user opening the list sees */
  single: LoadResult;
  /** `connections` clients as fast as they can: throughput, and latency at saturation */
  run: LoadResult;
  explains: { sql: string; plan: string[] }[];
}

export interface PlanListResult {
  plans: number;
  organisations: number;
  reporting: ReportingSeed;
  insertSeconds: number;
  analyzeSeconds: number;
  tableSize: string;
  visibleToCaller: number;
  connections: number;
  cases: ListCaseResult[];
}

const listPath = (filter: Record<string, unknown>, sort: [string, string], range: [number, number]) =>
  `/api/plans?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(JSON.stringify(sort))}&range=${encodeURIComponent(JSON.stringify(range))}`;

export const LIST_CASES: ListCase[] = [
  { name: 'lọc status=issued, year=2025, sắp updatedAt DESC', path: listPath({ status: 'issued', year: 2025 }, ['updatedAt', 'DESC'], [0, 24]), target: true },
  { name: `tìm q="${SEARCH_TEXT}", sắp updatedAt DESC`, path: listPath({ q: SEARCH_TEXT }, ['updatedAt', 'DESC'], [0, 24]), target: true },
  { name: 'không lọc (trang đầu), sắp updatedAt DESC', path: listPath({}, ['updatedAt', 'DESC'], [0, 24]), target: true },
  // The search box (issue 15): a topic typed without diacritics, and words every plan holds (the worst case: all rank).
  { name: 'tìm kiếm "chuyen doi so" (không dấu, xếp hạng)', path: `/api/search?q=${encodeURIComponent('chuyen doi so')}`, target: true },
  { name: 'tìm kiếm "ke hoach mat tran" (từ có ở mọi kế hoạch)', path: `/api/search?q=${encodeURIComponent('ke hoach mat tran')}`, target: true },
];

const INBOX = `/api/tasks?range=${encodeURIComponent('[0,24]')}`;
const FOLLOWING = `/api/following?range=${encodeURIComponent('[0,24]')}`;

/** The other pages of every day, at the same target: dashboard, inbox, follow-up, a report summary. */
const pageCases = (summaryPlanId: string): ListCase[] => [
  { name: 'bảng điều khiển: thống kê (pct.tinh)', path: '/api/plans/stats', target: true },
  { name: 'việc cần xử lý, cấp tỉnh (vt.tinh)', path: INBOX, target: true, user: 'vt.tinh' },
  { name: 'việc cần xử lý, cấp tỉnh (pct.tinh)', path: INBOX, target: true },
  { name: 'việc cần xử lý, cấp huyện (vt.thuanchau, nộp báo cáo)', path: INBOX, target: true, user: 'vt.thuanchau' },
  { name: 'việc cần xử lý, cấp xã (ct.phonglai)', path: INBOX, target: true, user: 'ct.phonglai' },
  { name: 'đang theo dõi, cấp tỉnh (pct.tinh)', path: FOLLOWING, target: true },
  { name: 'đang theo dõi, cấp xã (ct.phonglai)', path: FOLLOWING, target: true, user: 'ct.phonglai' },
  { name: 'kỳ báo cáo cần theo dõi (vt.tinh)', path: '/api/reporting-rounds/to-follow', target: true, user: 'vt.tinh' },
  { name: 'tổng hợp báo cáo một kỳ, kèm cộng dồn (vt.tinh)', path: `/api/plans/${summaryPlanId}/reports/0/summary`, target: true, user: 'vt.tinh' },
];

/** MikroORM's driver errors read "<the whole SQL> - <reason>": keep the reason. */
function dbReason(error: Error): string {
  const message = error.message ?? String(error);
  const at = message.lastIndexOf(' - ');
  return (at >= 0 ? message.slice(at + 3) : message).slice(0, 500);
}

const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;
const sqlTextArray = (items: string[]) => `array[${items.map(sqlText).join(', ')}]::text[]`;

/**
 * One INSERT … SELECT FROM generate_series copying the template plan: every column not varied here
 * is copied from it, so the statement survives new columns. Deterministic (hashtext of the row number).
 */
function bulkInsertSql(templateId: string, count: number, columns: string[]): string {
  const statuses = Object.entries(STATUS_SHARES).flatMap(([status, share]) => Array<string>(share).fill(status));
  const numbered = `v.status in ('issued', 'distributed', 'closed', 'recalled')`;
  const varied: Record<string, string> = {
    id: 'gen_random_uuid()',
    created_at: `t.ts - interval '20 days'`,
    updated_at: 't.ts',
    version: '1',
    status: 'v.status',
    machine_state: `jsonb_build_object('value', v.status::text)`,
    issuer_id: 'o.id',
    issuer_lineage: `array_remove(string_to_array(o.path, '/'), '')`,
    co_issuer_ids: `'{}'::text[]`,
    shared_with_co_issuers: 'false',
    recipient_org_ids: `case when v.status in ('distributed', 'closed') then coalesce(kids.ids, '{}'::text[]) else '{}'::text[] end`,
    content: `src.content || jsonb_build_object('title', v.title, 'issuerId', o.id::text)`,
    content_version: '1',
    title: 'v.title',
    year: 'v.year',
    symbol: `'KH-' || o.symbol`,
    number: `case when ${numbered} then r.g else null end`,
    issued_at: `case when ${numbered} then t.ts else null end`,
    approved_by_id: `case when ${numbered} or v.status = 'approved' then src.created_by_id else null end`,
    document_hash: 'null',
    parent_id: 'null',
  };
  const select = columns.map((c) => (c in varied ? varied[c] : `src."${c}"`));
  return `
    with src as (select * from plan where id = ${sqlText(templateId)}),
    orgs as (select (row_number() over (order by path, id))::int - 1 as i, id, path, symbol from organisation),
    n as (select count(*)::int as n from orgs),
    kids as (select parent_id, array_agg(id::text order by path) as ids from organisation where kind = 'committee' and parent_id is not null group by parent_id),
    r as (
      select g,
        hashtext('o' || g) & 2147483647 as ho, hashtext('s' || g) & 2147483647 as hs,
        hashtext('y' || g) & 2147483647 as hy, hashtext('t' || g) & 2147483647 as ht,
        hashtext('d' || g) & 2147483647 as hd
      from generate_series(1, ${count}) g
    )
    insert into plan (${columns.map((c) => `"${c}"`).join(', ')})
    select ${select.join(',\n      ')}
    from r
    cross join src cross join n
    join orgs o on o.i = r.ho % n.n
    left join kids on kids.parent_id = o.id
    cross join lateral (
      select (${sqlTextArray(statuses)})[1 + r.hs % ${statuses.length}]::plan_status as status,
             ${FIRST_YEAR} + r.hy % ${YEARS} as year,
             'Kế hoạch ' || (${sqlTextArray(TOPICS)})[1 + r.ht % ${TOPICS.length}] || ' năm ' || (${FIRST_YEAR} + r.hy % ${YEARS}) || ' (đo hiệu năng ' || r.g || ')' as title
    ) v
    cross join lateral (select make_timestamptz(v.year, 1, 1, 0, 0, 0, 'UTC') + (r.hd % 31536000) * interval '1 second' as ts) t`;
}

/** The province's incoming register over the benchmark's years: what the search box also looks through. */
export const INCOMING_ENTRIES = 20_000;

/**
 * The province's (the root's) incoming register: entries from outside the system, spread over the
 * years, on the same topics as the plans; their search words come from the table's own trigger.
 */
function incomingInsertSql(count: number): string {
  return `
    with province as (select id from organisation where parent_id is null order by path limit 1),
    r as (select g, ${FIRST_YEAR} + (hashtext('y' || g) & 2147483647) % ${YEARS} as year, (hashtext('t' || g) & 2147483647) as ht from generate_series(1, ${count}) g)
    insert into incoming_document (id, created_at, updated_at, organisation_id, year, arrival_number, received_at, sender, document_number,
      document_date, document_type, summary, status, derived_plan_ids)
    select gen_random_uuid(), now(), now(), province.id, r.year, row_number() over (partition by r.year order by r.g), make_date(r.year, 6, 1),
      'Ủy ban nhân dân tỉnh Sơn La', r.g || '/KH-UBND', make_date(r.year, 5, 28), 'KH',
      'Kế hoạch ' || (${sqlTextArray(TOPICS)})[1 + r.ht % ${TOPICS.length}] || ' năm ' || r.year || ' (văn bản đến ' || r.g || ')', 'done', '{}'
    from r cross join province`;
}

export async function seedPlans(bench: BenchApp, count: number): Promise<{ insertSeconds: number; analyzeSeconds: number; tableSize: string }> {
  const drafter = await ApiClient.login(bench.url, 'bpt.mocchau');
  const template = await drafter.expect<{ id: string }>(201, 'POST', '/api/plans', planContent(drafter.user.organisationId, 'Kế hoạch mẫu cho dữ liệu đo hiệu năng'));
  const connection = bench.orm.em.fork().getConnection();
  const columns = (
    await connection.execute<{ column_name: string }[]>(
      `select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'plan' order by ordinal_position`,
      [],
      'all',
    )
  ).map((c) => c.column_name);
  let started = performance.now();
  await connection.execute(bulkInsertSql(template.id, count, columns), [], 'run');
  await connection.execute(incomingInsertSql(INCOMING_ENTRIES), [], 'run');
  const insertSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await connection.execute('analyze plan', [], 'run');
  await connection.execute('analyze incoming_document', [], 'run');
  const analyzeSeconds = (performance.now() - started) / 1000;
  const [{ size }] = await connection.execute<{ size: string }[]>(`select pg_size_pretty(pg_total_relation_size('plan')) as size`, [], 'all');
  return { insertSeconds, analyzeSeconds, tableSize: size };
}

export async function benchPlanList(
  bench: BenchApp,
  options: { plans: number; connections: number; seconds: number; warmUpSeconds: number },
  onSeeded?: (seeded: { insertSeconds: number; analyzeSeconds: number; tableSize: string }) => void,
): Promise<PlanListResult> {
  const { organisations } = await seedOrganisations(bench, ORGANISATIONS);
  const seeded = await seedPlans(bench, options.plans);
  onSeeded?.(seeded);
  const reporting = await seedReporting(bench);
  const reader = await ApiClient.login(bench.url, 'pct.tinh');
  const clients = new Map([['pct.tinh', reader]]);
  const clientOf = async (user = 'pct.tinh') => clients.get(user) ?? clients.set(user, await ApiClient.login(bench.url, user)).get(user)!;
  const everything = await reader.call('GET', listPath({}, ['updatedAt', 'DESC'], [0, 0]));
  const visibleToCaller = Number(/\/(\d+)$/.exec(everything.headers.get('content-range') ?? '')?.[1] ?? NaN);

  const cases: ListCaseResult[] = [];
  for (const listCase of [...LIST_CASES, ...pageCases(reporting.summaryPlanId)]) {
    await bench.idle();
    const client = await clientOf(listCase.user);
    const { result: answer, queries } = await captureQueries(bench.orm, () => client.call<unknown[]>('GET', listCase.path));
    if (answer.status !== 200) throw new Error(`${listCase.path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    const spec = (seconds: number, connections = options.connections) => ({
      url: bench.url,
      connections,
      duration: seconds,
      headers: client.authHeaders,
      sequences: [[{ method: 'GET' as const, path: listCase.path }]],
    });
    const warmUp = await measuredLoad(bench, spec(options.warmUpSeconds));
    const single = await measuredLoad(bench, spec(options.seconds, 1));
    const run = await measuredLoad(bench, spec(options.seconds));
    const explains: ListCaseResult['explains'] = [];
    for (const query of queries.filter((q) => /^\s*(with|select)\b/i.test(q.sql) && /from "(plan|reporting_round|report_reminder|delivery|audit_record)"/i.test(q.sql))) {
      // A failed EXPLAIN must not cost the figures: keep the database's reason instead of the plan.
      const plan = await explainAnalyze(bench.orm, query.sql).catch((error: Error) => [`EXPLAIN thất bại: ${dbReason(error)}`]);
      explains.push({ sql: query.sql, plan });
    }
    cases.push({
      listCase,
      total: answer.headers.get('content-range'),
      rows: Array.isArray(answer.body) ? answer.body.length : 0,
      queries,
      warmUp,
      single,
      run,
      explains,
    });
  }
  return { plans: options.plans, organisations, reporting, ...seeded, visibleToCaller, connections: options.connections, cases };
}
