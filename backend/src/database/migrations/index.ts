import { MigrationObject } from '@mikro-orm/core';
import { Migration20261125073319 } from './Migration20261125073319';
import { Migration20261125074343 } from './Migration20261125074343';

/** Every migration in order; `npm run migration:create` writes a new file, add it here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125073319', class: Migration20261125073319 },
  { name: 'Migration20261125074343', class: Migration20261125074343 },
];
