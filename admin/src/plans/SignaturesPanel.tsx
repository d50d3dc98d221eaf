import { Card, CardContent, CardHeader, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useGetMany, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import type { Organisation, Plan, Signature } from '../types';

/**
 * Who has signed which version, who is still to sign, and the signatures an edit voided
 * (they stay on record; the organisation signs the new version again).
 */
export const SignaturesPanel = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const { data: organisations } = useGetMany<Organisation>('organisations', {
    ids: plan ? [plan.issuerId, ...plan.coIssuerIds] : [],
  });
  if (!plan || (plan.kind !== 'joint_plan' && plan.signatures.length === 0)) return null;
  const nameOf = (id: string) => organisations?.find((organisation) => organisation?.id === id)?.shortName ?? '';
  const rows = [
    ...plan.coIssuerIds.map((organisationId) => ({ organisationId, kind: 'co_issuer' as const })),
    { organisationId: plan.issuerId, kind: 'approval' as const },
  ];
  return (
    <Card variant="outlined" data-testid="signatures-panel">
      <CardHeader title={translate('resources.plans.signatures.title')} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} />
      <CardContent sx={{ pt: 0 }}>
        <List dense disablePadding>
          {rows.map(({ organisationId, kind }) => (
            <SignatureRow
              key={`${kind}-${organisationId}`}
              name={nameOf(organisationId)}
              signatures={plan.signatures.filter((s) => s.organisationId === organisationId && s.kind === kind)}
              kind={kind}
            />
          ))}
        </List>
      </CardContent>
    </Card>
  );
};

const SignatureRow = ({ name, signatures, kind }: { name: string; signatures: Signature[]; kind: Signature['kind'] }) => {
  const translate = useTranslate();
  const current = signatures.find((signature) => signature.valid);
  const voided = signatures.filter((signature) => !signature.valid);
  const state = current ? translate(`resources.plans.signatures.signed_${kind}`, signatureArgs(current)) : translate(`resources.plans.signatures.pending_${kind}`);
  return (
    <ListItem disableGutters alignItems="flex-start" data-signature-state={current ? 'signed' : 'pending'}>
      <ListItemText
        primary={name}
        secondary={
          <>
            <Typography component="span" variant="body2" sx={{ display: 'block', color: current ? 'success.main' : 'warning.main' }}>
              {state}
            </Typography>
            {voided.map((signature) => (
              <Typography key={signature.signedAt} component="span" variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
                {translate('resources.plans.signatures.voided', signatureArgs(signature))}
              </Typography>
            ))}
          </>
        }
      />
    </ListItem>
  );
};

/** The signer as signed: the name, and the title signed under when one was recorded (a capacity's may differ from the organisation's). */
const signatureArgs = (signature: Signature) => ({
  name: signature.title ? `${signature.userName} (${signature.title})` : signature.userName,
  at: formatDateTime(signature.signedAt),
  version: signature.contentVersion,
});
