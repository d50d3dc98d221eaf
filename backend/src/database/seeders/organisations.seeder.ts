import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { hashPassword } from '../../users/password';
import { Organisation } from '../../organisations/organisation.entity';
import { OrganisationUnit } from '../../organisations/organisation-unit.entity';
import { UserCapacity } from '../../users/user-capacity.entity';
import { User } from '../../users/user.entity';
import type { DemoDataSet } from './demo-data-set';

export const DEMO_PASSWORD = 'kehoach2026';

/** Demo users' addresses: `<username>@kehoach.example`, a domain reserved for examples (RFC 2606). */
export const DEMO_EMAIL_DOMAIN = 'kehoach.example';

/** The demo organisations (with their units) and users of DESIGN §11, from a demo's data files. */
export class OrganisationsSeeder extends Seeder {
  constructor(private readonly data: Pick<DemoDataSet, 'organisations' | 'users'>) {
    super();
  }

  async run(em: EntityManager): Promise<void> {
    const byKey = new Map<string, Organisation>();
    const units = new Map<string, OrganisationUnit>();
    for (const { key, parent: parentKey, units: unitsData = [], ...fields } of this.data.organisations) {
      const parent = parentKey ? byKey.get(parentKey)! : null;
      const organisation = em.create(Organisation, { ...fields, kind: fields.kind as Organisation['kind'], level: fields.level as Organisation['level'], parent });
      organisation.path = `${parent?.path ?? '/'}${organisation.id}/`;
      byKey.set(key, organisation);
      for (const unit of unitsData) units.set(`${key}/${unit.code}`, em.create(OrganisationUnit, { ...unit, organisation }));
    }
    // Every demo account shares one password, so hash it once.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const { organisation, unit, roles, capacities = [], ...fields } of this.data.users) {
      const ownUnit = unit ? units.get(`${organisation}/${unit}`)! : null;
      const user = em.create(User, { ...fields, roles: roles as User['roles'], organisation: byKey.get(organisation)!, unit: ownUnit, passwordHash });
      for (const capacity of capacities) {
        em.create(UserCapacity, { user, organisation: byKey.get(capacity.organisation)!, roles: capacity.roles as User['roles'], title: capacity.title ?? null });
      }
    }
  }
}

/**
 * Gives the demo users their addresses, once the demo plans are in: their history, replayed through
 * the workflow, is not news to e-mail anyone about.
 */
export async function addDemoEmails(em: EntityManager, users: DemoDataSet['users']): Promise<void> {
  await em.getConnection().execute(`update "user" set "email" = "username" || '@' || ? where "username" = any(?::text[])`, [
    DEMO_EMAIL_DOMAIN,
    em.getPlatform().marshallArray(users.map((u) => u.username)),
  ]);
}
