/**
 * The plan life cycle (DESIGN §4) as one pure xstate machine: states, guards and context updates,
 * no I/O. The workflow service restores a plan's snapshot, asks `can`, applies `transition`, and
 * persists the result; numbering, rendering and audit happen in the service, never here.
 */
import { assign, getInitialSnapshot, setup, transition, type SnapshotFrom } from 'xstate';
import type { PlanKind } from '../plans/plan-content';
import type { PlanEvent } from '../auth/ability.factory';

export const PLAN_STATUSES = [
  'draft', 'in_review', 'in_coordination', 'awaiting_approval', 'approved',
  'issued', 'distributed', 'closed', 'rejected', 'recalled', 'cancelled',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Events whose sender must say why (400 without a comment). */
export const EVENTS_NEEDING_COMMENT: readonly PlanEvent[] = ['RETURN', 'REQUEST_CHANGES', 'REJECT', 'RECALL'];

/**
 * Every plan event carries the sender's organisation, which decides which co-issuer region a
 * SIGN or REQUEST_CHANGES belongs to. CONTENT_CHANGED is the service telling the machine that a
 * draft was edited: the (possibly new) co-issuers, and that earlier signatures no longer count.
 */
export type MachineEvent =
  | { type: PlanEvent; orgId: string }
  | { type: 'CONTENT_CHANGED'; kind: PlanKind; coIssuerIds: string[] };

export interface PlanMachineContext {
  kind: PlanKind;
  coIssuerIds: string[];
  /** co-issuers whose signature is valid for the current content */
  signedBy: string[];
}

export interface PlanMachineInput {
  kind: PlanKind;
  coIssuerIds: string[];
}

/** A region's state key: the co-issuer's organisation id. */
const region = (orgId: string) => `co_${orgId}`;

/** The machine for one plan: a joint plan gets one parallel signing region per co-issuer. */
export function createPlanMachine(coIssuerIds: string[]) {
  return setup({
    types: {} as { context: PlanMachineContext; events: MachineEvent; input: PlanMachineInput },
    guards: {
      isJoint: ({ context }) => context.kind === 'joint_plan' && context.coIssuerIds.length > 0,
      senderIsPendingCoIssuer: ({ context, event }) =>
        'orgId' in event && context.coIssuerIds.includes(event.orgId) && !context.signedBy.includes(event.orgId),
      hasSigned: ({ context }, { orgId }: { orgId: string }) => context.signedBy.includes(orgId),
      sentBy: ({ event }, { orgId }: { orgId: string }) => 'orgId' in event && event.orgId === orgId,
    },
    actions: {
      recordSigner: assign(({ context }, { orgId }: { orgId: string }) => ({ signedBy: [...context.signedBy, orgId] })),
      takeNewContent: assign(({ event }) =>
        event.type === 'CONTENT_CHANGED' ? { kind: event.kind, coIssuerIds: event.coIssuerIds, signedBy: [] } : {},
      ),
    },
  }).createMachine({
    id: 'plan',
    context: ({ input }) => ({ kind: input.kind, coIssuerIds: input.coIssuerIds, signedBy: [] }),
    initial: 'draft',
    states: {
      draft: {
        on: { SUBMIT: 'in_review', CANCEL: 'cancelled', CONTENT_CHANGED: { actions: 'takeNewContent' } },
      },
      in_review: {
        on: {
          FORWARD: [{ guard: 'isJoint', target: 'in_coordination' }, { target: 'awaiting_approval' }],
          RETURN: 'draft',
          WITHDRAW: 'draft',
        },
      },
      in_coordination: {
        type: 'parallel',
        states: Object.fromEntries(coIssuerIds.map((orgId) => [region(orgId), signingRegion(orgId)] as const)),
        onDone: 'awaiting_approval',
        on: {
          REQUEST_CHANGES: { guard: 'senderIsPendingCoIssuer', target: 'draft' },
          WITHDRAW: 'draft',
        },
      },
      awaiting_approval: {
        on: { APPROVE: 'approved', RETURN: 'draft', REJECT: 'rejected', WITHDRAW: 'draft' },
      },
      approved: { on: { ISSUE: 'issued' } },
      issued: { on: { DISTRIBUTE: 'distributed', RECALL: 'recalled' } },
      distributed: { on: { CLOSE: 'closed', RECALL: 'recalled' } },
      closed: { type: 'final' },
      rejected: { type: 'final' },
      recalled: { type: 'final' },
      cancelled: { type: 'final' },
    },
  });

}

/** pending → signed by that co-issuer's SIGN; already signed (same content) when coordination restarts. */
function signingRegion(orgId: string) {
  return {
    initial: 'pending' as const,
    states: {
      pending: {
        always: { guard: { type: 'hasSigned' as const, params: { orgId } }, target: 'signed' as const },
        on: {
          SIGN: {
            guard: { type: 'sentBy' as const, params: { orgId } },
            target: 'signed' as const,
            actions: { type: 'recordSigner' as const, params: { orgId } },
          },
        },
      },
      signed: { type: 'final' as const },
    },
  };
}

export type PlanMachine = ReturnType<typeof createPlanMachine>;
export type PlanSnapshot = SnapshotFrom<PlanMachine>;

/** What is stored in the plan row: enough to restore the snapshot, independent of xstate internals. */
export interface PersistedPlanState {
  value: PlanSnapshot['value'];
  context: PlanMachineContext;
}

export function initialPlanState(input: PlanMachineInput): PersistedPlanState {
  return persist(getInitialSnapshot(machineFor(input.coIssuerIds), input));
}

/** Machines are pure and depend only on the co-issuers: build each shape once, not on every event. */
const machines = new Map<string, PlanMachine>();
const MACHINE_CACHE_SIZE = 1000;

function machineFor(coIssuerIds: string[]): PlanMachine {
  const key = coIssuerIds.join(',');
  let machine = machines.get(key);
  if (!machine) {
    if (machines.size >= MACHINE_CACHE_SIZE) machines.delete(machines.keys().next().value!);
    machine = createPlanMachine(coIssuerIds);
    machines.set(key, machine);
  }
  return machine;
}

/** The one place that restores a snapshot (xstate's restore API changes between majors). */
export function restore(state: PersistedPlanState): PlanSnapshot {
  return machineFor(state.context.coIssuerIds).resolveState({ value: state.value, context: state.context });
}

export function persist(snapshot: PlanSnapshot): PersistedPlanState {
  return { value: snapshot.value, context: snapshot.context };
}

/** The state name of §4: the top-level state ("in_coordination" for any of its region combinations). */
export function statusOf(state: PersistedPlanState): PlanStatus {
  return (typeof state.value === 'string' ? state.value : Object.keys(state.value)[0]) as PlanStatus;
}

/** Does the current state handle this event type at all (ignoring who sends it)? No → 409 "not now". */
export function acceptsEventType(state: PersistedPlanState, type: PlanEvent): boolean {
  return restore(state)._nodes.some((node) => node.ownEvents.includes(type));
}

/** Is the event legal now for this sender (guards included)? */
export function canApply(state: PersistedPlanState, event: MachineEvent): boolean {
  return restore(state).can(event);
}

/** Every plan event this sender's organisation could legally send now (one restore for all). */
export function legalEventsFor(state: PersistedPlanState, orgId: string, candidates: readonly PlanEvent[]): PlanEvent[] {
  const snapshot = restore(state);
  const offered = new Set(snapshot._nodes.flatMap((node) => node.ownEvents));
  return candidates.filter((type) => offered.has(type) && snapshot.can({ type, orgId }));
}

/** The top-level states in which some sender could send this event type (for task queries). */
export function statesAccepting(type: PlanEvent): PlanStatus[] {
  const machine = createPlanMachine(['any']);
  return PLAN_STATUSES.filter((status) => machine.root.states[status].events.includes(type));
}

/** The next state, or null when the event does not apply. */
export function apply(state: PersistedPlanState, event: MachineEvent): PersistedPlanState | null {
  const snapshot = restore(state);
  if (!snapshot.can(event)) return null;
  const [next] = transition(snapshot.machine, snapshot, event);
  return persist(next);
}
