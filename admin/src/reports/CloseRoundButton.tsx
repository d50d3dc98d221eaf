import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate, type HttpError } from 'react-admin';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { ReportSummary } from '../types';

/** "Khóa kỳ báo cáo": after a confirmation, the round's reports are final (it cannot be reopened). */
export const CloseRoundButton = ({ planId, summary }: { planId: string; summary: ReportSummary }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const methods = useKehoachDataProvider();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: () => methods.closeReportRound(planId, summary.deadline),
    onSuccess: () => {
      notify('kehoach.reports.close.done', { type: 'success' });
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
    onError: (error: HttpError) => {
      notify(error.message || 'ra.notification.http_error', { type: 'error' });
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
  return (
    <>
      <Button size="small" variant="outlined" color="warning" startIcon={<LockIcon />} onClick={() => setOpen(true)} data-testid="close-round">
        {translate('kehoach.reports.close.label')}
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} maxWidth="sm" fullWidth aria-labelledby="close-round-title">
          <DialogTitle id="close-round-title">{translate('kehoach.reports.close.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText>
              {translate('kehoach.reports.close.confirm', { name: summary.name, missing: summary.counts.recipients - summary.counts.submitted - summary.counts.late })}
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={isPending}>
              {translate('ra.action.cancel')}
            </Button>
            <Button variant="contained" color="warning" onClick={() => mutate()} disabled={isPending} data-testid="confirm-close-round">
              {translate('kehoach.reports.close.label')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
