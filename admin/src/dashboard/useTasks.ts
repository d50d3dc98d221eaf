import { useKehoachQuery } from '../common/useKehoachDataProvider';

/** What waits for the caller (`/api/tasks`): workflow steps, plans to acknowledge, reports owed; and how many in all. */
export const useTasks = () => useKehoachQuery(['tasks'], (methods) => methods.getTasks());

/** The plans the caller follows (`/api/following`): it may still act on them, nobody waits on it. */
export const useFollowing = () => useKehoachQuery(['following'], (methods) => methods.getFollowing());
