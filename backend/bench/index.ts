/**
 * `npm run bench`: the app's performance figures, printed (never asserted) next to their targets.
 *
 *   1. a throw-away database `kehoach_bench_<random>` on BENCH_DATABASE_URL (dropped at the end, even
 *      after a failure); without a reachable server, the embedded PGlite, clearly labelled;
 *   2. the real app in this process (createApp + listen(0)), demo data, silent logs;
 *   3. plan transitions from 32 concurrent clients: as fast as they can (throughput, autocannon in a
 *      worker thread), then held together to the target rate, evenly spaced (latency at that load);
 *      then the realistic mix: 32 clients creating plans and taking them to ISSUE, downloading the
 *      document, with the latency of each step;
 *   4. the plan list over 100,000 bulk-inserted plans, one client (latency) and 8 at once (throughput),
 *      with EXPLAIN ANALYZE of its SQL;
 *   5. DOCX and PDF rendering and the organisation's PDF signature on one core (rendering.ts);
 *   6. import of a 20-page plan, pasted text and Word file (import.ts);
 *   7. the outbox worker sending e-mail to an SMTP server in this process (mail.ts; no target);
 *   8. the outgoing register of a year of 5,000 entries as DOCX and XLSX (register-export.ts);
 *   9. a summary table: figure, target, đạt / chưa đạt.
 */
import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchImport, ImportBenchResult } from './import';
import { benchRendering, RenderingBenchResult } from './rendering';
import { BenchApp, benchConfig, startBenchApp } from './bench-app';
import { BenchDatabase, createBenchDatabase, DEFAULT_SERVER_URL, probeServer, serverSettings } from './database';
import { withCpuShare } from './machine';
import { benchPlanList, INCOMING_ENTRIES, PlanListResult } from './plan-list';
import type { LoadResult } from './load';
import { cpuLine, heading, LOAD_HEADERS, loadRow, ms, num, out, printQueries, printSampleErrors, statusCodes, table } from './report';
import { benchIssue, benchTransitions, IssueResult, TransitionsResult } from './transitions';
import { benchMix, MIX_STEPS, MixResult } from './mix';
import { benchMail } from './mail';
import { benchRegisterExport, REGISTER_ENTRIES, RegisterExportResult } from './register-export';

const TARGETS = {
  transitionsPerSecond: 500,
  transitionP99Ms: 50,
  mixP99Ms: 100,
  listP99Ms: 50,
  importMs: 200,
  /** issue 13: number, date and the organisation's PDF signature in one request */
  issueP99Ms: 200,
  /** issue 15: a year's outgoing register of 5,000 entries, as DOCX or XLSX */
  registerExportMs: 2000,
};

const CONNECTIONS = 32;

/**
 * `--only transitions`, `--only issue`, `--only lists` (the lists, the inbox and the pages over
 * 100,000 plans) or `--only register`: that app part alone (then cleanup), for quick before/after figures.
 */
const ONLY_PARTS = ['transitions', 'issue', 'lists', 'register'] as const;
const ONLY: (typeof ONLY_PARTS)[number] | null = (() => {
  const i = process.argv.indexOf('--only');
  const part = i >= 0 ? process.argv[i + 1] : null;
  return ONLY_PARTS.find((name) => name === part) ?? null;
})();
const LIST_CONNECTIONS = 8;
const MAIL_MESSAGES = 1000;
const LIST_PLANS = 100_000;

/** Other work on the machine skews every figure: the 1-minute load average is printed with each part. */
function machineLoad(): string {
  return `Tải máy trước phần này (loadavg 1 phút): ${loadavg()[0].toFixed(2)} trên ${cpus().length} nhân`;
}

/** The largest share of the machine other processes took during a measured run. */
let busiestOther = 0;
function printCpu(result: LoadResult): void {
  busiestOther = Math.max(busiestOther, result.cpu?.other ?? 0);
  out(cpuLine(result));
}

