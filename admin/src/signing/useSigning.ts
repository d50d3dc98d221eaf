import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNotify, type HttpError } from 'react-admin';
import { problemsOf } from '../common/problemsOf';
import { useKehoachDataProvider, useKehoachQuery } from '../common/useKehoachDataProvider';
import type { KehoachMethods, SigningHolder } from '../dataProvider';

const signingKey = ({ resource, id }: SigningHolder) => ['signing', resource, id];

/** A person's certificate on record and whether a signature image is. */
export const useUserSigning = (id: string) => useKehoachQuery(signingKey({ resource: 'users', id }), (methods) => methods.getUserSigning(id));

/** An organisation's certificate on record and its seal. */
export const useOrganisationSigning = (id: string) =>
  useKehoachQuery(signingKey({ resource: 'organisations', id }), (methods) => methods.getOrganisationSigning(id));

/**
 * An upload to the holder's signing keys or images. Once stored, the section reads the holder again;
 * refused (a wrong PIN, a certificate not trusted or not the holder's, not a PNG …), the server's
 * reasons stay on screen until the next try.
 */
export function useSigningUpload<Args>(
  holder: SigningHolder,
  send: (methods: KehoachMethods, args: Args) => Promise<unknown>,
  { doneMessage, onStored }: { doneMessage: string; onStored?: () => void },
) {
  const methods = useKehoachDataProvider();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<string[]>([]);
  const { mutate, isPending } = useMutation({
    mutationFn: (args: Args) => send(methods, args),
    onMutate: () => setProblems([]),
    onSuccess: () => {
      onStored?.();
      notify(doneMessage, { type: 'success' });
      return queryClient.invalidateQueries({ queryKey: signingKey(holder) });
    },
    onError: (error: HttpError) => setProblems(problemsOf(error)),
  });
  return { upload: mutate, isPending, problems, dismiss: () => setProblems([]) };
}
