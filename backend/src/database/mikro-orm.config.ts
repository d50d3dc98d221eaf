import { Options } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

const migrationLogger = new Logger('MikroORM');

/**
 * ORM options for a database URL. `poolMax` 1 for the embedded PGlite (a single session);
 * migrations are listed in code so the same list runs from compiled JS and from the tests.
 */
export function mikroOrmOptions(clientUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities: ENTITIES,
    pool: { min: 0, max: poolMax },
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      path: 'backend/src/database/migrations',
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    // Into the app's own (pino) log instead of the console.
    logger: (message) => migrationLogger.log(message),
  };
}
