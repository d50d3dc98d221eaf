import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { RoundToFollow } from '../types';

/**
 * The reporting rounds of the plans the caller's organisation distributed, due within a month
 * either side of today: what its staff follow up (the API reads them from the rounds' due-date index).
 */
export function useReportsToFollow(): RoundToFollow[] {
  const { data } = useKehoachQuery(['reporting-rounds', 'to-follow'], (methods) => methods.getRoundsToFollow());
  return data ?? [];
}
