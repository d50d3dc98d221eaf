import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGetIdentity, useNotify, useRecordContext, useTranslate, type HttpError } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { Delivery, Plan } from '../types';
import { useDistribution } from './useDistribution';

/**
 * A recalled plan says so at the top of its page: when and why. A recipient organisation marks
 * the recall notice seen, which clears it from its inbox.
 */
export const RecallBanner = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { data: distribution } = useDistribution(plan);
  if (plan?.status !== 'recalled') return null;
  const ours = distribution?.deliveries.find((delivery) => delivery.organisationId === identity?.organisation?.id);
  return (
    <Alert severity="error" sx={{ mb: 2, '& .MuiAlert-message': { width: '100%' } }} data-testid="recall-banner">
      <AlertTitle>{translate('resources.plans.recall.title')}</AlertTitle>
      {distribution?.recalledAt && <Typography variant="body2">{translate('resources.plans.recall.at', { at: formatDateTime(distribution.recalledAt) })}</Typography>}
      {distribution?.recallReason && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="recall-reason">
          {translate('resources.plans.recall.reason', { reason: distribution.recallReason })}
        </Typography>
      )}
      {ours && <RecallNotice planId={plan.id} delivery={ours} />}
    </Alert>
  );
};

/** The recipient's side: "Đã xem thông báo thu hồi", or when it was marked seen. */
const RecallNotice = ({ planId, delivery }: { planId: string; delivery: Delivery }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const methods = useKehoachDataProvider();
  const queryClient = useQueryClient();
  const { mutate, isPending } = useMutation({
    mutationFn: () => methods.acknowledge(planId),
    onSuccess: () => {
      notify('resources.plans.recall.done', { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: ['plans', 'distribution', planId] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (error: HttpError) => notify(error.message || 'ra.notification.http_error', { type: 'error' }),
  });
  if (delivery.recallSeenAt) {
    return (
      <Typography variant="body2" sx={{ mt: 1, fontStyle: 'italic' }} data-testid="recall-seen">
        {translate('resources.plans.recall.seen', { at: formatDateTime(delivery.recallSeenAt) })}
      </Typography>
    );
  }
  return (
    <Box sx={{ mt: 1.5 }}>
      <Button size="small" variant="contained" color="error" onClick={() => mutate()} disabled={isPending} data-testid="recall-seen-button">
        {translate('resources.plans.recall.mark_seen')}
      </Button>
    </Box>
  );
};
