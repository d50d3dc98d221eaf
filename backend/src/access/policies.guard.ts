import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden } from '../common/app-error';
import { AbilityFactory, Action, Subject } from './ability.factory';

const POLICY = 'policy';

/** Type-level check ("may this user create organisations at all?"); instance checks happen in services. */
export const CheckPolicy = (action: Action, subject: Subject) => SetMetadata(POLICY, { action, subject });

@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly abilities: AbilityFactory,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.get<{ action: Action; subject: Subject } | undefined>(POLICY, context.getHandler());
    if (!policy) return true;
    const user = context.switchToHttp().getRequest().user;
    if (!user || !this.abilities.createForUser(user).can(policy.action, policy.subject)) throw forbidden();
    return true;
  }
}
