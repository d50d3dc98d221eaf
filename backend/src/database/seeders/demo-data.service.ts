import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Organisation } from '../../organisations/organisation.entity';
import { OrganisationsSeeder } from './organisations.seeder';

/** Held while seeding, so that of several instances starting on one empty database only one seeds. */
const SEED_LOCK_KEY = 7_420_002;

/** Loads the demo data (DESIGN §11) into an empty database at start. */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const seeded = await this.em.fork().transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
      if ((await em.count(Organisation)) > 0) return false;
      await new OrganisationsSeeder().run(em);
      return true;
    });
    if (seeded) this.logger.log('Đã nạp dữ liệu mẫu: tổ chức và người dùng');
  }
}
