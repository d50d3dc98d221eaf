import { useCallback } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Plan } from '../types';

/** react-admin's access checks are cached by record id, not by the record: one judged on a draft stays "editable". */
const isAccessCheckOf = (queryKey: QueryKey, planId: string) =>
  queryKey[0] === 'auth' && queryKey[1] === 'canAccess' && (queryKey[2] as { recordId?: unknown } | undefined)?.recordId === planId;

/**
 * After a plan event: the plan the server answered goes into react-admin's cache at once, so the page
 * shows its new state and actions (no "Sửa" after "Trình") without a reload; the access checks made on
 * the old record are dropped, to be made again on the new one; the rest of the page reloads.
 */
export function usePlanAfterEvent(): (plan: Plan) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (plan: Plan) => {
      queryClient.setQueryData(['plans', 'getOne', { id: String(plan.id) }], plan);
      queryClient.removeQueries({ predicate: ({ queryKey }) => isAccessCheckOf(queryKey, plan.id) });
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );
}
