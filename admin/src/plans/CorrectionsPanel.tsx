import { useState } from 'react';
import { Box, Button, Card, CardContent, CardHeader, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNotify, useRecordContext, useTranslate, type HttpError } from 'react-admin';
import { canOnPlan, useAbility } from '../ability';
import { formatDateTime } from '../common/dates';
import { DownloadButton } from '../common/DownloadButton';
import { useKehoachDataProvider, useKehoachQuery } from '../common/useKehoachDataProvider';
import type { Plan, PlanCorrection, PlanStatus } from '../types';

/** A correction notice is of a plan in force as issued. */
const CORRECTABLE: PlanStatus[] = ['issued', 'distributed'];

type Step = 'approve' | 'issue' | 'read';

const useCorrections = (plan: Plan | undefined) =>
  useKehoachQuery(['plans', 'corrections', plan?.id], (methods) => methods.getCorrections(plan!.id), Boolean(plan?.number));

/** A step on a notice, then the list, the plan's history and the inbox read again. */
const useCorrectionMutation = <Args,>(planId: string, run: (args: Args) => Promise<unknown>, done: string) => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      notify(done, { type: 'success' });
      for (const key of [['plans', 'corrections', planId], ['plans', 'history', planId], ['tasks']]) void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error: HttpError) => notify(error.message || 'ra.notification.http_error', { type: 'error' }),
  });
};

/**
 * "Đính chính" (Điều 18): the correction notices of an issued plan — the issuer's drafter writes one,
 * its leader approves, its clerk issues it with a number; recipients read it. Shown once there is one,
 * or when the caller may write one.
 */
export const CorrectionsPanel = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const ability = useAbility();
  const { data: corrections } = useCorrections(plan);
  if (!plan) return null;
  const mayDraft = CORRECTABLE.includes(plan.status) && !plan.replacedBy && canOnPlan(ability, 'CORRECT', plan);
  if (!corrections?.length && !mayDraft) return null;
  return (
    <Card variant="outlined" data-testid="corrections">
      <CardHeader title={translate('resources.plans.corrections.title')} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1.5}>
          {corrections?.map((correction) => <CorrectionItem key={correction.id} plan={plan} correction={correction} />)}
          {!corrections?.length && <Typography variant="body2" color="text.secondary">{translate('resources.plans.corrections.none')}</Typography>}
        </Stack>
        {mayDraft && <NewCorrection plan={plan} />}
      </CardContent>
    </Card>
  );
};

const CorrectionItem = ({ plan, correction }: { plan: Plan; correction: PlanCorrection }) => {
  const translate = useTranslate();
  const ability = useAbility();
  const methods = useKehoachDataProvider();
  const step = useCorrectionMutation(plan.id, (name: Step) => methods.correctionStep(plan.id, correction.id, name), 'resources.plans.corrections.done');
  const next: Step | null =
    correction.status === 'draft' && canOnPlan(ability, 'APPROVE_CORRECTION', plan) ? 'approve'
    : correction.status === 'approved' && canOnPlan(ability, 'ISSUE_CORRECTION', plan) ? 'issue'
    : correction.status === 'issued' && !correction.readAt && canOnPlan(ability, 'READ_CORRECTION', plan) ? 'read'
    : null;
  return (
    <Box sx={{ pl: 1, borderLeft: 3, borderColor: correction.status === 'issued' ? 'primary.main' : 'divider' }} data-correction-status={correction.status}>
      <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" variant="outlined" label={translate(`resources.plans.corrections.statuses.${correction.status}`)} />
        {correction.number && <Typography variant="body2" sx={{ fontWeight: 600 }}>{translate('resources.plans.corrections.number', { number: correction.number })}</Typography>}
        {correction.issuedAt && <Typography variant="caption" color="text.secondary">{formatDateTime(correction.issuedAt)}</Typography>}
      </Stack>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', my: 0.5 }}>{correction.text}</Typography>
      {correction.readAt && (
        <Typography variant="caption" color="text.secondary" component="div">{translate('resources.plans.corrections.read_at', { at: formatDateTime(correction.readAt) })}</Typography>
      )}
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 0.5 }}>
        {next && (
          <Button size="small" variant="contained" onClick={() => step.mutate(next)} disabled={step.isPending} data-action={`correction-${next}`}>
            {translate(`resources.plans.corrections.steps.${next}`)}
          </Button>
        )}
        <DownloadButton
          download={() => methods.downloadCorrection(plan.id, correction.id)}
          label={translate('resources.plans.corrections.download')}
          failedMessage={translate('resources.plans.document.download_failed')}
        />
      </Stack>
    </Box>
  );
};

/** The drafter's dialog: what was wrong in the issued plan and how it reads now. */
const NewCorrection = ({ plan }: { plan: Plan }) => {
  const translate = useTranslate();
  const methods = useKehoachDataProvider();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const create = useCorrectionMutation(plan.id, (body: string) => methods.createCorrection(plan.id, body), 'resources.plans.corrections.created');
  return (
    <>
      <Button size="small" variant="outlined" sx={{ mt: 1.5 }} onClick={() => setOpen(true)} data-action="CORRECT">
        {translate('resources.plans.corrections.new')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="correction-title">
        <DialogTitle id="correction-title">{translate('resources.plans.corrections.new_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('resources.plans.corrections.explanation', { number: plan.number ?? '' })}</DialogContentText>
          <TextField
            autoFocus
            required
            fullWidth
            multiline
            minRows={4}
            margin="normal"
            name="text"
            label={translate('resources.plans.corrections.text')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={!text.trim() || create.isPending}
            onClick={() => create.mutate(text.trim(), { onSuccess: () => { setOpen(false); setText(''); } })}
          >
            {translate('resources.plans.corrections.create')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
