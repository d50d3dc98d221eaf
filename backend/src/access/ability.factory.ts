import { AbilityBuilder, createMongoAbility, ForcedSubject, MongoAbility } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import type { AuthUser, Capacity } from './auth-user';
import type { Role } from '../core/roles';
import type { PlanEvent } from '../core/plan-lifecycle';

/**
 * `READ_INTERNAL`: the drafting history (versions, diff, audit trail, voided signatures, comments).
 * `REPLACE` and the correction steps (Điều 18) act on an issued plan; the service says whether its state allows it (409).
 * `ASSIGN` and `PROGRESS`: an incoming document given to someone with the leader's direction, and its progress.
 */
export type Action =
  | 'manage' | 'read' | 'create' | 'update' | 'delete' | PlanEvent | 'ACKNOWLEDGE' | 'REPORT' | 'DERIVE' | 'CLOSE_ROUND' | 'READ_INTERNAL'
  | 'REPLACE' | 'CORRECT' | 'APPROVE_CORRECTION' | 'ISSUE_CORRECTION' | 'READ_CORRECTION'
  | 'ASSIGN' | 'PROGRESS';

/** From ISSUE on, a plan is an official document: ancestor committees may read it, not its drafts. */
const ISSUED_STATUSES = ['issued', 'distributed', 'closed', 'recalled'] as const;

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

/**
 * An organisation, or what belongs to one (a user, a template), as the administration rules see it:
 * `lineage` is the organisation and its ancestors, so "in my subtree" is one containment test.
 */
export interface OrganisationAccessFields {
  id: string;
  lineage: string[];
}

export interface UserAccessFields {
  organisationLineage: string[];
  roles: string[];
}

export interface TemplateAccessFields {
  organisationLineage: string[];
}

/** A number register is its organisation's: the clerk there keeps it. */
export interface NumberRegisterAccessFields {
  organisation: string;
}

/** An incoming register entry is its receiving organisation's; `assignee`: the user it was given to, if any. */
export interface IncomingDocumentAccessFields {
  organisation: string;
  assignee: string | null;
}

export type Subject =
  | 'Plan'
  | (PlanAccessFields & ForcedSubject<'Plan'>)
  | 'NumberRegister'
  | (NumberRegisterAccessFields & ForcedSubject<'NumberRegister'>)
  | 'IncomingDocument'
  | (IncomingDocumentAccessFields & ForcedSubject<'IncomingDocument'>)
  | 'Organisation'
  | (OrganisationAccessFields & ForcedSubject<'Organisation'>)
  | 'User'
  | (UserAccessFields & ForcedSubject<'User'>)
  | 'Template'
  | (TemplateAccessFields & ForcedSubject<'Template'>)
  | 'all';
export type AppAbility = MongoAbility<[Action, Subject]>;

/** Abilities kept built (one per user as it is now; a few KB each). */
const MAX_CACHED_ABILITIES = 1000;

/** One capacity's rules, built apart: which of the caller's organisations an event would be sent for. */
export interface CapacityAbility {
  capacity: Capacity;
  ability: AppAbility;
}

/** One line per rule of DESIGN §5. */
@Injectable()
export class AbilityFactory {
  /**
   * Built abilities by what the rules read (user id, and each capacity's organisation, path and roles):
   * the guard makes a new AuthUser per request, so a key by object would rebuild every time. The rules
   * depend on nothing else, so a changed role, organisation or capacity is simply another key. A small
   * LRU (a Map keeps insertion order: a hit moves to the end, the oldest goes first).
   */
  private readonly built = new Map<string, AppAbility>();
  /** Within a request (one AuthUser object, several checks), the ability found for it. */
  private readonly forRequest = new WeakMap<AuthUser, AppAbility>();

  /** Everything the caller may do, in any of its capacities. */
  createForUser(user: AuthUser): AppAbility {
    let ability = this.forRequest.get(user);
    if (!ability) {
      ability = this.cached(`${user.id}|${user.capacities.map(capacityKey).join(';')}`, () => buildAbility(user.id, user.capacities));
      this.forRequest.set(user, ability);
    }
    return ability;
  }

  /**
   * Each capacity's rules alone, primary first: a person with one capacity has only the whole ability.
   * The workflow reads from it which organisation the caller acts for (workflow/acting-organisation.ts).
   */
  forCapacities(user: AuthUser): CapacityAbility[] {
    if (user.capacities.length === 1) return [{ capacity: user.capacities[0], ability: this.createForUser(user) }];
    return user.capacities.map((capacity, i) => ({
      capacity,
      ability: this.cached(`${user.id}|${i === 0 ? 'primary' : 'other'}:${capacityKey(capacity)}`, () => buildAbility(user.id, [capacity], i === 0)),
    }));
  }

  private cached(key: string, build: () => AppAbility): AppAbility {
    let ability = this.built.get(key);
    if (ability) {
      this.built.delete(key);
    } else {
      ability = build();
      if (this.built.size >= MAX_CACHED_ABILITIES) this.built.delete(this.built.keys().next().value!);
    }
    this.built.set(key, ability);
    return ability;
  }
}

const capacityKey = (c: Capacity) => `${c.organisationId}|${c.organisationPath}|${[...c.roles].sort().join(',')}|${c.predecessorIds.join(',')}`;

