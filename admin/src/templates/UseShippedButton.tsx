import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useTranslate, type HttpError } from 'react-admin';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { TemplateKind } from '../types';
import { useRefreshTemplates } from './useTemplates';

/** Back to the shipped template for a kind, after a confirmation; the uploaded versions stay in the history. */
export const UseShippedButton = ({ organisationId, kind }: { organisationId: string; kind: TemplateKind }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const methods = useKehoachDataProvider();
  const refresh = useRefreshTemplates(organisationId);
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: () => methods.useShippedTemplate(organisationId, kind),
    onSuccess: () => {
      setOpen(false);
      notify('resources.organisations.templates.shipped_restored', { type: 'success' });
      void refresh();
    },
    onError: (error: HttpError) => notify(error.message || 'ra.notification.http_error', { type: 'error' }),
  });
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)} data-testid="use-shipped-template">
        {translate('resources.organisations.templates.use_shipped')}
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} maxWidth="sm" fullWidth aria-labelledby="use-shipped-title">
          <DialogTitle id="use-shipped-title">{translate('resources.organisations.templates.use_shipped_title')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate('resources.organisations.templates.use_shipped_confirm')}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={isPending}>
              {translate('ra.action.cancel')}
            </Button>
            <Button variant="contained" onClick={() => mutate()} disabled={isPending} data-testid="confirm-use-shipped">
              {translate('resources.organisations.templates.use_shipped')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
