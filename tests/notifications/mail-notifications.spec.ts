import { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_MAIL_FROM, loadConfigFromEnv } from '../../backend/src/config/app-config';
import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { DigestJob } from '../../backend/src/notifications/digest';
import { OutboxRepository } from '../../backend/src/notifications/outbox.repository';
import { OutboxWorker } from '../../backend/src/notifications/outbox-worker';
import { RemindersService } from '../../backend/src/reports/reminders.service';
import { ALL_DEMO_USERS, demoOrgs, DemoOrgs, jointPlanContent, planContent, REPORTING_FORM, roundNowDue, send } from '../support/plans';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { sql, startTestApp, TestApp } from '../support/test-app';

const PUBLIC_URL = 'http://kehoach.test';
const today = vietnamDay(new Date());
const address = (username: string) => `${username}@kehoach.example`;
const recipientsOf = (mails: ReceivedMail[]) => mails.flatMap((m) => m.envelopeTo).sort();

describe('e-mail notifications through the outbox, to a real SMTP server', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let orgs: DemoOrgs;
  let counter = 0;

  /** Runs the outbox worker as its job would, and answers what the SMTP server received meanwhile. */
  const deliver = async (now?: Date) => {
    await t.app.get(OutboxWorker).drain(now);
    return sink.take();
  };
  const createPlan = async (content: object = planContent(orgs.province, {})) => {
    const title = `Kế hoạch thử thư điện tử số ${++counter}`;
    const { body } = await t.as('bpt.tinh').post('/api/plans').send({ ...content, title }).expect(201);
    return { id: body.id as string, title };
  };
  const settings = (username: string, categories: object) => t.as(username).put('/api/me/notification-settings').send({ categories });

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ mail: { smtpUrl: sink.url, from: '"Kế hoạch MTTQ" <kehoach@kehoach.test>', publicUrl: PUBLIC_URL } });
    await t.login(...ALL_DEMO_USERS, 'qt.thuanchau', 'bpt.thuanchau');
    orgs = await demoOrgs(t);
    await deliver();
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('tells each person of their new task, a return with its comment, the distribution and the recall, never the actor', async () => {
    const recipientLines = [
      { label: 'Ủy ban MTTQ huyện Thuận Châu', orgIds: [orgs.thuanChau] },
      { label: 'Ủy ban MTTQ huyện Mai Sơn', orgIds: [orgs.maiSon] },
    ];
    const plan = await createPlan(planContent(orgs.province, { recipients: recipientLines }));
    const link = `${PUBLIC_URL}/#/plans/${plan.id}/show`;

    await send(t, 'bpt.tinh', plan.id, 'SUBMIT');
    const [review, ...none] = await deliver();
    expect(none).toEqual([]);
    expect(review.envelopeTo).toEqual([address('tb.tinh')]);
    expect(review.subject).toBe(`[Kế hoạch] Chờ anh/chị xem xét: ${plan.title}`);
    expect(review.from).toContain('Kế hoạch MTTQ');
    expect(review.text).toContain('Kính gửi Cầm Văn Thành,');
    expect(review.text).toContain('Lò Thị Hương đã "Trình duyệt"');
    expect(review.text).toContain(`Mở kế hoạch: ${link}`);
    expect(review.html).toContain(`<a href="${link}">Mở kế hoạch</a>`);

    await send(t, 'tb.tinh', plan.id, 'FORWARD');
    expect((await deliver()).map((m) => [m.envelopeTo, m.subject])).toEqual([[[address('pct.tinh')], `[Kế hoạch] Chờ anh/chị phê duyệt: ${plan.title}`]]);

    await send(t, 'pct.tinh', plan.id, 'RETURN', 200, 'Bổ sung kinh phí thực hiện và đơn vị chủ trì');
    const [returned, ...alone] = await deliver();
    expect(alone).toEqual([]);
    expect(returned.envelopeTo).toEqual([address('bpt.tinh')]);
    expect(returned.subject).toBe(`[Kế hoạch] Kế hoạch bị trả lại: ${plan.title}`);
    expect(returned.text).toContain('Nguyễn Thị Thu Hà đã trả lại kế hoạch');
    expect(returned.text).toContain('Bổ sung kinh phí thực hiện và đơn vị chủ trì');

    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE']]) await send(t, user, plan.id, event);
    expect((await deliver()).map((m) => m.subject)).toEqual([
      `[Kế hoạch] Chờ anh/chị xem xét: ${plan.title}`,
      `[Kế hoạch] Chờ anh/chị phê duyệt: ${plan.title}`,
      `[Kế hoạch] Chờ anh/chị ban hành: ${plan.title}`,
    ]);
    // The clerk who issues is the one who sends: nobody else has a task.
    await send(t, 'vt.tinh', plan.id, 'ISSUE');
    expect(await deliver()).toEqual([]);

    await send(t, 'vt.tinh', plan.id, 'DISTRIBUTE');
    const distributed = await deliver();
    expect(recipientsOf(distributed)).toEqual(['bpt.maison', 'bpt.thuanchau', 'pct.maison', 'pct.thuanchau', 'qt.thuanchau', 'vt.maison', 'vt.thuanchau'].map(address));
    expect(new Set(distributed.map((m) => m.subject))).toEqual(new Set([`[Kế hoạch] Chờ anh/chị xác nhận đã nhận: ${plan.title}`]));

    await send(t, 'pct.tinh', plan.id, 'RECALL', 200, 'Văn bản ban hành sai thẩm quyền');
    const recalled = await deliver();
    expect(recipientsOf(recalled)).toEqual(recipientsOf(distributed));
    expect(recalled[0].subject).toBe(`[Kế hoạch] Thu hồi kế hoạch: ${plan.title}`);
    expect(recalled[0].text).toContain('Lý do thu hồi:');
    expect(recalled[0].text).toContain('Văn bản ban hành sai thẩm quyền');

    const rows = await sql(t, `select state, count(*)::int as n from outbox_message where subject like ? group by state`, [`%${plan.title}`]);
    expect(rows).toEqual([{ state: 'sent', n: 20 }]);
  });

  it('asks co-issuers to sign when coordination starts, and the leader to approve once all have signed', async () => {
    const plan = await createPlan(jointPlanContent(orgs, [orgs.ldld, orgs.hnd]));
    await send(t, 'bpt.tinh', plan.id, 'SUBMIT');
    await deliver();
    await send(t, 'tb.tinh', plan.id, 'FORWARD');
    const sign = await deliver();
    expect(recipientsOf(sign)).toEqual([address('hnd.tinh'), address('ldld.tinh')]);
    expect(sign[0].subject).toBe(`[Kế hoạch] Chờ anh/chị ký phối hợp: ${plan.title}`);
    await send(t, 'ldld.tinh', plan.id, 'SIGN');
    expect(await deliver()).toEqual([]);
    await send(t, 'hnd.tinh', plan.id, 'SIGN');
    expect((await deliver()).map((m) => [m.envelopeTo, m.subject])).toEqual([[[address('pct.tinh')], `[Kế hoạch] Chờ anh/chị phê duyệt: ${plan.title}`]]);
  });

  it('keeps each user\'s settings: a category off sends nothing, a daily digest sends one message', async () => {
    expect((await t.as('bpt.tinh').get('/api/me/notification-settings').expect(200)).body).toEqual({
      id: 'me',
      email: address('bpt.tinh'),
      categories: {
        new_task: { enabled: true, delivery: 'immediate' },
        returned: { enabled: true, delivery: 'immediate' },
        report_due: { enabled: true, delivery: 'immediate' },
        report_overdue: { enabled: true, delivery: 'immediate' },
        recalled: { enabled: true, delivery: 'immediate' },
      },
    });
    const refused = await settings('bpt.tinh', { returned: { enabled: true, delivery: 'weekly' } }).expect(400);
    expect(JSON.stringify(refused.body.errors)).toContain('delivery');

    const off = await settings('bpt.tinh', { returned: { enabled: false, delivery: 'immediate' } }).expect(200);
    expect(off.body.categories.returned).toEqual({ enabled: false, delivery: 'immediate' });
    expect(off.body.categories.new_task).toEqual({ enabled: true, delivery: 'immediate' });
    const plan = await createPlan();
    await send(t, 'bpt.tinh', plan.id, 'SUBMIT');
    await send(t, 'tb.tinh', plan.id, 'RETURN', 200, 'Sửa lại mục tiêu');
    expect((await deliver()).map((m) => m.envelopeTo)).toEqual([[address('tb.tinh')]]);

    await settings('tb.tinh', { new_task: { enabled: true, delivery: 'daily_digest' } }).expect(200);
    const first = await createPlan();
    const second = await createPlan();
    await send(t, 'bpt.tinh', first.id, 'SUBMIT');
    await send(t, 'bpt.tinh', second.id, 'SUBMIT');
    expect(await deliver()).toEqual([]);
    expect(await t.app.get(DigestJob).run()).toBe(1);
    const [digest, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(digest.envelopeTo).toEqual([address('tb.tinh')]);
    expect(digest.subject).toMatch(/^\[Kế hoạch\] Tổng hợp 2 thông báo ngày \d\d\/\d+\/\d{4}$/);
    expect(digest.text).toContain(`1. [Kế hoạch] Chờ anh/chị xem xét: ${first.title}`);
    expect(digest.text).toContain(`2. [Kế hoạch] Chờ anh/chị xem xét: ${second.title}`);
    expect(digest.text.match(/Kính gửi/g)).toHaveLength(1);
    expect(await t.app.get(DigestJob).run()).toBe(0);
    await settings('tb.tinh', { new_task: { enabled: true, delivery: 'immediate' } }).expect(200);
  });

  it('retries a message the SMTP server refused, with back-off, and delivers it exactly once', async () => {
    const plan = await createPlan();
    sink.refuseNext(1);
    await send(t, 'bpt.tinh', plan.id, 'SUBMIT');
    expect(await t.app.get(OutboxWorker).drain()).toEqual({ sent: 0, failed: 1 });
    const [row] = await sql<{ id: string; state: string; attempts: number; last_error: string }>(
      t, `select id, state, attempts, last_error from outbox_message where subject like ?`, [`%${plan.title}`],
    );
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row.last_error).toContain('451');
    // Not due again before its back-off (a minute).
    expect(await deliver()).toEqual([]);
    const [mail, ...again] = await deliver(new Date(Date.now() + 2 * 60_000));
    expect(again).toEqual([]);
    expect(mail.subject).toBe(`[Kế hoạch] Chờ anh/chị xem xét: ${plan.title}`);
    expect(mail.messageId).toBe(`<${row.id}@kehoach.test>`);
    expect(await deliver(new Date(Date.now() + 60 * 60_000))).toEqual([]);
    expect(await sql(t, `select state, attempts from outbox_message where id = ?`, [row.id])).toEqual([{ state: 'sent', attempts: 2 }]);
  });

  it('sends again, once, a message a worker claimed and never finished (its instance died) when its lease ends', async () => {
    const plan = await createPlan();
    await send(t, 'bpt.tinh', plan.id, 'SUBMIT');
    const em = t.app.get(EntityManager).fork();
    const [claimed, ...others] = await t.app.get(OutboxRepository).claim(em, new Date(), new Date(Date.now() + 5 * 60_000), 20);
    expect(others).toEqual([]);
    expect(claimed.subject).toBe(`[Kế hoạch] Chờ anh/chị xem xét: ${plan.title}`);
    // The dead worker's lease holds: nobody else sends it meanwhile.
    expect(await deliver(new Date(Date.now() + 4 * 60_000))).toEqual([]);
    const [mail, ...again] = await deliver(new Date(Date.now() + 6 * 60_000));
    expect(again).toEqual([]);
    expect(mail.messageId).toBe(`<${claimed.id}@kehoach.test>`);
    expect(await deliver(new Date(Date.now() + 60 * 60_000))).toEqual([]);
    expect(await sql(t, `select state, attempts from outbox_message where id = ?`, [claimed.id])).toEqual([{ state: 'sent', attempts: 2 }]);
  });

  it('tells a unit of reports due soon and overdue, and its leader of one overdue for more than 3 days', async () => {
    const plan = await createPlan(planContent(orgs.province, {
      recipients: [{ label: 'Ủy ban MTTQ huyện Thuận Châu', orgIds: [orgs.thuanChau] }],
      reporting: [
        { name: 'Báo cáo quý I', dueDate: addDays(today, 30) },
        { name: 'Báo cáo quý II', dueDate: addDays(today, 35) },
      ],
      form: REPORTING_FORM,
    }));
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE'], ['vt.tinh', 'DISTRIBUTE']]) await send(t, user, plan.id, event);
    // Five weeks pass: the first report is 5 days overdue, the second due in 5 days.
    await roundNowDue(t, plan.id, 0, addDays(today, -5));
    await roundNowDue(t, plan.id, 1, addDays(today, 5));
    await deliver();
    await sql(t, `delete from reminder_run`);
    await t.app.get(RemindersService).runDaily();
    const mails = (await deliver()).filter((m) => m.subject.endsWith(plan.title));
    const unit = ['bpt.thuanchau', 'pct.thuanchau', 'qt.thuanchau', 'vt.thuanchau'].map(address);
    const bySubject = (prefix: string) => recipientsOf(mails.filter((m) => m.subject.startsWith(prefix)));
    expect(bySubject('[Kế hoạch] Sắp đến hạn báo cáo:')).toEqual(unit);
    expect(bySubject('[Kế hoạch] Quá hạn báo cáo:')).toEqual(unit);
    expect(bySubject('[Kế hoạch] Quá hạn báo cáo hơn 3 ngày:')).toEqual([address('pct.thuanchau')]);
    expect(mails).toHaveLength(9);
    const escalation = mails.find((m) => m.subject.includes('hơn 3 ngày'))!;
    expect(escalation.text).toContain('Ủy ban MTTQ Việt Nam huyện Thuận Châu chưa gửi báo cáo "Báo cáo quý I"');

    // The next day's run escalates nothing twice.
    await sql(t, `delete from reminder_run`);
    await t.app.get(RemindersService).runDaily();
    expect((await deliver()).filter((m) => m.subject.endsWith(plan.title))).toEqual([]);
  });

  it('takes a user\'s address in the user form, checked', async () => {
    const [user] = await sql<{ id: string }>(t, `select id from "user" where username = 'bpt.thuanchau'`);
    const refused = await t.as('admin').put(`/api/users/${user.id}`).send({ email: 'không phải địa chỉ' }).expect(400);
    expect(refused.body.errors.email).toContain('e-mail');
    const saved = await t.as('admin').put(`/api/users/${user.id}`).send({ email: 'khanh.lv@mttq.sonla.gov.vn' }).expect(200);
    expect(saved.body.email).toBe('khanh.lv@mttq.sonla.gov.vn');
  });
});

