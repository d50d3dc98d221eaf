import {
  acceptsEventType, apply, initialPlanState, legalEventsFor, PersistedPlanState, PlanFacts, statesAccepting, statusOf,
} from '../../backend/src/core/plan-machine';

/** The pure machine, without the app: states and guards over the facts read from the plan's rows. */
describe('plan machine', () => {
  const single: PlanFacts = { kind: 'plan', coIssuerIds: [], signedBy: [] };
  const joint = (...signedBy: string[]): PlanFacts => ({ kind: 'joint_plan', coIssuerIds: ['a', 'b'], signedBy });
  const run = (state: PersistedPlanState, facts: PlanFacts, ...events: [string, string][]) =>
    events.reduce((s, [type, orgId]) => {
      const next = apply(s, facts, { type: type as never, orgId });
      if (!next) throw new Error(`${type} by ${orgId} refused in ${statusOf(s)}`);
      return next;
    }, state);

  it('a plan goes straight from review to approval; a joint plan waits until every co-issuer has signed', () => {
    expect(statusOf(run(initialPlanState(), single, ['SUBMIT', 'x'], ['FORWARD', 'x']))).toBe('awaiting_approval');

    const coordination = run(initialPlanState(), joint(), ['SUBMIT', 'x'], ['FORWARD', 'x']);
    expect(coordination).toEqual({ value: 'in_coordination' });
    expect(run(coordination, joint(), ['SIGN', 'b'])).toEqual({ value: 'in_coordination' });
    expect(apply(coordination, joint('b'), { type: 'SIGN', orgId: 'b' })).toBeNull();
    expect(apply(coordination, joint('b'), { type: 'SIGN', orgId: 'stranger' })).toBeNull();
    expect(run(coordination, joint('b'), ['SIGN', 'a'])).toEqual({ value: 'awaiting_approval' });
  });

  it('signatures that still stand when coordination resumes count: all of them, straight to approval', () => {
    const inReview = run(initialPlanState(), joint('a'), ['SUBMIT', 'x']);
    expect(run(inReview, joint('a'), ['FORWARD', 'x'])).toEqual({ value: 'in_coordination' });
    expect(run(inReview, joint('a', 'b'), ['FORWARD', 'x'])).toEqual({ value: 'awaiting_approval' });
  });

  it('a co-issuer that has signed can no longer request changes', () => {
    const state: PersistedPlanState = { value: 'in_coordination' };
    expect(legalEventsFor(state, joint('a'), 'a', ['SIGN', 'REQUEST_CHANGES', 'WITHDRAW'])).toEqual(['WITHDRAW']);
    expect(legalEventsFor(state, joint('a'), 'b', ['SIGN', 'REQUEST_CHANGES', 'WITHDRAW'])).toEqual(['SIGN', 'REQUEST_CHANGES', 'WITHDRAW']);
    expect(acceptsEventType(state, 'SIGN')).toBe(true);
    expect(acceptsEventType(state, 'APPROVE')).toBe(false);
  });

  it('final states accept nothing; the task query knows where each event applies', () => {
    const cancelled = run(initialPlanState(), single, ['CANCEL', 'x']);
    expect(legalEventsFor(cancelled, single, 'x', ['SUBMIT', 'CANCEL', 'WITHDRAW'])).toEqual([]);
    expect(statesAccepting('RETURN').sort()).toEqual(['awaiting_approval', 'in_review']);
    expect(statesAccepting('RECALL').sort()).toEqual(['distributed', 'issued']);
    expect(statesAccepting('SIGN')).toEqual(['in_coordination']);
    expect(statesAccepting('WITHDRAW').sort()).toEqual(['awaiting_approval', 'in_coordination', 'in_review']);
  });
});
