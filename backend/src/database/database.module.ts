import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { mikroOrmOptions } from './mikro-orm.config';

/** Where the database is: the configured server, or an embedded PGlite started for this process. */
export class DatabaseEndpoint implements OnApplicationShutdown {
  constructor(
    readonly url: string,
    readonly poolMax: number,
    private readonly embedded: EmbeddedPostgres | null,
  ) {}

  static async open(config: AppConfig): Promise<DatabaseEndpoint> {
    if (config.databaseUrl) return new DatabaseEndpoint(config.databaseUrl, 10, null);
    const embedded = await EmbeddedPostgres.start(config.dataDir);
    return new DatabaseEndpoint(embedded.url, 1, embedded);
  }

  /** An embedded database lives in this process only: no other instance can share it. */
  get isEmbedded(): boolean {
    return this.embedded !== null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}

@Module({})
class DatabaseEndpointModule {}

/** Key of the advisory lock that serialises schema migration across app instances starting together. */
const MIGRATION_LOCK_KEY = 7_420_001;

@Module({})
export class DatabaseModule implements OnModuleInit {
  private readonly logger = new Logger(DatabaseModule.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly endpoint: DatabaseEndpoint,
  ) {}

  static forRoot(): DynamicModule {
    const endpointModule: DynamicModule = {
      module: DatabaseEndpointModule,
      providers: [
        { provide: DatabaseEndpoint, inject: [APP_CONFIG], useFactory: (c: AppConfig) => DatabaseEndpoint.open(c) },
      ],
      exports: [DatabaseEndpoint],
    };
    return {
      module: DatabaseModule,
      imports: [
        endpointModule,
        MikroOrmModule.forRootAsync({
          driver: PostgreSqlDriver,
          imports: [endpointModule],
          inject: [DatabaseEndpoint],
          useFactory: (endpoint: DatabaseEndpoint) => ({
            ...mikroOrmOptions(endpoint.url, endpoint.poolMax),
            registerRequestContext: true,
          }),
        }),
      ],
    };
  }

  /** Schema only through migrations, applied at start. */
  async onModuleInit(): Promise<void> {
    const executed = this.endpoint.isEmbedded ? await this.orm.migrator.up() : await this.migrateUnderLock();
    if (executed.length) this.logger.log(`Đã áp dụng ${executed.length} migration`);
  }

  /** Several instances may start together on one server: the lock lets one migrate while the others wait. */
  private migrateUnderLock() {
    const connection = this.orm.em.getConnection();
    return connection.transactional(async (trx) => {
      await connection.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY], 'all', trx);
      return this.orm.migrator.up({ transaction: trx });
    });
  }
}
