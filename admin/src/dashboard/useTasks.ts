import { useKehoachQuery } from '../common/useKehoachDataProvider';

/** What waits for the caller (`/api/tasks`): workflow steps, plans to acknowledge, reports due. */
export const useTasks = () => useKehoachQuery(['tasks'], (methods) => methods.getTasks());
