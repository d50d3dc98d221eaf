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
