import { subject } from '@casl/ability';
import type { Action, AppAbility, OrganisationAccessFields, TemplateAccessFields, UserAccessFields } from '../access/ability.factory';
import { lineageOf } from '../access/ability.factory';
import { forbidden } from '../common/app-error';
import type { Organisation } from './organisation.entity';

/** An organisation as the administration rules see it (its place in the tree as it is now). */
export function organisationSubject(organisation: Pick<Organisation, 'id' | 'path'>) {
  const fields: OrganisationAccessFields = { id: organisation.id, lineage: lineageOf(organisation.path) };
  return subject('Organisation', fields);
}

/** A user account, by the organisation it belongs to and the roles it has (or would have). */
export function userSubject(organisation: Pick<Organisation, 'path'>, roles: readonly string[]) {
  const fields: UserAccessFields = { organisationLineage: lineageOf(organisation.path), roles: [...roles] };
  return subject('User', fields);
}

/** An organisation's Word templates. */
export function templateSubject(organisation: Pick<Organisation, 'path'>) {
  const fields: TemplateAccessFields = { organisationLineage: lineageOf(organisation.path) };
  return subject('Template', fields);
}

/** 403 unless the rules allow it: administrators act only inside their own subtree. */
export function assertCan(ability: AppAbility, action: Action, target: Parameters<AppAbility['can']>[1], message: string): void {
  if (!ability.can(action, target)) throw forbidden(message);
}