describe('without SMTP_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.login('bpt.tinh');
  });
  afterAll(() => t.close());

  it('writes nothing to the outbox', async () => {
    const orgs = await demoOrgs(t, 'bpt.tinh');
    const { body } = await t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province, {})).expect(201);
    await send(t, 'bpt.tinh', body.id, 'SUBMIT');
    expect(await sql(t, `select 1 from outbox_message`)).toEqual([]);
  });
});

describe('with background jobs: the pg-boss worker, woken by the commit', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ backgroundJobs: true, mail: { smtpUrl: sink.url, from: 'kehoach@kehoach.test', publicUrl: PUBLIC_URL } });
    await t.login('bpt.tinh');
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('schedules the outbox and the digest, and sends an event\'s message without waiting for the schedule', async () => {
    const schedules = await sql<{ name: string; cron: string }>(t, `select name, cron from pgboss.schedule order by name`);
    expect(schedules.map((s) => [s.name, s.cron])).toEqual([['mail-digest', '0 7 * * *'], ['mail-outbox', '* * * * *'], ['report-reminders', '0 * * * *']]);
    const orgs = await demoOrgs(t, 'bpt.tinh');
    const { body } = await t.as('bpt.tinh').post('/api/plans').send({ ...planContent(orgs.province, {}), title: 'Kế hoạch gửi thư qua hàng đợi' }).expect(201);
    await send(t, 'bpt.tinh', body.id, 'SUBMIT');
    for (let waited = 0; waited < 20_000 && !sink.received.some((m) => m.subject.endsWith('Kế hoạch gửi thư qua hàng đợi')); waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(sink.received.filter((m) => m.subject.endsWith('Kế hoạch gửi thư qua hàng đợi')).map((m) => m.envelopeTo)).toEqual([[address('tb.tinh')]]);
  });
});