interface Figures {
  backend: string;
  transitions?: TransitionsResult;
  issue?: IssueResult;
  mix?: MixResult;
  list?: PlanListResult;
  rendering?: RenderingBenchResult[];
  imports?: ImportBenchResult[];
  register?: RegisterExportResult[];
  failures: string[];
}

/** Runs one part; a failure is reported and the bench goes on with the next part. */
async function part<T>(figures: Figures, name: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    figures.failures.push(`${name}: ${clip((error as Error).message ?? String(error), 300)}`);
    out(`!! ${name} thất bại: ${describeError(error)}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const serverUrl = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL;
  heading('kehoach — đo hiệu năng (npm run bench)');
  out(`Máy: ${cpus().length} nhân ${cpus()[0]?.model ?? ''}, RAM ${num(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}`);

  const probe = await probeServer(serverUrl);
  let database: BenchDatabase | null = null;
  let bench: BenchApp | null = null;
  const cleanup = async () => {
    await bench?.close().catch((e) => out(`!! đóng ứng dụng: ${e}`));
    bench = null;
    if (database) {
      await database.drop().then(
        () => out(`Đã xoá cơ sở dữ liệu ${database!.name}.`),
        (e) => out(`!! không xoá được cơ sở dữ liệu ${database!.name}: ${e}`),
      );
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      out(`\nNhận ${signal}: dọn dẹp…`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  const figures: Figures = { backend: '', failures: [] };
  try {
    if (probe.reachable) {
      database = await createBenchDatabase(serverUrl);
      figures.backend = /^PostgreSQL [\d.]+/.exec(probe.detail)?.[0] ?? 'PostgreSQL';
      out(`Cơ sở dữ liệu: ${probe.detail}, CSDL tạm "${database.name}" trên ${redact(serverUrl)}`);
      const settings = await serverSettings(serverUrl).catch(() => ({}));
      out(`  ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
    } else {
      figures.backend = 'PGlite nhúng (DỰ PHÒNG)';
      out(`!! Không kết nối được PostgreSQL tại ${redact(serverUrl)}: ${probe.detail}`);
      out('!! DỰ PHÒNG: đo trên PGlite nhúng trong tiến trình (một phiên, pool 1 kết nối, WASM): con số chỉ để tham khảo,');
      out('!! không so được với mục tiêu của máy chủ thật. Đặt BENCH_DATABASE_URL để đo trên PostgreSQL.');
    }

    const t = performance.now();
    bench = (await part(figures, 'khởi động ứng dụng', () => startBenchApp(benchConfig(database?.url ?? null)))) ?? null;
    if (bench) {
      const pool = bench.orm.config.get('pool');
      out(`Ứng dụng chạy tại ${bench.url} (khởi động, migration, dữ liệu mẫu: ${num((performance.now() - t) / 1000, 1)} s; pool ORM: ${pool?.max ?? '?'} kết nối)`);
      await appParts(bench, figures);
      await bench.close();
      bench = null;
    }
    if (ONLY) return;

    // DOCX rendering (item 5; synchronous: one core, the app closed)
    heading('3. Dựng DOCX và PDF, ký số PDF khi ban hành (một nhân)');
    out(machineLoad());
    const renderStart = performance.now();
    const rendering = await part(figures, 'dựng DOCX', () => withCpuShare(async () => [], () => benchRendering()));
    figures.rendering = rendering?.result;
    if (figures.rendering) {
      table(['trường hợp', '>văn bản/giây', '>p99'], figures.rendering.map((r) => [r.name, num(r.docsPerSecond), ms(r.p99Ms)]));
      // The render loop is synchronous: the share of one core this thread got says how much others slowed it.
      const cpu = rendering?.cpu;
      const share = cpu?.appMainThreadMs ? cpu.appMainThreadMs / (performance.now() - renderStart) : null;
      if (cpu && share) {
        out(
          `  Luồng đo nhận được ${(share * 100).toFixed(0)} % của một nhân (máy bận ${cpu.machineBusy.toFixed(0)} %, việc khác ${cpu.other.toFixed(0)} %); ` +
            `quy theo thời gian CPU thực nhận: ${figures.rendering.map((r) => `≈ ${num(r.docsPerSecond / share)}`).join(' và ')} văn bản/giây`,
        );
      }
    }

    heading('4. Nhập kế hoạch 20 trang (POST /api/plans/import, phần đọc; một nhân)');
    out(machineLoad());
    figures.imports = await part(figures, 'nhập kế hoạch', () => benchImport());
    if (figures.imports) {
      table(['nguồn', 'cỡ', '>p50', '>p99', '>CPU p50'], figures.imports.map((r) => [r.name, r.size, ms(r.p50Ms), ms(r.p99Ms), ms(r.cpuP50Ms)]));
      out('  "CPU": thời gian CPU tiến trình dùng cho một lần nhập — con số không phụ thuộc máy bận hay rảnh.');
    }

    heading(`5. Gửi thư thông báo: worker của hàng đợi thư (outbox) → máy chủ SMTP trong tiến trình [${figures.backend}]`);
    out(machineLoad());
    out(`${num(MAIL_MESSAGES)} thư đang chờ trong outbox; worker nhận từng lô (for update skip locked), gửi qua nodemailer (pool kết nối SMTP), đánh dấu đã gửi sau mã 250.`);
    const mail = await part(figures, 'gửi thư', () => benchMail(benchConfig(database?.url ?? null), MAIL_MESSAGES));
    if (mail) {
      out(`  Thông lượng của worker gửi thư: ${num(mail.messagesPerSecond)} thư/giây (${num(mail.messages)} thư trong ${num(mail.seconds, 2)} s; máy chủ SMTP nhận ${num(mail.received)} thư). Không có mục tiêu: chỉ đo.`);
    }
  } finally {
    await cleanup();
  }

  summary(figures);
  out();
  out(`Tổng thời gian: ${num((performance.now() - started) / 1000, 1)} s`);
}

