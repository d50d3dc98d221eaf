import { Box, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { EditButton, Loading, ShowBase, Title, useRecordContext, useShowContext, useTranslate } from 'react-admin';
import { formatLongDate } from '../common/dates';
import { ReportingPanel } from '../reports/ReportingPanel';
import type { Plan } from '../types';
import { ActionButtons } from './ActionButtons';
import { ChangesSinceSigned } from './ChangesSinceSigned';
import { DocumentPreview } from './DocumentPreview';
import { DistributionPanel } from './DistributionPanel';
import { DownloadDocumentButton } from './DownloadDocumentButton';
import { ImplementingPlansPanel } from './ImplementingPlansPanel';
import { RecallBanner } from './RecallBanner';
import { ReplaceButton, ReplacementBanner } from './Replacement';
import { CorrectionsPanel } from './CorrectionsPanel';
import { RecipientActions } from './RecipientActions';
import { PdfSignaturesPanel } from './PdfSignaturesPanel';
import { SignaturesPanel } from './SignaturesPanel';
import { StatusChip } from './StatusChip';
import { Timeline } from './Timeline';
import { VersionsPanel } from './VersionsPanel';
import { usePreviewInput } from './usePreviewInput';

/** The plan page: where it stands and what the caller can do, beside the document as it will read. */
export const PlanShow = () => (
  <ShowBase>
    <PlanPage />
  </ShowBase>
);

const PlanPage = () => {
  const { record: plan, isPending, defaultTitle } = useShowContext<Plan>();
  if (isPending) return <Loading />;
  if (!plan) return null;
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2 }}>
      <Title title={defaultTitle} />
      <RecallBanner />
      <ReplacementBanner />
      <PlanSummary />
      <ChangesSinceSigned />
      <ReportingPanel />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <PlanDocument plan={plan} />
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <SignaturesPanel />
            <PdfSignaturesPanel />
            <DistributionPanel />
            <CorrectionsPanel />
            <ImplementingPlansPanel />
            <Timeline />
            <VersionsPanel />
          </Stack>
        </Grid>
      </Grid>
    </Box>
  );
};

/** Title, state, number, issuer, and every button the caller may press. */
const PlanSummary = () => {
  const plan = useRecordContext<Plan>()!;
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
          <StatusChip />
          <Chip size="small" variant="outlined" label={translate(`resources.plans.kinds.${plan.kind}`)} />
          {plan.number && (
            <Typography variant="body2" data-testid="plan-number">
              {translate('resources.plans.summary.number', { number: plan.number })}
            </Typography>
          )}
          {plan.issuedAt && <Typography variant="body2">{formatLongDate(plan.issuedAt)}</Typography>}
        </Stack>
        <Typography variant="h6" component="h1" sx={{ lineHeight: 1.3 }}>
          {plan.title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {plan.issuerNameAsIssued}
          {plan.draftingUnit && ` · ${translate('resources.plans.summary.drafting_unit', { name: plan.draftingUnit.name })}`}
          {' · '}
          {translate('resources.plans.summary.version', { version: plan.contentVersion })}
        </Typography>
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <ActionButtons />
          <RecipientActions />
          <ReplaceButton />
          <EditButton variant="outlined" />
          <DownloadDocumentButton />
        </Stack>
      </CardContent>
    </Card>
  );
};

const PlanDocument = ({ plan }: { plan: Plan }) => {
  const input = usePreviewInput(plan, plan);
  return input ? <DocumentPreview input={input} /> : null;
};
