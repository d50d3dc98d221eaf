/**
 * The plan life cycle (DESIGN §4) as one static, pure xstate machine: states, guards, no I/O. The
 * workflow service restores a plan's snapshot with the facts read from its rows, asks `can`, applies
 * `transition`, and persists the result; numbering, rendering and audit happen in the service.
 */
import { assign, setup, transition, type SnapshotFrom } from 'xstate';
import type { PlanKind } from './plan-content';
import { PLAN_STATUSES, type PlanEvent, type PlanStatus } from './plan-lifecycle';

/** Every plan event carries the sender's organisation: SIGN and REQUEST_CHANGES are a pending co-issuer's. */
export interface MachineEvent {
  type: PlanEvent;
  orgId: string;
}

/**
 * What the guards read, taken from the plan's rows each time a snapshot is restored and never
 * persisted: kind and co-issuers from the plan row, `signedBy` from its valid co-issuer signatures
 * (the signature rows are the one record of who signed).
 */
export interface PlanFacts {
  kind: PlanKind;
  coIssuerIds: string[];
  signedBy: string[];
}

const isPendingCoIssuer = (facts: PlanFacts, orgId: string) => facts.coIssuerIds.includes(orgId) && !facts.signedBy.includes(orgId);

export const planMachine = setup({
  types: {} as { context: PlanFacts; events: MachineEvent; input: PlanFacts },
  guards: {
    isJoint: ({ context }) => context.kind === 'joint_plan' && context.coIssuerIds.length > 0,
    senderIsPendingCoIssuer: ({ context, event }) => isPendingCoIssuer(context, event.orgId),
    everyoneSigned: ({ context }) => context.coIssuerIds.every((orgId) => context.signedBy.includes(orgId)),
  },
  actions: {
    // Mirrors the signature row the service writes with this SIGN, so `everyoneSigned` sees it.
    countSigner: assign(({ context, event }) => ({ signedBy: [...context.signedBy, event.orgId] })),
  },
}).createMachine({
  id: 'plan',
  context: ({ input }) => input,
  initial: 'draft',
  states: {
    draft: { on: { SUBMIT: 'in_review', CANCEL: 'cancelled' } },
    in_review: {
      on: {
        FORWARD: [{ guard: 'isJoint', target: 'in_coordination' }, { target: 'awaiting_approval' }],
        RETURN: 'draft',
        WITHDRAW: 'draft',
      },
    },
    // Left as soon as every co-issuer's signature on the current content stands: also on entry,
    // when coordination resumes after a REQUEST_CHANGES without an edit.
    in_coordination: {
      always: { guard: 'everyoneSigned', target: 'awaiting_approval' },
      on: {
        SIGN: { guard: 'senderIsPendingCoIssuer', actions: 'countSigner' },
        REQUEST_CHANGES: { guard: 'senderIsPendingCoIssuer', target: 'draft' },
        WITHDRAW: 'draft',
      },
    },
    awaiting_approval: { on: { APPROVE: 'approved', RETURN: 'draft', REJECT: 'rejected', WITHDRAW: 'draft' } },
    approved: { on: { ISSUE: 'issued' } },
    issued: { on: { DISTRIBUTE: 'distributed', RECALL: 'recalled' } },
    distributed: { on: { CLOSE: 'closed', RECALL: 'recalled' } },
    closed: { type: 'final' },
    rejected: { type: 'final' },
    recalled: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

type PlanSnapshot = SnapshotFrom<typeof planMachine>;

/** What the plan row stores of its snapshot: the state alone, since the context is read from rows. */
export interface PersistedPlanState {
  value: PlanStatus;
}

export const initialPlanState = (): PersistedPlanState => ({ value: 'draft' });

/** The one place that restores a snapshot (xstate's restore API changes between majors). */
function restore(state: PersistedPlanState, facts: PlanFacts): PlanSnapshot {
  return planMachine.resolveState({ value: state.value, context: facts });
}

/** The state name of §4. */
export const statusOf = (state: PersistedPlanState): PlanStatus => state.value;

/** Does the current state handle this event type at all (ignoring who sends it)? No → 409 "not now". */
export function acceptsEventType(state: PersistedPlanState, type: PlanEvent): boolean {
  return planMachine.states[state.value].ownEvents.includes(type);
}

/** Every plan event this sender's organisation could legally send now. */
export function legalEventsFor(state: PersistedPlanState, facts: PlanFacts, orgId: string, candidates: readonly PlanEvent[]): PlanEvent[] {
  const snapshot = restore(state, facts);
  return candidates.filter((type) => snapshot.can({ type, orgId }));
}

/** The states in which some sender could send this event type (for task queries). */
export function statesAccepting(type: PlanEvent): PlanStatus[] {
  return PLAN_STATUSES.filter((status) => planMachine.states[status].ownEvents.includes(type));
}

/** For events known to be legal now, the state each leads to: the machine restored once for all of them. */
export function nextStatusesFor(state: PersistedPlanState, facts: PlanFacts, orgId: string, legal: readonly PlanEvent[]): Partial<Record<PlanEvent, PlanStatus>> {
  const snapshot = restore(state, facts);
  return Object.fromEntries(legal.map((type) => [type, transition(planMachine, snapshot, { type, orgId })[0].value as PlanStatus]));
}

/** The next state, or null when the event does not apply. */
export function apply(state: PersistedPlanState, facts: PlanFacts, event: MachineEvent): PersistedPlanState | null {
  const snapshot = restore(state, facts);
  if (!snapshot.can(event)) return null;
  const [next] = transition(planMachine, snapshot, event);
  return { value: next.value as PlanStatus };
}