/** Parts 1–2: they need the running app. */
async function appParts(app: BenchApp, figures: Figures): Promise<void> {
  const runs = (part: (typeof ONLY_PARTS)[number] | 'mix') => ONLY === null || ONLY === part;
  if (runs('transitions')) await transitionsPart(app, figures);
  if (runs('issue')) await issuePart(app, figures);
  if (runs('mix')) await mixPart(app, figures);
  if (runs('register')) await registerPart(app, figures);
  if (runs('lists')) await listPart(app, figures);
}

/** Part 1c: the realistic mix of one organisation's clients. */
async function mixPart(app: BenchApp, figures: Figures): Promise<void> {
  heading(`1c. Hỗn hợp thực tế: ${CONNECTIONS} client của một cơ quan, mỗi client tạo → SUBMIT → FORWARD → APPROVE → ISSUE → tải văn bản, lặp lại [${figures.backend}]`);
  out(machineLoad());
  figures.mix = await part(figures, 'hỗn hợp thực tế', () => benchMix(app, { connections: CONNECTIONS, seconds: 15, warmUpSeconds: 3 }));
  if (figures.mix) {
    const r = figures.mix;
    table(['bước', '>2xx', '>p50', '>p90', '>p99', '>max'], MIX_STEPS.map((step) => {
      const l = r.steps[step];
      return [step, num(l?.count ?? 0), ms(l?.p50 ?? NaN), ms(l?.p90 ?? NaN), ms(l?.p99 ?? NaN), ms(l?.max ?? NaN)];
    }));
    out(`Chuyển trạng thái (SUBMIT, FORWARD, APPROVE, ISSUE) trả lời 2xx: ${num(r.transitionsPerSecond, 1)}/giây trong ${num(r.run.seconds, 1)} s`);
    printCpu(r.run);
    out(`Mã trạng thái: ${statusCodes(r.run)}`);
    printSampleErrors(r.run);
  }

}