/** The rules of these capacities together; `withPrimary`: the first is the account's own organisation (user `userId`'s). */
function buildAbility(userId: string, capacities: readonly Capacity[], withPrimary = true): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  capacities.forEach((capacity, i) => grantCapacity(builder, capacity, withPrimary && i === 0 ? userId : null));
  return builder.build();
}

/**
 * What one capacity's roles may do for its organisation. Receiving a plan (acknowledge, report,
 * derive, read its corrections), the number register and the incoming register act for the account's
 * own organisation (distribution/, reports/, numbering/, incoming/ read `organisationId`): the primary
 * capacity alone grants them.
 */
function grantCapacity({ can, cannot }: AbilityBuilder<AppAbility>, capacity: Capacity, primaryOf: string | null): void {
  const org = capacity.organisationId;
  const has = (role: Role) => capacity.roles.includes(role);
  const ownPlan = { issuer: org };
  // What a merged or dissolved organisation issued stays its own; its successor acts for it.
  const actsFor = [org, ...capacity.predecessorIds];
  const actedForPlan = { issuer: { $in: actsFor } };
  const inSubtree = { lineage: { $all: [org] } };
  const belowOwn = { lineage: { $all: [org] }, id: { $ne: org } };
  const ofSubtree = { organisationLineage: { $all: [org] } };

  can('read', 'Organisation');
  // Users outside the subtree that the caller works with are added in SQL (UsersService.directory, users/users.service.ts).
  can('read', 'User', ofSubtree);
  can(['read', 'READ_INTERNAL'], 'Plan', actedForPlan);
  can('read', 'Plan', { issuerLineage: { $all: [org] }, status: { $in: [...ISSUED_STATUSES] } });
  can(['read', 'READ_INTERNAL'], 'Plan', { coIssuerIds: { $all: [org] }, sharedWithCoIssuers: true });
  can('read', 'Plan', { recipientOrgIds: { $all: [org] } });

  if (has('sysadmin')) {
    can('manage', ['Organisation', 'User', 'Template']);
  } else if (has('admin')) {
    // An organisation's administrator manages its own subtree: it edits its own organisation but
    // cannot create siblings, delete or move itself, nor make anyone a system administrator.
    can('update', 'Organisation', inSubtree);
    can(['create', 'delete'], 'Organisation', belowOwn);
    can('manage', ['User', 'Template'], ofSubtree);
    cannot(['create', 'update', 'delete'], 'User', { roles: { $all: ['sysadmin'] } });
  }
  if (has('drafter')) can(['create', 'update', 'SUBMIT', 'WITHDRAW', 'CANCEL', 'REPLACE', 'CORRECT'], 'Plan', ownPlan);
  if (has('reviewer')) can(['FORWARD', 'RETURN'], 'Plan', { ...ownPlan, status: 'in_review' });
  if (has('leader')) {
    can(['APPROVE', 'REJECT', 'RETURN'], 'Plan', { ...ownPlan, status: 'awaiting_approval' });
    can(['RECALL', 'CLOSE_ROUND'], 'Plan', actedForPlan);
    can('APPROVE_CORRECTION', 'Plan', ownPlan);
    can(['SIGN', 'REQUEST_CHANGES'], 'Plan', { coIssuerIds: { $all: [org] } });
  }
  if (has('clerk')) {
    can(['ISSUE', 'ISSUE_CORRECTION'], 'Plan', ownPlan);
    can(['DISTRIBUTE', 'CLOSE', 'CLOSE_ROUND'], 'Plan', actedForPlan);
  }
  if (primaryOf) grantOwnOrganisation(can, capacity, actsFor, primaryOf);
}

/** The account's own organisation's side: plans it received, its registers (and its predecessors'). */
function grantOwnOrganisation(can: AbilityBuilder<AppAbility>['can'], { organisationId: org, roles }: Capacity, actsFor: string[], userId: string): void {
  const has = (role: Role) => roles.includes(role);
  can(['ACKNOWLEDGE', 'REPORT', 'DERIVE', 'READ_CORRECTION'], 'Plan', { recipientOrgIds: { $all: [org] } });
  // The incoming register: read by all of the organisation (and its predecessors' registers); the person
  // a document was given to reports its progress.
  const ownRegister = { organisation: org };
  can('read', 'IncomingDocument', { organisation: { $in: actsFor } });
  can('PROGRESS', 'IncomingDocument', { ...ownRegister, assignee: userId });
  if (has('admin') && !has('sysadmin')) {
    // Reads (and exports) its own organisation's outgoing register; numbers stay the clerk's.
    can('read', 'NumberRegister', { organisation: { $in: actsFor } });
  }
  if (has('leader')) can(['ASSIGN', 'PROGRESS'], 'IncomingDocument', ownRegister);
  if (has('clerk')) {
    can('manage', 'NumberRegister', { organisation: org });
    can('read', 'NumberRegister', { organisation: { $in: actsFor } });
    can(['create', 'update', 'delete', 'PROGRESS'], 'IncomingDocument', ownRegister);
  }
  // An implementing plan is drafted from any entry of the register by the organisation's drafters.
  if (has('drafter')) can('DERIVE', 'IncomingDocument', ownRegister);
}

/** The organisation ids of a materialised path "/a/b/c/": ["a", "b", "c"]. */
export const lineageOf = (path: string): string[] => path.split('/').filter(Boolean);
