import { subject } from '@casl/ability';
import type { AppAbility } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { forbidden } from '../common/app-error';

/**
 * Whose register a read or export is about: the caller's own, or another the rules let it read — an
 * organisation merged or dissolved into its own, whose register the successor keeps readable. 403 otherwise.
 */
export function registerOwnerId(ability: AppAbility, user: AuthUser, requested: string | undefined): string {
  if (requested === undefined || requested === user.organisationId) return user.organisationId;
  if (!ability.can('read', subject('NumberRegister', { organisation: requested }))) throw forbidden('Bạn không được xem sổ đăng ký của tổ chức này');
  return requested;
}
