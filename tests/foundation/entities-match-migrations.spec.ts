import { MikroORM } from '@mikro-orm/postgresql';
import { sql, startTestApp, TestApp } from '../support/test-app';

/**
 * The schema is made only by the migrations (database.module.ts): an entity changed without its
 * migration would fail at run time, on the first query touching it. MikroORM compares the entities'
 * metadata with the migrated database; whatever SQL it would run to align them is drift.
 */
describe('the entities match the migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemoData: false });
  });
  afterAll(() => t.close());

  it('leaves nothing for a new migration to do', async () => {
    const orm = t.app.get(MikroORM);
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    expect(await orm.migrator.checkMigrationNeeded()).toBe(false);
  });

  it('would see a difference: a column no entity declares', async () => {
    await sql(t, 'alter table "organisation" add column "stray" integer');
    expect(await t.app.get(MikroORM).schema.getUpdateSchemaSQL({ wrap: false })).toMatch(/drop column "stray"/);
  });
});
