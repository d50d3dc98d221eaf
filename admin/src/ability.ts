import { createMongoAbility, subject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { usePermissions } from 'react-admin';
import { useMemo } from 'react';
import type { Plan, PlanAction } from './types';

/**
 * The same CASL ability the server builds (backend/src/auth/ability.factory.ts), from the rules
 * `/api/me` sends. It decides which menus and buttons appear; the server stays the judge.
 */
type Action = 'manage' | 'read' | 'create' | 'update' | 'delete' | PlanAction | 'CLOSE_ROUND' | 'ASSIGN' | 'PROGRESS' | 'CORRECT' | 'APPROVE_CORRECTION' | 'ISSUE_CORRECTION';
type SubjectType = 'Plan' | 'Organisation' | 'User' | 'NumberRegister' | 'Template' | 'IncomingDocument' | 'all';
export type AppAbility = MongoAbility<[Action, SubjectType | ReturnType<typeof planSubject>]>;

export const buildAbility = (rules: unknown[] = []): AppAbility =>
  createMongoAbility<AppAbility>(rules as RawRuleOf<AppAbility>[]);

/** What the rules read of a plan; a list row has no recipients (rules on them answer no there). */
type PlanSubjectFields = Pick<Plan, 'issuerId' | 'coIssuerIds' | 'status'> & Partial<Pick<Plan, 'recipientOrgIds'>>;

/** A plan as the rules see it: they name the entity's fields (`issuer`, not `issuerId`). */
const planSubject = (plan: PlanSubjectFields) =>
  subject('Plan', { issuer: plan.issuerId, coIssuerIds: plan.coIssuerIds, recipientOrgIds: plan.recipientOrgIds ?? [], status: plan.status });

const RESOURCE_SUBJECTS: Record<string, SubjectType> = {
  plans: 'Plan',
  organisations: 'Organisation',
  users: 'User',
  'number-registers': 'NumberRegister',
  'incoming-documents': 'IncomingDocument',
};

const RESOURCE_ACTIONS: Record<string, Action> = {
  list: 'read',
  show: 'read',
  export: 'read',
  create: 'create',
  clone: 'create',
  edit: 'update',
  delete: 'delete',
};

/** Whether the rules let the caller do `action` on this plan (e.g. CLOSE_ROUND: the issuer's leader or clerk). */
export const canOnPlan = (ability: AppAbility, action: Action, plan: PlanSubjectFields) =>
  ability.can(action, planSubject(plan));

/** Only a draft is edited; every other change to a plan goes through a workflow event. */
const canEditPlan = (ability: AppAbility, plan: Plan) => plan.status === 'draft' && ability.can('update', planSubject(plan));

/**
 * react-admin's `canAccess` in CASL terms. Reading needs no instance check: a record the server
 * returned is one the caller may read.
 */
export function canAccessResource(ability: AppAbility, action: string, resource: string, record?: unknown): boolean {
  const subjectType = RESOURCE_SUBJECTS[resource];
  if (!subjectType) return false;
  const caslAction = RESOURCE_ACTIONS[action] ?? 'read';
  if (subjectType === 'Plan' && caslAction === 'update' && record) return canEditPlan(ability, record as Plan);
  // An incoming entry's form serves the clerk (the register), the leader (assignment) and the assignee (status).
  if (subjectType === 'IncomingDocument' && caslAction === 'update') return (['update', 'ASSIGN', 'PROGRESS'] as const).some((a) => ability.can(a, subjectType));
  return ability.can(caslAction, subjectType);
}

export function useAbility(): AppAbility {
  const { permissions } = usePermissions<unknown[]>();
  return useMemo(() => buildAbility(permissions), [permissions]);
}
