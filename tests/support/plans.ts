import { startTestApp, TestApp } from './test-app';

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
export function planContent(issuerId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'plan',
    issuerId,
    coIssuerIds: [],
    title: 'Triển khai Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” năm 2026',
    place: 'Sơn La',
    preamble: ['Thực hiện Kế hoạch số 224/KH-MTTQ-BTT, ngày 05/4/2026 của Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam;'],
    body: [
      { type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'heading2', text: 'Mục đích' },
      { type: 'paragraph', text: 'Phát huy vai trò của Mặt trận Tổ quốc Việt Nam các cấp.' },
      { type: 'bullet', text: 'Tuyên truyền sâu rộng trong nhân dân;' },
      { type: 'heading1', text: 'TỔ CHỨC THỰC HIỆN' },
      { type: 'paragraph', text: 'Ban Thường trực Ủy ban MTTQ các huyện xây dựng kế hoạch thực hiện.' },
    ],
    closing: ['Trên đây là Kế hoạch triển khai thực hiện Cuộc vận động năm 2026.'],
    signer: { authority: 'TM. BAN THƯỜNG TRỰC', deputy: null, title: 'PHÓ CHỦ TỊCH' },
    recipients: [{ label: 'Ban Thường trực UB TW MTTQ Việt Nam', note: 'b/c' }],
    archive: 'Lưu: VT, BPT.',
    reporting: [{ name: 'Báo cáo 6 tháng', dueDate: '2026-06-10' }],
    form: null,
    parentPlanId: null,
    ...overrides,
  };
}

export function jointPlanContent(orgs: DemoOrgs, coIssuerIds: string[], overrides: Record<string, unknown> = {}) {
  return planContent(orgs.province, { kind: 'joint_plan', heading: 'KẾ HOẠCH PHỐI HỢP', coIssuerIds, ...overrides });
}

/** Sends a plan event as a user and expects a status code; answers the body. */
export async function send(t: TestApp, username: string, planId: string, type: string, expectStatus = 200, comment?: string) {
  const response = await t.as(username).post(`/api/plans/${planId}/events`).send(comment === undefined ? { type } : { type, comment });
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
