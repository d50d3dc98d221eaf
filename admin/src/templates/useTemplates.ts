import { useQueryClient } from '@tanstack/react-query';
import { useKehoachQuery } from '../common/useKehoachDataProvider';

const templatesKey = (organisationId: string) => ['templates', organisationId];

/** The organisation's uploaded template versions, newest first. */
export const useTemplates = (organisationId: string) => useKehoachQuery(templatesKey(organisationId), (methods) => methods.getTemplates(organisationId));

/** After an upload, an activation or a reset: the list again. */
export function useRefreshTemplates(organisationId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: templatesKey(organisationId) });
}
