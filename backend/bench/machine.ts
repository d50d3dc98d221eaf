/**
 * Where the machine's CPU went during a load run (Linux /proc): this process (app + autocannon
 * worker), the PostgreSQL backends serving the bench's database, and everything else. On a shared
 * machine "everything else" explains figures lower than on an idle one.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Percentages of the whole machine (100 % = every core busy), and CPU milliseconds spent. */
export interface CpuShare {
  machineBusy: number;
  bench: number;
  /** null when the database runs inside this process (PGlite) or its processes are not visible */
  database: number | null;
  other: number;
  /**
   * CPU time of this process's main thread, where the app runs (JS, JSON, TLS-free HTTP, the ORM):
   * the app is one event loop, so 1000 / (this per request) is its ceiling in requests per second.
   */
  appMainThreadMs: number | null;
  databaseMs: number | null;
}

interface Snapshot {
  busy: number;
  total: number;
  selfMicros: number;
  mainThreadTicks: number | null;
  pids: Map<number, number>;
}

/** USER_HZ: /proc counts CPU time in hundredths of a second on Linux. */
const TICK_MS = 10;

function machineTicks(): { busy: number; total: number } | null {
  try {
    const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
    const [, ...fields] = line.trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
    const busy = user + nice + system + irq + softirq + (steal || 0);
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

function processTicks(pid: number, file = `/proc/${pid}/stat`): number | null {
  try {
    const stat = readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

async function snapshot(databasePids: () => Promise<number[]>): Promise<Snapshot | null> {
  const machine = machineTicks();
  if (!machine) return null;
  const pids = new Map<number, number>();
  for (const pid of await databasePids().catch(() => [] as number[])) {
    const ticks = processTicks(pid);
    if (ticks !== null) pids.set(pid, ticks);
  }
  const usage = process.cpuUsage();
  // The main thread's task has the process id; worker threads (autocannon) have their own.
  return { ...machine, selfMicros: usage.user + usage.system, mainThreadTicks: processTicks(process.pid, `/proc/self/task/${process.pid}/stat`), pids };
}

/** Measures `fn`; `databasePids` lists the server processes of the bench's database (empty for PGlite). */
export async function withCpuShare<T>(databasePids: () => Promise<number[]>, fn: () => Promise<T>): Promise<{ result: T; cpu: CpuShare | null }> {
  const before = await snapshot(databasePids);
  const result = await fn();
  const after = await snapshot(databasePids);
  if (!before || !after || after.total <= before.total) return { result, cpu: null };
  const total = after.total - before.total;
  const percent = (ticks: number) => Math.max(0, Math.min(100, (ticks / total) * 100));
  // process.cpuUsage is in microseconds, /proc in USER_HZ (100 per second on Linux).
  const bench = percent((after.selfMicros - before.selfMicros) / 10_000);
  let database: number | null = null;
  let databaseMs: number | null = null;
  if (after.pids.size) {
    let ticks = 0;
    // A backend first seen after the run started spent all its CPU during the run.
    for (const [pid, end] of after.pids) ticks += end - (before.pids.get(pid) ?? 0);
    database = percent(ticks);
    databaseMs = ticks * TICK_MS;
  }
  const machineBusy = percent(after.busy - before.busy);
  const appMainThreadMs =
    before.mainThreadTicks === null || after.mainThreadTicks === null ? null : (after.mainThreadTicks - before.mainThreadTicks) * TICK_MS;
  return {
    result,
    cpu: { machineBusy, bench, database, other: Math.max(0, machineBusy - bench - (database ?? 0)), appMainThreadMs, databaseMs },
  };
}

export const coreCount = () => cpus().length;
