import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { hashPassword } from '../../users/password';
import { Organisation } from '../../organisations/organisation.entity';
import { User } from '../../users/user.entity';
import organisations from './data/organisations.json';
import users from './data/users.json';

export const DEMO_PASSWORD = 'kehoach2026';

/** Demo users' addresses: `<username>@kehoach.example`, a domain reserved for examples (RFC 2606). */
export const DEMO_EMAIL_DOMAIN = 'kehoach.example';

/** The demo organisations and users of DESIGN §11, from the data files beside this seeder. */
export class OrganisationsSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const byKey = new Map<string, Organisation>();
    for (const { key, parent: parentKey, ...fields } of organisations) {
      const parent = parentKey ? byKey.get(parentKey)! : null;
      const organisation = em.create(Organisation, { ...fields, kind: fields.kind as Organisation['kind'], level: fields.level as Organisation['level'], parent });
      organisation.path = `${parent?.path ?? '/'}${organisation.id}/`;
      byKey.set(key, organisation);
    }
    // Every demo account shares one password, so hash it once.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const { organisation, roles, ...fields } of users) {
      em.create(User, { ...fields, roles: roles as User['roles'], organisation: byKey.get(organisation)!, passwordHash });
    }
  }
}

/**
 * Gives the demo users their addresses, once the demo plans are in: their history, replayed through
 * the workflow, is not news to e-mail anyone about.
 */
export async function addDemoEmails(em: EntityManager): Promise<void> {
  await em.getConnection().execute(`update "user" set "email" = "username" || '@' || ? where "username" = any(?::text[])`, [
    DEMO_EMAIL_DOMAIN,
    em.getPlatform().marshallArray(users.map((u) => u.username)),
  ]);
}