/** Part 2: the list, the inbox and the everyday pages over 100,000 plans. */
async function listPart(app: BenchApp, figures: Figures): Promise<void> {
  heading(`2. Danh sách kế hoạch trên ${num(LIST_PLANS)} kế hoạch, người đọc pct.tinh (cấp tỉnh) [${figures.backend}]`);
  out(machineLoad());
  const t = performance.now();
  figures.list = await part(figures, 'danh sách', () =>
    benchPlanList(app, { plans: LIST_PLANS, connections: LIST_CONNECTIONS, seconds: 5, warmUpSeconds: 1 }, (s) =>
      out(`Nạp ${num(LIST_PLANS)} kế hoạch và ${num(INCOMING_ENTRIES)} văn bản đến (sổ văn bản đến của tỉnh) bằng INSERT … SELECT generate_series: ${num(s.insertSeconds, 1)} s, ANALYZE ${num(s.analyzeSeconds, 1)} s, bảng plan (kèm chỉ mục) ${s.tableSize}`),
    ),
  );
  if (figures.list) {
    const l = figures.list;
    const r = l.reporting;
    out(
      `${num(l.organisations)} tổ chức; ${num(r.deliveries)} lượt gửi, ${num(r.rounds)} kỳ báo cáo, ${num(r.reports)} báo cáo nạp bằng SQL trong ${num(r.seconds, 1)} s; ` +
        `việc nhắc hạn hằng ngày (một INSERT … SELECT trên các kỳ) tạo ${num(r.reminders)} nhắc việc trong ${num(r.reminderJobSeconds, 2)} s.`,
    );
    out(`pct.tinh đọc được ${num(l.visibleToCaller)} kế hoạch; ${l.connections} client đồng thời, 5 s mỗi trường hợp (sau 1 s khởi động).`);
    table(LOAD_HEADERS, l.cases.flatMap((c) => [loadRow(`${c.listCase.name}, 1 client`, c.single), loadRow(`${c.listCase.name}, ${l.connections} client`, c.run)]));
    out(
      `"1 client": từng yêu cầu một, độ trễ người dùng thấy khi mở danh sách. "${l.connections} client": mỗi client gửi tiếp ngay khi có trả lời, ` +
        `máy luôn bận hết sức, độ trễ trung bình ≈ ${l.connections} / thông lượng (định luật Little).`,
    );
    for (const c of l.cases) {
      out();
      out(`— ${c.listCase.name}`);
      out(`  GET ${decodeURIComponent(c.listCase.path)}`);
      out(`  Content-Range: ${c.total}, ${c.rows} dòng; mã trạng thái (1 client): ${statusCodes(c.single)}; (${l.connections} client): ${statusCodes(c.run)}`);
      printSampleErrors(c.single);
      printCpu(c.run);
      printSampleErrors(c.run);
      printQueries('  SQL của một yêu cầu', c.queries);
      for (const e of c.explains) {
        out(`  EXPLAIN (ANALYZE, BUFFERS) ${e.sql.replace(/\s+/g, ' ').slice(0, 400)}${e.sql.length > 400 ? '…' : ''}`);
        const top = e.plan.slice(0, 18);
        for (const line of top) out(`    ${line}`);
        if (e.plan.length > top.length) {
          out(`    … (${e.plan.length - top.length} dòng nữa)`);
          for (const line of e.plan.filter((p) => /^(Planning|Execution) Time/.test(p))) out(`    ${line}`);
        }
      }
    }
  }
  out(`(phần danh sách: ${num((performance.now() - t) / 1000, 1)} s)`);
}

