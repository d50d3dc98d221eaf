/** The plan life cycle's vocabulary (DESIGN §4), for backend and admin alike; the machine itself is plan-machine.ts. */

/**
 * Plan events (DESIGN §4) double as CASL actions (auth/ability.factory.ts), so "may this user send SIGN on this plan"
 * is one `ability.can('SIGN', plan)`; the machine separately says whether SIGN is legal now.
 */
export const PLAN_EVENTS = [
  'SUBMIT', 'FORWARD', 'RETURN', 'SIGN', 'REQUEST_CHANGES', 'APPROVE', 'REJECT',
  'ISSUE', 'DISTRIBUTE', 'CLOSE', 'RECALL', 'WITHDRAW', 'CANCEL',
] as const;
export type PlanEvent = (typeof PLAN_EVENTS)[number];

export const PLAN_STATUSES = [
  'draft', 'in_review', 'in_coordination', 'awaiting_approval', 'approved',
  'issued', 'distributed', 'closed', 'rejected', 'recalled', 'cancelled',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Events whose sender must say why (400 without a comment). */
export const EVENTS_NEEDING_COMMENT: readonly PlanEvent[] = ['RETURN', 'REQUEST_CHANGES', 'REJECT', 'RECALL'];

/**
 * Events that move a plan along its way, or decide on it, for whoever may send them now: a plan that
 * offers one of these to a person is that person's task. The others (WITHDRAW, RECALL, CLOSE,
 * CANCEL) are only possible, never awaited: a plan offering nothing else is one the person follows.
 */
export const TASK_EVENTS: readonly PlanEvent[] = ['SUBMIT', 'FORWARD', 'RETURN', 'SIGN', 'REQUEST_CHANGES', 'APPROVE', 'REJECT', 'ISSUE', 'DISTRIBUTE'];

/** Events that send a plan back to its drafter for changes, with the sender's reason. */
export const SEND_BACK_EVENTS: readonly PlanEvent[] = ['RETURN', 'REQUEST_CHANGES'];

/** The inbox's two lists: what waits on the person, and what the person may still act on but need not. */
export type InboxView = 'tasks' | 'following';

/** Which list a plan offering these events to a person belongs in; null: neither (nothing offered). */
export function inboxViewOf(actions: readonly PlanEvent[]): InboxView | null {
  if (actions.some((action) => TASK_EVENTS.includes(action))) return 'tasks';
  return actions.length ? 'following' : null;
}
