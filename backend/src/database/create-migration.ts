import { MikroORM } from '@mikro-orm/postgresql';
import { mikroOrmOptions } from './mikro-orm.config';

/**
 * Writes a migration for the difference between the entities and the database at DATABASE_URL
 * (migrate that database first). Usage: `DATABASE_URL=… npm run migration:create`.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required to diff the schema');
  const orm = await MikroORM.init(mikroOrmOptions(url));
  try {
    await orm.migrator.up();
    const result = await orm.migrator.createMigration();
    console.log(result.fileName ? `created ${result.fileName}` : 'no schema change');
  } finally {
    await orm.close();
  }
}

void main();