/** Part 1: plan transitions at full speed and held at the target rate. */
async function transitionsPart(app: BenchApp, figures: Figures): Promise<void> {
  heading(`1. Chuyển trạng thái kế hoạch: POST /api/plans/:id/events, ${CONNECTIONS} client đồng thời [${figures.backend}]`);
  out(machineLoad());
  out(`Mỗi client một kế hoạch dự thảo của Mộc Châu (bpt.mocchau), lặp SUBMIT → WITHDRAW: mọi yêu cầu đều hợp lệ.`);
  out('Chỉ phản hồi 2xx được tính là một lần chuyển trạng thái; độ trễ là của các phản hồi 2xx (đo từng yêu cầu).');
  figures.transitions = await part(figures, 'chuyển trạng thái', () =>
    benchTransitions(app, { connections: CONNECTIONS, seconds: 10, warmUpSeconds: 5, targetRate: TARGETS.transitionsPerSecond }),
  );
  if (figures.transitions) {
    const r = figures.transitions;
    table(LOAD_HEADERS, [loadRow('khởi động (bỏ qua)', r.warmUp), loadRow('hết sức (đo thông lượng)', r.run), loadRow(`giữ ${r.targetRate}/giây (đo độ trễ)`, r.atRate)]);
    out(
      `"Hết sức": mỗi client gửi yêu cầu tiếp ngay khi có trả lời, nên luôn có ${CONNECTIONS} yêu cầu đang chờ và độ trễ trung bình ≈ ${CONNECTIONS} / thông lượng ` +
        `(định luật Little). "Giữ ${r.targetRate}/giây": cùng ${CONNECTIONS} client, tổng cộng ${r.targetRate} yêu cầu mỗi giây: độ trễ ở mức tải mục tiêu.`,
    );
    printCpu(r.run);
    out(`Mã trạng thái (hết sức): ${statusCodes(r.run)}; (giữ ${r.targetRate}/giây): ${statusCodes(r.atRate)}`);
    printSampleErrors(r.run);
    printSampleErrors(r.atRate);
    printQueries('SQL của một SUBMIT', r.submitQueries);
    printQueries('SQL của một WITHDRAW', r.withdrawQueries);
  }
}

/** Part 1d: the outgoing register of a year, exported (before the list's 100,000 plans join the tables). */
async function registerPart(app: BenchApp, figures: Figures): Promise<void> {
  heading(`1d. Xuất sổ đăng ký văn bản đi một năm, ${num(REGISTER_ENTRIES)} số: GET /api/number-registers/export.docx|xlsx, một client [${figures.backend}]`);
  out(machineLoad());
  figures.register = await part(figures, 'xuất sổ đăng ký', () => benchRegisterExport(app));
  if (figures.register) {
    table(
      ['định dạng', '>số dòng', '>p50', '>max', '>CPU p50', '>cỡ tệp', 'mục tiêu'],
      figures.register.map((r) => [r.format.toUpperCase(), num(r.entries), ms(r.p50Ms), ms(r.maxMs), ms(r.cpuP50Ms), `${num(r.bytes / 1024)} KiB`, `< ${ms(TARGETS.registerExportMs)}`]),
    );
    out('  "CPU": thời gian CPU của tiến trình ứng dụng (kể cả luồng dựng DOCX) cho một lần tải — không phụ thuộc máy bận hay rảnh.');
  }
}

/** Part 1b: ISSUE end to end, with the organisation's PDF signature. */
async function issuePart(app: BenchApp, figures: Figures): Promise<void> {
  heading(`1b. ISSUE trọn vẹn: cấp số, điền số và ngày vào PDF, ký số của cơ quan (PDF dựng sẵn khi lãnh đạo ký), DOCX sau đó trong worker; một cơ quan [${figures.backend}]`);
  out(machineLoad());
  figures.issue = await part(figures, 'ban hành', () => benchIssue(app, { plans: 24, connections: 4 }));
  if (figures.issue) {
    const r = figures.issue;
    out(`${r.plans} kế hoạch đã duyệt của Mộc Châu, ${r.connections} client, mỗi kế hoạch ISSUE một lần.`);
    table(LOAD_HEADERS, [loadRow('ISSUE', r.run)]);
    printCpu(r.run);
    out(`Mã trạng thái: ${statusCodes(r.run)}`);
    printSampleErrors(r.run);
    printQueries('SQL của một ISSUE', r.issueQueries);
  }
}

