import { MikroORM } from '@mikro-orm/postgresql';
import { Migration20261130140000_static_plan_machine as StaticPlanMachine } from '../../backend/src/database/migrations/Migration20261130140000_static_plan_machine';
import { jointPlanContent, send, useDemoApp } from '../support/plans';
import { sql, TestApp } from '../support/test-app';

/** Runs one direction of the migration on the test app's database. */
async function migrate(t: TestApp, direction: 'up' | 'down'): Promise<void> {
  const orm: MikroORM = t.app.get(MikroORM, { strict: false });
  const migration = new StaticPlanMachine(orm.em.getDriver(), orm.config);
  await migration[direction]();
  for (const query of migration.getQueries()) await sql(t, query.toString());
}

const machineState = async (t: TestApp, planId: string) =>
  (await sql<{ machine_state: unknown }>(t, 'select machine_state from plan where id = ?', [planId]))[0].machine_state;

/** Plans persisted by the machine that had one parallel region per co-issuer go on with the static one. */
describe('migrating persisted plan snapshots to the static machine', () => {
  const demo = useDemoApp();

  it('a joint plan halfway through coordination, stored in the old shape, continues after the migration', async () => {
    const { t, orgs } = demo;
    const { body: plan } = await t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(orgs, [orgs.ldld, orgs.hnd])).expect(201);
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['ldld.tinh', 'SIGN']]) await send(t, user, plan.id, event);

    // What the old machine stored for it: regions per co-issuer, and who signed in its context.
    const old = {
      value: { in_coordination: { [`co_${orgs.ldld}`]: 'signed', [`co_${orgs.hnd}`]: 'pending' } },
      context: { kind: 'joint_plan', coIssuerIds: [orgs.ldld, orgs.hnd], signedBy: [orgs.ldld] },
    };
    await migrate(t, 'down');
    expect(await machineState(t, plan.id)).toEqual(old);

    await migrate(t, 'up');
    expect(await machineState(t, plan.id)).toEqual({ value: 'in_coordination' });
    const view = (await t.as('hnd.tinh').get(`/api/plans/${plan.id}`).expect(200)).body;
    expect(view.coordination.map((c: { state: string }) => c.state)).toEqual(['signed', 'pending']);
    expect(view.availableActions.sort()).toEqual(['REQUEST_CHANGES', 'SIGN']);
    await send(t, 'ldld.tinh', plan.id, 'SIGN', 409);
    expect((await send(t, 'hnd.tinh', plan.id, 'SIGN')).status).toBe('awaiting_approval');
    expect((await send(t, 'pct.tinh', plan.id, 'APPROVE')).status).toBe('approved');
    expect((await send(t, 'vt.tinh', plan.id, 'ISSUE')).status).toBe('issued');
    expect((await t.as('bpt.tinh').get(`/api/plans/${plan.id}/audit/verify`).expect(200)).body.valid).toBe(true);
  });
});
