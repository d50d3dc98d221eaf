import { AbilityBuilder, createMongoAbility, ForcedSubject, MongoAbility } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from './auth-user';

/**
 * Plan events (DESIGN §4) double as CASL actions, so "may this user send SIGN on this plan"
 * is one `ability.can('SIGN', plan)`; the machine separately says whether SIGN is legal now.
 */
export const PLAN_EVENTS = [
  'SUBMIT', 'FORWARD', 'RETURN', 'SIGN', 'REQUEST_CHANGES', 'APPROVE', 'REJECT',
  'ISSUE', 'DISTRIBUTE', 'CLOSE', 'RECALL', 'WITHDRAW', 'CANCEL',
] as const;
export type PlanEvent = (typeof PLAN_EVENTS)[number];

export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete' | PlanEvent | 'ACKNOWLEDGE' | 'REPORT' | 'DERIVE' | 'CLOSE_ROUND';

/**
 * The fields of a plan the rules look at; conditions name them exactly as the Plan entity does,
 * so the same rules filter lists in SQL (see plans/plan-access.ts).
 */
export interface PlanAccessFields {
  issuer: string;
  /** the issuer and all its ancestors */
  issuerLineage: string[];
  coIssuerIds: string[];
  /** co-issuers may read from the first time it reaches coordination */
  sharedWithCoIssuers: boolean;
  recipientOrgIds: string[];
  status: string;
}

/** A number register is its organisation's: the clerk there keeps it. */
export interface NumberRegisterAccessFields {
  organisation: string;
}

export type Subject =
  | 'Plan'
  | (PlanAccessFields & ForcedSubject<'Plan'>)
  | 'NumberRegister'
  | (NumberRegisterAccessFields & ForcedSubject<'NumberRegister'>)
  | 'Organisation'
  | 'User'
  | 'Template'
  | 'all';
export type AppAbility = MongoAbility<[Action, Subject]>;

/** One line per rule of DESIGN §5. */
@Injectable()
export class AbilityFactory {
  /** The guard reuses one AuthUser object while it caches the user, so its abilities are built once too. */
  private readonly built = new WeakMap<AuthUser, AppAbility>();

  createForUser(user: AuthUser): AppAbility {
    let ability = this.built.get(user);
    if (!ability) {
      ability = this.build(user);
      this.built.set(user, ability);
    }
    return ability;
  }

  private build(user: AuthUser): AppAbility {
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    const org = user.organisationId;
    const has = (role: AuthUser['roles'][number]) => user.roles.includes(role);
    const ownPlan = { issuer: org };

    can('read', 'Organisation');
    can('read', 'User');
    can('read', 'Plan', { issuerLineage: { $all: [org] } });
    can('read', 'Plan', { coIssuerIds: { $all: [org] }, sharedWithCoIssuers: true });
    can('read', 'Plan', { recipientOrgIds: { $all: [org] } });
    can(['ACKNOWLEDGE', 'REPORT', 'DERIVE'], 'Plan', { recipientOrgIds: { $all: [org] } });

    if (has('admin')) can('manage', ['Organisation', 'User', 'Template']);
    if (has('drafter')) can(['create', 'update', 'SUBMIT', 'WITHDRAW', 'CANCEL'], 'Plan', ownPlan);
    if (has('reviewer')) can(['FORWARD', 'RETURN'], 'Plan', { ...ownPlan, status: 'in_review' });
    if (has('leader')) {
      can(['APPROVE', 'REJECT', 'RETURN'], 'Plan', { ...ownPlan, status: 'awaiting_approval' });
      can(['RECALL', 'CLOSE_ROUND'], 'Plan', ownPlan);
      can(['SIGN', 'REQUEST_CHANGES'], 'Plan', { coIssuerIds: { $all: [org] } });
    }
    if (has('clerk')) {
      can(['ISSUE', 'DISTRIBUTE', 'CLOSE', 'CLOSE_ROUND'], 'Plan', ownPlan);
      can('manage', 'NumberRegister', { organisation: org });
    }
    return build();
  }
}
