import { DemoOrgs, jointPlanContent, send } from './plans';
import type { TestApp } from './test-app';

/** Events that DESIGN §4 allows in each state: the table the permission tests are generated from. */
export const LEGAL_EVENTS: Record<string, string[]> = {
  draft: ['SUBMIT', 'CANCEL'],
  in_review: ['FORWARD', 'RETURN', 'WITHDRAW'],
  in_coordination: ['SIGN', 'REQUEST_CHANGES', 'WITHDRAW'],
  awaiting_approval: ['APPROVE', 'RETURN', 'REJECT', 'WITHDRAW'],
  approved: ['ISSUE'],
  issued: ['DISTRIBUTE', 'RECALL'],
  distributed: ['CLOSE', 'RECALL'],
  closed: [],
  rejected: [],
  recalled: [],
  cancelled: [],
};

export const ALL_EVENTS = [
  'SUBMIT', 'FORWARD', 'RETURN', 'SIGN', 'REQUEST_CHANGES', 'APPROVE', 'REJECT', 'ISSUE', 'DISTRIBUTE', 'CLOSE', 'RECALL', 'WITHDRAW', 'CANCEL',
];

/** The demo user whose role sends each event on a provincial joint plan co-issued by LĐLĐ and HND. */
export const RIGHT_SENDER: Record<string, string> = {
  SUBMIT: 'bpt.tinh', WITHDRAW: 'bpt.tinh', CANCEL: 'bpt.tinh',
  FORWARD: 'tb.tinh',
  SIGN: 'ldld.tinh', REQUEST_CHANGES: 'ldld.tinh',
  APPROVE: 'pct.tinh', REJECT: 'pct.tinh', RECALL: 'pct.tinh',
  ISSUE: 'vt.tinh', DISTRIBUTE: 'vt.tinh', CLOSE: 'vt.tinh',
};

/** RETURN belongs to the reviewer in review and to the leader awaiting approval. */
export function rightSender(state: string, event: string): string {
  if (event === 'RETURN') return state === 'awaiting_approval' ? 'pct.tinh' : 'tb.tinh';
  return RIGHT_SENDER[event];
}

/** Users who can read the plan (issuer's staff, a co-issuer) but whose role or organisation does not send this event. */
export function wrongSenders(state: string, event: string): string[] {
  const readers = ['bpt.tinh', 'tb.tinh', 'pct.tinh', 'vt.tinh', 'ldld.tinh'];
  return readers.filter((user) => user !== rightSender(state, event));
}

const COMMENT = 'Ý kiến kèm theo';

/**
 * A joint plan (co-issuers LĐLĐ, HND) driven into the given state through the API. Every plan first
 * passes coordination once (then back to draft by a request for changes), so co-issuers can read it.
 */
export async function planInState(t: TestApp, orgs: DemoOrgs, state: string): Promise<string> {
  const { body } = await t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(orgs, [orgs.ldld, orgs.hnd])).expect(201);
  const id: string = body.id;
  const go = (user: string, event: string) => send(t, user, id, event, 200, COMMENT);
  await go('bpt.tinh', 'SUBMIT');
  await go('tb.tinh', 'FORWARD');
  await go('ldld.tinh', 'REQUEST_CHANGES');
  const roads: Record<string, [string, string][]> = {
    draft: [],
    cancelled: [['bpt.tinh', 'CANCEL']],
    in_review: [['bpt.tinh', 'SUBMIT']],
    in_coordination: [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD']],
    awaiting_approval: [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['ldld.tinh', 'SIGN'], ['hnd.tinh', 'SIGN']],
  };
  roads.rejected = [...roads.awaiting_approval, ['pct.tinh', 'REJECT']];
  roads.approved = [...roads.awaiting_approval, ['pct.tinh', 'APPROVE']];
  roads.issued = [...roads.approved, ['vt.tinh', 'ISSUE']];
  roads.recalled = [...roads.issued, ['pct.tinh', 'RECALL']];
  roads.distributed = [...roads.issued, ['vt.tinh', 'DISTRIBUTE']];
  roads.closed = [...roads.distributed, ['vt.tinh', 'CLOSE']];
  for (const [user, event] of roads[state]) await go(user, event);
  return id;
}
