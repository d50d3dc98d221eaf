import { vietnamDay } from '../../backend/src/core/reporting-calendar';
import { REMINDER_JOB } from '../../backend/src/reports/reminders.service';
import { sql, startTestApp, TestApp } from '../support/test-app';

/** Polls until `check` answers something truthy (pg-boss workers poll every 2 s). */
async function eventually<T>(check: () => Promise<T>, seconds = 30): Promise<T> {
  for (let waited = 0; ; waited += 0.5) {
    const value = await check();
    if (value || waited >= seconds) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('background jobs through pg-boss, on the server and on the embedded database', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ backgroundJobs: true });
  });
  afterAll(() => t.close());

  it('schedules the reminder job hourly and runs it once at start', async () => {
    const schedules = await sql<{ name: string; cron: string; timezone: string }>(t, `select name, cron, timezone from pgboss.schedule`);
    expect(schedules).toEqual([{ name: REMINDER_JOB, cron: '0 * * * *', timezone: 'Asia/Ho_Chi_Minh' }]);
    const ran = await eventually(async () => (await sql<{ day: string }>(t, `select day from reminder_run`)).map((r) => r.day).join());
    expect(ran).toBe(vietnamDay(new Date()));
    const done = await eventually(async () => (await sql(t, `select 1 from pgboss.job where name = ? and state = 'completed'`, [REMINDER_JOB])).length);
    expect(done).toBe(1);
  });
});