function summary(figures: Figures): void {
  heading(`Tổng hợp [${figures.backend}]`);
  const verdict = (ok: boolean | null) => (ok === null ? '—' : ok ? 'đạt' : 'chưa đạt');
  const rows: string[][] = [];
  const t = figures.transitions?.run;
  const atRate = figures.transitions?.atRate;
  if (t && atRate) {
    const rate = figures.transitions!.targetRate;
    // Held at the target rate, the clients must actually reach it (within 2 %), or the latency is not at that load.
    const reachedRate = atRate.okPerSecond >= rate * 0.98;
    rows.push([`Chuyển trạng thái/giây, hết sức (${CONNECTIONS} client, chỉ 2xx)`, num(t.okPerSecond, 1), `≥ ${TARGETS.transitionsPerSecond}`, verdict(t.okPerSecond >= TARGETS.transitionsPerSecond)]);
    rows.push([`Chuyển trạng thái, giữ ${rate}/giây (${CONNECTIONS} client): đạt được`, `${num(atRate.okPerSecond, 1)}/giây`, `${rate}/giây`, verdict(reachedRate)]);
    rows.push([`Chuyển trạng thái, giữ ${rate}/giây: p50`, ms(atRate.latencyOk.p50), '', '—']);
    rows.push([`Chuyển trạng thái, giữ ${rate}/giây: p99`, ms(atRate.latencyOk.p99), `< ${TARGETS.transitionP99Ms} ms`, verdict(reachedRate && atRate.latencyOk.p99 < TARGETS.transitionP99Ms)]);
    rows.push(['Chuyển trạng thái, hết sức: p50 / p99 (tham khảo)', `${ms(t.latencyOk.p50)} / ${ms(t.latencyOk.p99)}`, '', '—']);
    const failures = [t, atRate].reduce((sum, r) => sum + r.non2xx + r.errors, 0);
    rows.push(['Chuyển trạng thái: phản hồi không 2xx / lỗi', num(failures), '0', verdict(failures === 0)]);
    if (t.cpu?.appMainThreadMs && t.ok) {
      // One event loop serves every request: 500/s leaves it 2 ms of CPU per transition.
      const perRequest = t.cpu.appMainThreadMs / t.ok;
      rows.push([
        'Chuyển trạng thái: CPU luồng chính / yêu cầu (chẩn đoán)',
        `${ms(perRequest)} (trần ≈ ${num(1000 / perRequest)}/giây)`,
        `≤ ${ms(1000 / TARGETS.transitionsPerSecond)} để đạt ${TARGETS.transitionsPerSecond}/giây`,
        '—',
      ]);
    }
  } else rows.push(['Chuyển trạng thái', 'không đo được', `≥ ${TARGETS.transitionsPerSecond}/s, p99 < ${TARGETS.transitionP99Ms} ms`, 'chưa đạt']);
  const issue = figures.issue?.run;
  if (issue) {
    rows.push([
      `ISSUE có ký số PDF (${figures.issue!.connections} client, một cơ quan): /giây, p99`,
      `${num(issue.okPerSecond, 1)}, ${ms(issue.latencyOk.p99)}`,
      `p99 ≤ ${TARGETS.issueP99Ms} ms`,
      verdict(issue.non2xx === 0 && issue.latencyOk.p99 <= TARGETS.issueP99Ms),
    ]);
  }
  if (figures.mix) {
    const { steps, transitionsPerSecond, run } = figures.mix;
    for (const step of ['SUBMIT', 'FORWARD', 'APPROVE'] as const) {
      const p99 = steps[step]?.p99 ?? NaN;
      rows.push([`Hỗn hợp thực tế (${CONNECTIONS} client): ${step} p99`, ms(p99), `< ${TARGETS.mixP99Ms} ms`, verdict(run.non2xx === 0 && p99 < TARGETS.mixP99Ms)]);
    }
    rows.push([`Hỗn hợp thực tế: ISSUE p99 / tải văn bản p99 (tham khảo)`, `${ms(steps.ISSUE?.p99 ?? NaN)} / ${ms(steps['tải văn bản']?.p99 ?? NaN)}`, '', '—']);
    rows.push([`Hỗn hợp thực tế: chuyển trạng thái/giây (tham khảo)`, num(transitionsPerSecond, 1), '', '—']);
  } else rows.push(['Hỗn hợp thực tế', 'không đo được', `p99 < ${TARGETS.mixP99Ms} ms`, 'chưa đạt']);
  if (figures.register) {
    for (const r of figures.register) {
      rows.push([`Xuất sổ đăng ký ${num(r.entries)} số, ${r.format.toUpperCase()}: max`, `${ms(r.maxMs)} (p50 ${ms(r.p50Ms)})`, `< ${ms(TARGETS.registerExportMs)}`, verdict(r.maxMs < TARGETS.registerExportMs)]);
    }
  } else rows.push(['Xuất sổ đăng ký văn bản đi', 'không đo được', `< ${ms(TARGETS.registerExportMs)}`, 'chưa đạt']);
  if (figures.list) {
    for (const c of figures.list.cases) {
      const p99 = c.single.latencyOk.p99;
      rows.push([
        `${num(figures.list.plans / 1000)}k kế hoạch, ${c.listCase.name}, 1 client: p99`,
        `${ms(p99)} (p50 ${ms(c.single.latencyOk.p50)})`,
        `< ${TARGETS.listP99Ms} ms`,
        c.listCase.target ? verdict(c.single.non2xx === 0 && p99 < TARGETS.listP99Ms) : '—',
      ]);
      rows.push([
        `  cùng trường hợp, ${figures.list.connections} client hết sức: /giây, p99 (tham khảo)`,
        `${num(c.run.okPerSecond, 0)}/giây, ${ms(c.run.latencyOk.p99)}`,
        '',
        '—',
      ]);
    }
  } else rows.push(['Danh sách kế hoạch', 'không đo được', `p99 < ${TARGETS.listP99Ms} ms`, 'chưa đạt']);
  if (figures.rendering) {
    for (const r of figures.rendering) {
      rows.push([`${r.name}: văn bản/giây`, `${num(r.docsPerSecond)} (p99 ${ms(r.p99Ms)})`, r.target ? `≥ ${r.target}` : '', r.target ? verdict(r.docsPerSecond >= r.target) : '—']);
    }
  } else rows.push(['Dựng DOCX và PDF', 'không đo được', `≥ 50 và ≥ 20/giây`, 'chưa đạt']);
  if (figures.imports) {
    for (const r of figures.imports) rows.push([`Nhập kế hoạch 20 trang, ${r.name}: p99`, `${ms(r.p99Ms)} (p50 ${ms(r.p50Ms)})`, `≤ ${TARGETS.importMs} ms`, verdict(r.p99Ms <= TARGETS.importMs)]);
  } else rows.push(['Nhập kế hoạch 20 trang', 'không đo được', `≤ ${TARGETS.importMs} ms`, 'chưa đạt']);
  table(['chỉ số', '>kết quả', 'mục tiêu', 'đánh giá'], rows);
  if (figures.backend.startsWith('PGlite')) out('!! Đo trên PGlite nhúng (dự phòng): đánh giá chỉ mang tính tham khảo.');
  if (busiestOther > 15) {
    out(
      `!! Trong một lượt đo, tiến trình khác chiếm tới ${busiestOther.toFixed(0)} % CPU cả máy (kể cả worker song song mà PostgreSQL ` +
        'dùng cho một seq scan lớn): nếu đó là việc của người khác, con số thấp hơn khi máy rảnh.',
    );
  }
  for (const failure of figures.failures) out(`!! Không đo được — ${failure}`);
}

/** The message (clipped) and the first frames of the stack. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return clip(String(error), 1500);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 6);
  return [clip(error.message, 1500), ...frames].join('\n');
}

/** Errors may quote whole SQL statements (with DOCX bytes): keep their start. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // The database's complaint comes last: keep both ends.
  const end = Math.floor(max / 3);
  return `${text.slice(0, max - end)} …(${text.length - max} ký tự)… ${text.slice(-end)}`;
}

/** The server URL without its password. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(URL không hợp lệ)';
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    out(`!! bench thất bại: ${describeError(error)}`);
    process.exit(1);
  },
);
