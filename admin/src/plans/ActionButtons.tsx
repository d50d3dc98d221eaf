import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useRecordContext, useRefresh, useTranslate, type HttpError } from 'react-admin';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { Plan, PlanAction } from '../types';
import { ACTION_STYLES } from './planActions';

/** One button per action the server says the caller may take now (`availableActions`). */
export const ActionButtons = () => {
  const plan = useRecordContext<Plan>();
  if (!plan?.availableActions?.length) return null;
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }} data-testid="plan-actions">
      {plan.availableActions.map((action) => (
        <ActionButton key={action} plan={plan} action={action} />
      ))}
    </Stack>
  );
};

const ActionButton = ({ plan, action }: { plan: Plan; action: PlanAction }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { color, variant } = ACTION_STYLES[action];
  return (
    <>
      <Button color={color} variant={variant} size="small" onClick={() => setOpen(true)} data-action={action}>
        {translate(`resources.plans.actions.${action}.label`)}
      </Button>
      {open && <ActionDialog plan={plan} action={action} onClose={() => setOpen(false)} />}
    </>
  );
};

/** Confirms the action, with the comment box the action requires; the server's refusal is shown as it explains it. */
const ActionDialog = ({ plan, action, onClose }: { plan: Plan; action: PlanAction; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useKehoachDataProvider();
  const [comment, setComment] = useState('');
  const { needsComment, color } = ACTION_STYLES[action];
  const missingComment = needsComment && comment.trim() === '';
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.sendEvent(plan.id, action, comment.trim() || undefined),
    onSuccess: () => {
      notify(`resources.plans.actions.${action}.done`, { type: 'success' });
      onClose();
      refresh();
    },
    onError: (error: HttpError) => notify(error.message || 'ra.notification.http_error', { type: 'error' }),
  });
  const key = `resources.plans.actions.${action}`;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="plan-action-title">
      <DialogTitle id="plan-action-title">{translate(`${key}.title`)}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(`${key}.confirm`, { title: plan.title })}</DialogContentText>
        {needsComment && (
          <TextField
            autoFocus
            required
            fullWidth
            multiline
            minRows={3}
            margin="normal"
            name="comment"
            label={translate('resources.plans.actions.comment')}
            helperText={translate('resources.plans.actions.comment_required')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isPending}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color={color} onClick={() => mutate()} disabled={isPending || missingComment} data-confirm={action}>
          {translate(`${key}.label`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
