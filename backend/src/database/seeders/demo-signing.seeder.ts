import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../../organisations/organisation.entity';
import { createDemoCa, DEMO_CA_NAME, demoSealImage, demoSignatureImage, issueDemoKeys } from '../../signing';
import type { SigningKeysService } from '../../signing/signing-keys.service';
import { User } from '../../users/user.entity';
import { DEMO_PASSWORD } from './organisations.seeder';

/** The Front's round seal (Nghị định 99/2016 and the Front's practice): 36 mm across. */
const DEMO_SEAL_DIAMETER_MM = 36;
const YEARS_VALID = 3;

/**
 * Test certificates for the demo: a demo CA (named as a test CA with no legal value, trusted only by
 * this database), a certificate for every leader and clerk and every organisation, stored as an
 * administrator's upload would store them, PIN = the demo password; and their signature and seal images.
 */
export class DemoSigningSeeder {
  constructor(private readonly keys: SigningKeysService) {}

  async run(em: EntityManager): Promise<void> {
    const validFrom = new Date(Date.now() - 24 * 3600_000);
    const validTo = new Date(validFrom.getTime() + YEARS_VALID * 365 * 24 * 3600_000);
    const ca = createDemoCa({ validFrom, validTo });
    await this.keys.addTrustAnchor(DEMO_CA_NAME, ca.certificatePem);
    const admin = await em.findOneOrFail(User, { username: 'admin' });
    const chain = [ca.certificate];
    const signers = await em.find(User, { roles: { $overlap: ['leader', 'clerk'] } }, { populate: ['organisation'], orderBy: { username: 'ASC' } });
    const organisations = await em.find(Organisation, {}, { orderBy: { name: 'ASC' } });
    const keys = await issueDemoKeys(ca, [
      ...signers.map((user) => ({ commonName: user.fullName, organisation: user.organisation.name, kind: 'person' as const, validFrom, validTo })),
      ...organisations.map((organisation) => ({ commonName: organisation.name, organisation: organisation.name, kind: 'organisation' as const, validFrom, validTo })),
    ]);
    for (const [i, user] of signers.entries()) {
      await this.keys.store({ user }, { ...keys[i], chain }, DEMO_PASSWORD, admin.id);
      await this.keys.uploadImage({ user }, 'signature', demoSignatureImage(user.fullName));
    }
    for (const [i, organisation] of organisations.entries()) {
      await this.keys.store({ organisation }, { ...keys[signers.length + i], chain }, DEMO_PASSWORD, admin.id);
      await this.keys.uploadImage({ organisation }, 'seal', demoSealImage(organisation.name), DEMO_SEAL_DIAMETER_MM);
    }
  }
}
