import { compare, hash } from 'bcryptjs';

const COST = 10;
/** Compared against when the username is unknown, so both failures take the same time. */
const UNKNOWN_USER_HASH = '$2b$10$AKdyBUBPXny/87WpYAPoSOxu5z/AY6voUHvmfbgdr7RzEHIZjxlG.';

export const hashPassword = (password: string): Promise<string> => hash(password, COST);

export async function verifyPassword(password: string, passwordHash: string | undefined): Promise<boolean> {
  const matches = await compare(password, passwordHash ?? UNKNOWN_USER_HASH);
  return matches && passwordHash !== undefined;
}
