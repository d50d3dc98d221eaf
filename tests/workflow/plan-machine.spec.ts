import {
  acceptsEventType, apply, initialPlanState, legalEventsFor, PersistedPlanState, statesAccepting, statusOf,
} from '../../backend/src/workflow/plan.machine';

/** The pure machine, without the app: states, parallel regions and guards. */
describe('plan machine', () => {
  const run = (state: PersistedPlanState, ...events: [string, string][]) =>
    events.reduce((s, [type, orgId]) => {
      const next = apply(s, { type: type as never, orgId });
      if (!next) throw new Error(`${type} by ${orgId} refused in ${statusOf(s)}`);
      return next;
    }, state);

  it('a plan goes straight from review to approval; a joint plan waits for every co-issuer region', () => {
    const plan = run(initialPlanState({ kind: 'plan', coIssuerIds: [] }), ['SUBMIT', 'x'], ['FORWARD', 'x']);
    expect(statusOf(plan)).toBe('awaiting_approval');

    let joint = run(initialPlanState({ kind: 'joint_plan', coIssuerIds: ['a', 'b'] }), ['SUBMIT', 'x'], ['FORWARD', 'x']);
    expect(joint.value).toEqual({ in_coordination: { co_a: 'pending', co_b: 'pending' } });
    joint = run(joint, ['SIGN', 'b']);
    expect(joint.value).toEqual({ in_coordination: { co_a: 'pending', co_b: 'signed' } });
    expect(apply(joint, { type: 'SIGN', orgId: 'b' })).toBeNull();
    expect(apply(joint, { type: 'SIGN', orgId: 'stranger' })).toBeNull();
    expect(statusOf(run(joint, ['SIGN', 'a']))).toBe('awaiting_approval');
  });

  it('an edit forgets signatures; without an edit they stand when coordination resumes', () => {
    const signedA = run(initialPlanState({ kind: 'joint_plan', coIssuerIds: ['a', 'b'] }), ['SUBMIT', 'x'], ['FORWARD', 'x'], ['SIGN', 'a'], ['REQUEST_CHANGES', 'b']);
    expect(statusOf(signedA)).toBe('draft');
    expect(run(signedA, ['SUBMIT', 'x'], ['FORWARD', 'x']).value).toEqual({ in_coordination: { co_a: 'signed', co_b: 'pending' } });
    const edited = apply(signedA, { type: 'CONTENT_CHANGED', kind: 'joint_plan', coIssuerIds: ['a', 'b', 'c'] })!;
    expect(edited.context).toEqual({ kind: 'joint_plan', coIssuerIds: ['a', 'b', 'c'], signedBy: [] });
    expect(run(edited, ['SUBMIT', 'x'], ['FORWARD', 'x']).value).toEqual({ in_coordination: { co_a: 'pending', co_b: 'pending', co_c: 'pending' } });
  });

  it('a co-issuer that has signed can no longer request changes', () => {
    const state = run(initialPlanState({ kind: 'joint_plan', coIssuerIds: ['a', 'b'] }), ['SUBMIT', 'x'], ['FORWARD', 'x'], ['SIGN', 'a']);
    expect(legalEventsFor(state, 'a', ['SIGN', 'REQUEST_CHANGES', 'WITHDRAW'])).toEqual(['WITHDRAW']);
    expect(legalEventsFor(state, 'b', ['SIGN', 'REQUEST_CHANGES', 'WITHDRAW'])).toEqual(['SIGN', 'REQUEST_CHANGES', 'WITHDRAW']);
    expect(acceptsEventType(state, 'SIGN')).toBe(true);
    expect(acceptsEventType(state, 'APPROVE')).toBe(false);
  });

  it('final states accept nothing; the task query knows where each event applies', () => {
    const cancelled = run(initialPlanState({ kind: 'plan', coIssuerIds: [] }), ['CANCEL', 'x']);
    expect(legalEventsFor(cancelled, 'x', ['SUBMIT', 'CANCEL', 'WITHDRAW'])).toEqual([]);
    expect(statesAccepting('RETURN').sort()).toEqual(['awaiting_approval', 'in_review']);
    expect(statesAccepting('RECALL').sort()).toEqual(['distributed', 'issued']);
    expect(statesAccepting('WITHDRAW').sort()).toEqual(['awaiting_approval', 'in_coordination', 'in_review']);
  });
});
