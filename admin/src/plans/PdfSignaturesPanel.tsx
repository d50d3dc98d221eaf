import { Card, CardContent, CardHeader, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { PdfSignatureCheck, Plan } from '../types';

/**
 * The verification panel: each digital signature on the plan's PDF as the server checked it — who,
 * when, with which certificate, valid or why not, and whether it covers the whole document (only the
 * last one does: the organisation's, made at issue).
 */
export const PdfSignaturesPanel = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const dataProvider = useKehoachDataProvider();
  const { data } = useQuery({
    queryKey: ['plans', plan?.id, 'pdf-signatures', plan?.version],
    queryFn: () => dataProvider.verifySignatures(plan!.id),
    enabled: Boolean(plan),
  });
  if (!data?.signatures.length) return null;
  return (
    <Card variant="outlined" data-testid="pdf-signatures-panel">
      <CardHeader title={translate('resources.plans.pdf_signatures.title')} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} />
      <CardContent sx={{ pt: 0 }}>
        <List dense disablePadding>
          {data.signatures.map((signature) => (
            <SignatureCheck key={signature.revision} signature={signature} />
          ))}
        </List>
      </CardContent>
    </Card>
  );
};

const SignatureCheck = ({ signature }: { signature: PdfSignatureCheck }) => {
  const translate = useTranslate();
  const key = 'resources.plans.pdf_signatures';
  return (
    <ListItem disableGutters alignItems="flex-start" data-pdf-signature={signature.valid ? 'valid' : 'invalid'}>
      <ListItemText
        primary={
          <>
            {signature.signer}{' '}
            <Chip size="small" color={signature.valid ? 'success' : 'error'} label={translate(`${key}.${signature.valid ? 'valid' : 'invalid'}`)} />
          </>
        }
        secondary={
          <>
            {signature.signingTime && <Line>{translate(`${key}.signed_at`, { at: formatDateTime(signature.signingTime) })}</Line>}
            <Line>{translate(`${key}.certificate`, { subject: signature.subject ?? '', issuer: signature.issuer ?? '' })}</Line>
            <Line>{translate(`${key}.${signature.coversWholeDocument ? 'covers_all' : 'later_changes'}`)}</Line>
            {signature.problems.map((problem) => (
              <Line key={problem.code} error>
                {problem.message}
              </Line>
            ))}
          </>
        }
      />
    </ListItem>
  );
};

const Line = ({ children, error = false }: { children: React.ReactNode; error?: boolean }) => (
  <Typography component="span" variant="caption" sx={{ display: 'block', color: error ? 'error.main' : 'text.secondary', wordBreak: 'break-word' }}>
    {children}
  </Typography>
);
