import { samplePlanContent } from '../../backend/src/plans/sample-plan-content';
import { sql, startTestApp, TestApp } from './test-app';

/** Demo organisations by a short key, read through the API. */
export interface DemoOrgs {
  province: string;
  ldld: string;
  hnd: string;
  hlhpn: string;
  tinhdoan: string;
  hccb: string;
  thuanChau: string;
  maiSon: string;
  mocChau: string;
  phongLai: string;
}

export async function demoOrgs(t: TestApp, asUser = 'bpt.tinh'): Promise<DemoOrgs> {
  const all = (await t.as(asUser).get('/api/organisations?range=[0,999]').expect(200)).body as { id: string; name: string }[];
  const byName = (part: string) => {
    const found = all.find((o) => o.name.includes(part));
    if (!found) throw new Error(`no demo organisation named like ${part}`);
    return found.id;
  };
  return {
    province: byName('Ủy ban MTTQ Việt Nam tỉnh Sơn La'),
    ldld: byName('Liên đoàn Lao động'),
    hnd: byName('Hội Nông dân'),
    hlhpn: byName('Hội Liên hiệp Phụ nữ'),
    tinhdoan: byName('Tỉnh Đoàn'),
    hccb: byName('Hội Cựu chiến binh'),
    thuanChau: byName('huyện Thuận Châu'),
    maiSon: byName('huyện Mai Sơn'),
    mocChau: byName('huyện Mộc Châu'),
    phongLai: byName('xã Phổng Lái'),
  };
}

/** A valid plan content; override what a test cares about. */
export const planContent = samplePlanContent;

/** A reporting form with one indicator of each type: count, percentage, text. */
export const REPORTING_FORM = {
  title: 'BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ',
  indicators: [
    { code: '1', label: 'Tổng số khu dân cư', unit: 'khu', type: 'integer' },
    { code: '2', label: 'Tỷ lệ hộ gia đình văn hóa', unit: '%', type: 'percent' },
    { code: '3', label: 'Mô hình hiệu quả', unit: '', type: 'text' },
  ],
};

export function jointPlanContent(orgs: DemoOrgs, coIssuerIds: string[], overrides: Record<string, unknown> = {}) {
  return planContent(orgs.province, { kind: 'joint_plan', heading: 'KẾ HOẠCH PHỐI HỢP', coIssuerIds, ...overrides });
}

/** Every demo signing key's PIN is the demo password. */
export const DEMO_PIN = 'kehoach2026';

/** An event's body: SIGN, APPROVE and ISSUE carry the demo key's PIN, as the UI asks the signer for it. */
export function eventBody(type: string, comment?: string): Record<string, string> {
  return { type, ...(comment === undefined ? {} : { comment }), ...(['SIGN', 'APPROVE', 'ISSUE'].includes(type) ? { pin: DEMO_PIN } : {}) };
}

/** Sends a plan event as a user and expects a status code; answers the body. */
export async function send(t: TestApp, username: string, planId: string, type: string, expectStatus = 200, comment?: string) {
  const response = await t.as(username).post(`/api/plans/${planId}/events`).send(eventBody(type, comment));
  if (response.status !== expectStatus) {
    throw new Error(`${username} ${type}: expected ${expectStatus}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export const ALL_DEMO_USERS = [
  'admin', 'bpt.tinh', 'tb.tinh', 'pct.tinh', 'vt.tinh', 'ldld.tinh', 'hnd.tinh', 'hlhpn.tinh', 'tinhdoan', 'hccb.tinh',
  'bpt.thuanchau', 'pct.thuanchau', 'vt.thuanchau', 'bpt.maison', 'pct.maison', 'vt.maison', 'bpt.mocchau', 'ct.phonglai',
];

/**
 * One app on a fresh database for a describe block, with every demo user logged in:
 * `const demo = useDemoApp();` then `demo.t.as('bpt.tinh')…` and `demo.orgs.province` in the tests.
 */
export function useDemoApp(): { t: TestApp; orgs: DemoOrgs } {
  const demo = {} as { t: TestApp; orgs: DemoOrgs };
  beforeAll(async () => {
    demo.t = await startTestApp();
    await demo.t.login(...ALL_DEMO_USERS);
    demo.orgs = await demoOrgs(demo.t);
  });
  afterAll(() => demo.t.close());
  return demo;
}

/**
 * Time passes for a distributed plan: its reporting round at `position` (what reports, summaries and
 * reminders read) now falls due on `dueDate`. The API refuses to send a plan on with a deadline already
 * past, so a test reaches an overdue round the way real ones do: the day comes after the plan went out.
 */
export async function roundNowDue(t: TestApp, planId: string, position: number, dueDate: string): Promise<void> {
  await sql(t, 'update reporting_round set due_date = ? where plan_id = ? and position = ?', [dueDate, planId, position]);
}
