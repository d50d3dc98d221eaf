import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLogoutIfAccessDenied } from 'react-admin';
import { kehoachMethods, type KehoachMethods } from '../dataProvider';

/**
 * Our custom data-provider methods (sendEvent, getTasks, …). Called directly, not through
 * react-admin's proxy, which answers `{data: {}}` to a call cut short by a logout — a shape no
 * caller expects. A failure still goes through checkError, so a 401 logs out as anywhere else.
 */
export function useKehoachDataProvider(): KehoachMethods {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return useMemo(() => {
    const guarded = Object.entries(kehoachMethods).map(([name, method]) => [
      name,
      (...args: unknown[]) =>
        (method as (...args: unknown[]) => Promise<unknown>)(...args).catch(async (error: unknown) => {
          await logoutIfAccessDenied(error);
          throw error;
        }),
    ]);
    return Object.fromEntries(guarded) as KehoachMethods;
  }, [logoutIfAccessDenied]);
}

/** One of the custom reads as a query. */
export function useKehoachQuery<T>(queryKey: unknown[], read: (methods: KehoachMethods) => Promise<T>, enabled = true) {
  const methods = useKehoachDataProvider();
  return useQuery({ queryKey, queryFn: () => read(methods), enabled });
}
