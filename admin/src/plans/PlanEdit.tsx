import { useState } from 'react';
import { Edit, useNotify, useParams, useRedirect, type HttpError } from 'react-admin';
import { PlanForm } from './PlanForm';
import { StaleVersionDialog } from './StaleVersionDialog';
import { toPlanUpdate } from './planContent';

/**
 * Editing a draft: pessimistic, so a 409 (someone else saved first) comes back before anything
 * moves on, and is explained in a dialog instead of a passing notification.
 */
export const PlanEdit = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const { id } = useParams();
  const [staleMessage, setStaleMessage] = useState<string | null>(null);
  const onError = (error: Error) => {
    const { status, body } = error as HttpError;
    if (status === 409 && body?.code === 'STALE_VERSION') return setStaleMessage(error.message);
    // Field errors are shown under the inputs by the form itself.
    if (!body?.errors) notify(error.message || 'ra.notification.http_error', { type: 'error' });
  };
  const reload = () => {
    setStaleMessage(null);
    redirect('show', 'plans', id);
  };
  return (
    <Edit mutationMode="pessimistic" transform={toPlanUpdate} redirect="show" mutationOptions={{ onError }}>
      <PlanForm />
      {staleMessage && <StaleVersionDialog message={staleMessage} onReload={reload} onClose={() => setStaleMessage(null)} />}
    </Edit>
  );
};