describe('across a restart', () => {
  let sink: SmtpSink;
  let stopped: TestApp;
  let restarted: TestApp | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
    stopped = await startTestApp({ mail: { smtpUrl: sink.url, from: 'kehoach@kehoach.test', publicUrl: PUBLIC_URL } });
  });
  afterAll(async () => {
    await restarted?.stop();
    await stopped.close();
    await sink.close();
  });

  it('sends at start what an instance stopped before sending left in the outbox', async () => {
    await stopped.login('bpt.tinh');
    const orgs = await demoOrgs(stopped, 'bpt.tinh');
    const title = 'Kế hoạch gửi thư sau khi khởi động lại';
    const { body } = await stopped.as('bpt.tinh').post('/api/plans').send({ ...planContent(orgs.province, {}), title }).expect(201);
    await send(stopped, 'bpt.tinh', body.id, 'SUBMIT');
    expect(await sql(stopped, `select state from outbox_message where subject like ?`, [`%${title}`])).toEqual([{ state: 'pending' }]);
    await stopped.stop();

    restarted = await startTestApp({ ...stopped.config, backgroundJobs: true, ownsDatabase: false });
    for (let waited = 0; waited < 20_000 && !sink.received.some((m) => m.subject.endsWith(title)); waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(sink.received.filter((m) => m.subject.endsWith(title)).map((m) => m.envelopeTo)).toEqual([[address('tb.tinh')]]);
    expect(await sql(restarted, `select state from outbox_message where subject like ?`, [`%${title}`])).toEqual([{ state: 'sent' }]);
  });
});

describe('mail settings from the environment', () => {
  const REAL_SERVER = { DATABASE_URL: 'postgres://db/kehoach', JWT_SECRET: 's3cret' };

  it('has e-mail off without SMTP_URL, and links to the app on its own port', () => {
    expect(loadConfigFromEnv({ ...REAL_SERVER, PORT: '8080' }).mail).toEqual({ smtpUrl: null, from: DEFAULT_MAIL_FROM, publicUrl: 'http://localhost:8080' });
  });

  it('reads SMTP_URL, MAIL_FROM and PUBLIC_URL (without its trailing slash)', () => {
    const env = { ...REAL_SERVER, SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'kehoach@mttq.sonla.gov.vn', PUBLIC_URL: 'https://kehoach.mttq.sonla.gov.vn/' };
    expect(loadConfigFromEnv(env).mail).toEqual({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'kehoach@mttq.sonla.gov.vn', publicUrl: 'https://kehoach.mttq.sonla.gov.vn' });
  });
});
