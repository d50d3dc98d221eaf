/** Plain-text output: headings, aligned tables, numbers. */
import type { LoadResult } from './load';
import type { CapturedQuery } from './query-capture';
import { shortQuery } from './query-capture';

export const out = (line = '') => process.stdout.write(`${line}\n`);

export function heading(text: string): void {
  out();
  out(text);
  out('='.repeat(Math.min(100, [...text].length)));
}

const width = (text: string) => [...text.normalize('NFC')].length;
const pad = (text: string, n: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, n - width(text)));
  return right ? fill + text : text + fill;
};

/** Columns whose header starts with '>' are right-aligned. */
export function table(headers: string[], rows: string[][]): void {
  const align = headers.map((h) => h.startsWith('>'));
  const names = headers.map((h) => h.replace(/^>/, ''));
  const widths = names.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c ?? '', widths[i], align[i])).join(' | ')} |`;
  out(line(names));
  out(`|${widths.map((w, i) => (align[i] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`);
  for (const row of rows) out(line(row));
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : '—');
export const num = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';

export function statusCodes(result: LoadResult): string {
  const codes = Object.entries(result.statusCodes).map(([code, count]) => `${code}×${count}`).join(', ');
  const extra = [result.errors ? `lỗi kết nối ${result.errors}` : '', result.timeouts ? `quá thời gian ${result.timeouts}` : ''].filter(Boolean);
  return [codes || 'không có phản hồi', ...extra].join('; ');
}

/** A load run as one table row: requests, 2xx/s, non-2xx, latency of the 2xx answers. */
export function loadRow(name: string, result: LoadResult): string[] {
  return [
    name,
    num(result.seconds, 1),
    num(result.requests),
    num(result.okPerSecond, 1),
    num(result.non2xx),
    ms(result.latencyOk.p50),
    ms(result.latencyOk.p90),
    ms(result.latencyOk.p99),
    ms(result.latencyOk.max),
  ];
}
export const LOAD_HEADERS = ['lượt đo', '>giây', '>yêu cầu', '>2xx/giây', '>không 2xx', '>p50', '>p90', '>p99', '>max'];

export function printQueries(title: string, queries: CapturedQuery[]): void {
  out(`${title}: ${queries.length} câu lệnh SQL`);
  queries.forEach((q, i) => out(`  ${String(i + 1).padStart(2)}. ${shortQuery(q.sql)}${q.tookMs === null ? '' : `  [${q.tookMs} ms]`}`));
}

export function printSampleErrors(result: LoadResult): void {
  if (!result.sampleErrors.length) return;
  out('  Ví dụ phản hồi không 2xx:');
  for (const sample of result.sampleErrors) out(`    ${sample}`);
}

/** "CPU during the run: machine 97 % busy (bench 55 %, its PostgreSQL 30 %, other work 12 %)". */
export function cpuLine(result: LoadResult): string {
  const cpu = result.cpu;
  if (!cpu) return '  CPU trong lượt đo: không đo được (không có /proc)';
  const database = cpu.database === null ? '' : `, PostgreSQL của bench ${cpu.database.toFixed(0)} %`;
  const lines = [
    `  CPU cả máy trong lượt đo: bận ${cpu.machineBusy.toFixed(0)} % (tiến trình bench: ứng dụng + autocannon ${cpu.bench.toFixed(0)} %${database}, còn lại ${cpu.other.toFixed(0)} %: tiến trình khác, kể cả worker song song của PostgreSQL)`,
  ];
  if (result.ok && cpu.appMainThreadMs !== null) {
    const app = cpu.appMainThreadMs / result.ok;
    const db = cpu.databaseMs === null ? ' (gồm cả PGlite nhúng chạy trong luồng này)' : `, PostgreSQL ${(cpu.databaseMs / result.ok).toFixed(2)} ms`;
    lines.push(
      `  CPU cho mỗi phản hồi 2xx: luồng chính của ứng dụng ${app.toFixed(2)} ms${db} ` +
        `→ trần của vòng lặp sự kiện (một nhân): ≈ ${num(1000 / app)} yêu cầu/giây`,
    );
  }
  if (result.pool) {
    const p = result.pool;
    lines.push(
      `  Pool ORM (${p.max} kết nối): trung bình ${p.averageUsed.toFixed(1)} đang dùng, ${p.averagePending.toFixed(1)} yêu cầu chờ kết nối (tối đa ${p.peakPending})`,
    );
  }
  return lines.join('\n');
}
