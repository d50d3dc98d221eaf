import { AbilityBuilder, createMongoAbility, ForcedSubject, MongoAbility } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from './auth-user';
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

/** One line per rule of DESIGN §5. */
@Injectable()
export class AbilityFactory {
  /**
   * Built abilities by what the rules read (user id, roles, organisation and its path): the guard
   * makes a new AuthUser per request, so a key by object would rebuild every time. The rules depend
   * on nothing else, so a changed role or organisation is simply another key. A small LRU (a Map
   * keeps insertion order: a hit moves to the end, the oldest goes first).
   */
  private readonly built = new Map<string, AppAbility>();
  /** Within a request (one AuthUser object, several checks), the ability found for it. */
  private readonly forRequest = new WeakMap<AuthUser, AppAbility>();

  createForUser(user: AuthUser): AppAbility {
    let ability = this.forRequest.get(user);
    if (!ability) {
      ability = this.cached(user);
      this.forRequest.set(user, ability);
    }
    return ability;
  }

  private cached(user: AuthUser): AppAbility {
    const key = `${user.id}|${user.organisationId}|${user.organisationPath}|${[...user.roles].sort().join(',')}|${user.predecessorIds.join(',')}`;
    let ability = this.built.get(key);
    if (ability) {
      this.built.delete(key);
    } else {
      ability = this.build(user);
      if (this.built.size >= MAX_CACHED_ABILITIES) this.built.delete(this.built.keys().next().value!);
    }
    this.built.set(key, ability);
    return ability;
  }

  private build(user: AuthUser): AppAbility {
    const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    const org = user.organisationId;
    const has = (role: AuthUser['roles'][number]) => user.roles.includes(role);
    const ownPlan = { issuer: org };
    // What a merged or dissolved organisation issued stays its own; its successor acts for it.
    const actsFor = [org, ...user.predecessorIds];
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
    can(['ACKNOWLEDGE', 'REPORT', 'DERIVE', 'READ_CORRECTION'], 'Plan', { recipientOrgIds: { $all: [org] } });
    // The incoming register: read by all of the organisation (and its predecessors' registers); the person
    // a document was given to reports its progress.
    const ownRegister = { organisation: org };
    can('read', 'IncomingDocument', { organisation: { $in: actsFor } });
    can('PROGRESS', 'IncomingDocument', { ...ownRegister, assignee: user.id });

    if (has('sysadmin')) {
      can('manage', ['Organisation', 'User', 'Template']);
    } else if (has('admin')) {
      // An organisation's administrator manages its own subtree: it edits its own organisation but
      // cannot create siblings, delete or move itself, nor make anyone a system administrator.
      can('update', 'Organisation', inSubtree);
      can(['create', 'delete'], 'Organisation', belowOwn);
      can('manage', ['User', 'Template'], ofSubtree);
      cannot(['create', 'update', 'delete'], 'User', { roles: { $all: ['sysadmin'] } });
      // Reads (and exports) its own organisation's outgoing register; numbers stay the clerk's.
      can('read', 'NumberRegister', { organisation: { $in: actsFor } });
    }
    if (has('drafter')) can(['create', 'update', 'SUBMIT', 'WITHDRAW', 'CANCEL', 'REPLACE', 'CORRECT'], 'Plan', ownPlan);
    if (has('reviewer')) can(['FORWARD', 'RETURN'], 'Plan', { ...ownPlan, status: 'in_review' });
    if (has('leader')) {
      can(['APPROVE', 'REJECT', 'RETURN'], 'Plan', { ...ownPlan, status: 'awaiting_approval' });
      can(['RECALL', 'CLOSE_ROUND'], 'Plan', actedForPlan);
      can('APPROVE_CORRECTION', 'Plan', ownPlan);
      can(['SIGN', 'REQUEST_CHANGES'], 'Plan', { coIssuerIds: { $all: [org] } });
      can(['ASSIGN', 'PROGRESS'], 'IncomingDocument', ownRegister);
    }
    if (has('clerk')) {
      can(['ISSUE', 'ISSUE_CORRECTION'], 'Plan', ownPlan);
      can(['DISTRIBUTE', 'CLOSE', 'CLOSE_ROUND'], 'Plan', actedForPlan);
      can('manage', 'NumberRegister', { organisation: org });
      can(['create', 'update', 'delete', 'PROGRESS'], 'IncomingDocument', ownRegister);
      can('read', 'NumberRegister', { organisation: { $in: actsFor } });
    }
    // An implementing plan is drafted from any entry of the register by the organisation's drafters.
    if (has('drafter')) can('DERIVE', 'IncomingDocument', ownRegister);
    return build();
  }
}

/** The organisation ids of a materialised path "/a/b/c/": ["a", "b", "c"]. */
export const lineageOf = (path: string): string[] => path.split('/').filter(Boolean);
