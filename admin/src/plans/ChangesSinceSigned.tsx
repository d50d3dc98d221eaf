import { Alert, AlertTitle, Box } from '@mui/material';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import type { Plan } from '../types';
import { VersionDiff } from './VersionDiff';

/**
 * For a co-issuer asked to sign again: its earlier signature was voided by an edit, so it sees
 * exactly what changed between the version it signed and the one it is asked to sign now.
 */
export const ChangesSinceSigned = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const organisationId = identity?.organisation?.id;
  if (!plan?.availableActions.includes('SIGN') || !organisationId) return null;
  const ours = plan.signatures.filter((s) => s.organisationId === organisationId && s.kind === 'co_issuer');
  if (!ours.length || ours.some((s) => s.valid)) return null;
  const lastSigned = ours.reduce((latest, s) => (s.contentVersion > latest.contentVersion ? s : latest));
  return (
    <Alert severity="warning" sx={{ mb: 2, '& .MuiAlert-message': { width: '100%' } }} data-testid="changes-since-signed">
      <AlertTitle>{translate('resources.plans.diff.since_signed_title')}</AlertTitle>
      {translate('resources.plans.diff.since_signed', {
        version: lastSigned.contentVersion,
        at: formatDateTime(lastSigned.signedAt),
        current: plan.contentVersion,
      })}
      <Box sx={{ mt: 1, backgroundColor: 'background.paper', p: 1, borderRadius: 1 }}>
        <VersionDiff planId={plan.id} from={lastSigned.contentVersion} to={plan.contentVersion} />
      </Box>
    </Alert>
  );
};
