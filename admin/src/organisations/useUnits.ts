import { useQueryClient } from '@tanstack/react-query';
import { useKehoachQuery } from '../common/useKehoachDataProvider';

const unitsKey = (organisationId: string | null | undefined) => ['organisation-units', organisationId];

/** The units (ban, văn phòng) of an organisation; none while it is not chosen. */
export function useUnits(organisationId: string | null | undefined) {
  return useKehoachQuery(unitsKey(organisationId), (methods) => methods.getUnits(organisationId!), Boolean(organisationId));
}

/** After a change, every list of that organisation's units reads afresh. */
export function useRefreshUnits(organisationId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: unitsKey(organisationId) });
}

/** "Ban Phong trào (BPT)" */
export const unitLabel = (unit: { name: string; code: string }) => `${unit.name} (${unit.code})`;
