import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';

/** Every entity, listed once: the ORM, the migration generator and the tests share this list. */
export const ENTITIES = [Organisation, User];
