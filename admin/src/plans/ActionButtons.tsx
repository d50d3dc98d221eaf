import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useGetMany, useNotify, useRecordContext, useRefresh, useTranslate, type HttpError } from 'react-admin';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { Organisation, Plan } from '../types';
import { ActionOutlook } from './ActionOutlook';
import { ACTION_STYLES, type ButtonAction } from './planActions';
import { usePlanAfterEvent } from './usePlanAfterEvent';

/** One button per workflow event the server says the caller may send now (`availableActions`). */
export const ActionButtons = () => {
  const plan = useRecordContext<Plan>();
  const methods = useKehoachDataProvider();
  const showOutcome = usePlanAfterEvent();
  if (!plan?.availableActions?.length) return null;
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }} data-testid="plan-actions">
      {plan.availableActions.map((action) => (
        <ActionButton
          key={action}
          plan={plan}
          action={action}
          run={(comment, pin, organisationId) => methods.sendEvent(plan.id, action, comment, pin, organisationId)}
          onDone={showOutcome}
        />
      ))}
    </Stack>
  );
};

interface ActionButtonProps<Result> {
  plan: Plan;
  action: ButtonAction;
  /**
   * What confirming does; receives the comment when the action asks for one, the PIN of a signing action,
   * and the organisation signed for when the caller could sign for several (kiêm nhiệm).
   */
  run: (comment?: string, pin?: string, organisationId?: string) => Promise<Result>;
  /** After success; by default the page reloads its data. */
  onDone?: (result: Result) => void;
}

/** An action's button and its confirm dialog, with the comment box the action requires. */
export const ActionButton = <Result,>(props: ActionButtonProps<Result>) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { color, variant } = ACTION_STYLES[props.action];
  return (
    <>
      <Button color={color} variant={variant} size="small" onClick={() => setOpen(true)} data-action={props.action}>
        {translate(`resources.plans.actions.${props.action}.label`)}
      </Button>
      {open && <ActionDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
};

/** The server's refusal (409 not now, 403 not yours, 400 comment missing) is shown as it explains it. */
const ActionDialog = <Result,>({ plan, action, run, onDone, onClose }: ActionButtonProps<Result> & { onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [comment, setComment] = useState('');
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const { needsComment, color, signs } = ACTION_STYLES[action];
  // Several organisations the caller could act for (kiêm nhiệm): the caller chooses; one: it is implied.
  const actingFor = (plan.actingFor as Partial<Record<string, string[]>> | undefined)?.[action] ?? [];
  const [organisationId, setOrganisationId] = useState('');
  const missingComment = needsComment && comment.trim() === '';
  const missingOrganisation = actingFor.length > 1 && organisationId === '';
  const { mutate, isPending } = useMutation({
    mutationFn: () => run(comment.trim() || undefined, pin || undefined, organisationId || undefined),
    onSuccess: (result) => {
      notify(`resources.plans.actions.${action}.done`, { type: 'success' });
      onClose();
      if (onDone) onDone(result);
      else refresh();
    },
    onError: (error: HttpError) => {
      // A wrong or missing PIN is shown at the PIN field, where it is typed again.
      const errors = (error.body as { errors?: Record<string, string> } | undefined)?.errors;
      setPinError(errors?.pin ?? errors?.certificate ?? null);
      notify(error.message || 'ra.notification.http_error', { type: 'error' });
    },
  });
  const key = `resources.plans.actions.${action}`;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="plan-action-title">
      <DialogTitle id="plan-action-title">{translate(`${key}.title`)}</DialogTitle>
      <DialogContent>
        <ActionOutlook plan={plan} action={action} />
        {actingFor.length > 1 && <ActingForInput choices={actingFor} value={organisationId} onChange={setOrganisationId} />}
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
        {signs && (
          <TextField
            autoFocus={!needsComment}
            fullWidth
            margin="normal"
            type="password"
            name="pin"
            autoComplete="off"
            label={translate('resources.plans.actions.pin')}
            helperText={pinError ?? translate('resources.plans.actions.pin_help')}
            error={pinError !== null}
            value={pin}
            onChange={(event) => setPin(event.target.value)}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isPending}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color={color} onClick={() => mutate()} disabled={isPending || missingComment || missingOrganisation} data-confirm={action}>
          {translate(`${key}.label`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** The organisation the event is sent for, among those the caller holds a role in that may send it. */
const ActingForInput = ({ choices, value, onChange }: { choices: string[]; value: string; onChange: (id: string) => void }) => {
  const translate = useTranslate();
  const { data: organisations = [] } = useGetMany<Organisation>('organisations', { ids: choices });
  return (
    <TextField
      select
      required
      fullWidth
      margin="normal"
      name="organisationId"
      label={translate('resources.plans.actions.acting_for')}
      helperText={translate('resources.plans.actions.acting_for_help')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {choices.map((id) => (
        <MenuItem key={id} value={id}>
          {organisations.find((organisation) => organisation.id === id)?.name ?? id}
        </MenuItem>
      ))}
    </TextField>
  );
};
