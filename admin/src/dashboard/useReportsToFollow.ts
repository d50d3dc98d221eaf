import { useGetIdentity, useGetList } from 'react-admin';
import { daysUntil } from '../common/dates';
import type { PlanSummary } from '../types';

/** How far around today the issuer's deadlines are shown: coming up, or recently passed and still being chased. */
const WINDOW_DAYS = 30;

export interface FollowedDeadline {
  planId: string;
  title: string;
  deadline: number;
  name: string;
  dueDate: string;
}

/**
 * The reporting deadlines of the plans the caller's organisation distributed, within a month
 * either side of today: what its staff follow up. Reads `reporting` from the plan list's rows.
 */
export function useReportsToFollow(): FollowedDeadline[] {
  const { identity } = useGetIdentity();
  const organisationId = identity?.organisation?.id as string | undefined;
  const { data: plans } = useGetList<PlanSummary>(
    'plans',
    {
      filter: { status: 'distributed', issuerId: organisationId },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'updatedAt', order: 'DESC' },
      meta: { summary: true },
    },
    { enabled: Boolean(organisationId) },
  );
  return (plans ?? [])
    .flatMap((plan) => (plan.reporting ?? []).map((due, deadline) => ({ planId: plan.id, title: plan.title, deadline, ...due })))
    .filter(({ dueDate }) => Math.abs(daysUntil(dueDate)) <= WINDOW_DAYS)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
