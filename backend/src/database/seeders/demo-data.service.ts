import { EntityManager, RequestContext } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Organisation } from '../../organisations/organisation.entity';
import { PlansService } from '../../plans/plans.service';
import { WorkflowService } from '../../workflow/workflow.service';
import { SigningKeysService } from '../../signing/signing-keys.service';
import { demoDataSet } from './demo-data-set';
import { DemoPlansSeeder } from './demo-plans.seeder';
import { DemoSigningSeeder } from './demo-signing.seeder';
import { addDemoEmails, DEMO_PASSWORD, OrganisationsSeeder } from './organisations.seeder';

/** Held while seeding, so that of several instances starting on one empty database only one seeds. */
const SEED_LOCK_KEY = 7_420_002;

/**
 * On a real server demo data means accounts anyone can log into: said at every start, since the
 * accounts stay after the first. Null when there is nothing to warn about.
 */
export function demoAccountsWarning(config: Pick<AppConfig, 'seedDemoData' | 'databaseUrl'>): string | null {
  if (!config.seedDemoData || !config.databaseUrl) return null;
  return (
    `CẢNH BÁO: SEED_DEMO_DATA=${config.seedDemoData} trên máy chủ PostgreSQL thật. Các tài khoản mẫu (admin, bpt.tinh, pct.tinh, …) ` +
    `dùng mật khẩu công khai "${DEMO_PASSWORD}": ai cũng đăng nhập được. Không dùng cho hệ thống thật — ` +
    `bỏ SEED_DEMO_DATA và khóa các tài khoản mẫu, hoặc dùng một cơ sở dữ liệu mới.`
  );
}

/** Loads the demo data (DESIGN §11; or the 2026 demo, SEED_DEMO_DATA=2026) into an empty database at start. */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly plans: PlansService,
    private readonly workflow: WorkflowService,
    private readonly keys: SigningKeysService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const data = demoDataSet(this.config.seedDemoData);
    const warning = demoAccountsWarning(this.config);
    if (warning) this.logger.warn(warning);
    const seeded = await this.em.fork().transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
      if ((await em.count(Organisation)) > 0) return false;
      await new OrganisationsSeeder(data).run(em);
      return true;
    });
    if (!seeded) return;
    // The services work in a request context, as they do for an HTTP request.
    await RequestContext.create(this.em, async () => {
      if (this.config.signing.masterKey) await new DemoSigningSeeder(this.keys).run(this.em);
      else this.logger.warn('Không có SIGNING_MASTER_KEY: dữ liệu mẫu không có chứng thư số thử nghiệm, chữ ký của kế hoạch mẫu chỉ là bản ghi');
      await new DemoPlansSeeder(this.plans, this.workflow, data).run(this.em);
    });
    await addDemoEmails(this.em, data.users);
    this.logger.log('Đã nạp dữ liệu mẫu: tổ chức, người dùng, chứng thư số thử nghiệm (mã PIN = mật khẩu mẫu) và kế hoạch mẫu');
  }
}
