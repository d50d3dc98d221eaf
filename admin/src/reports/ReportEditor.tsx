import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Divider, Stack, TextField, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import { useGetIdentity, useTranslate } from 'react-admin';
import { InlineText } from '../common/InlineText';
import { StaleVersionDialog } from '../plans/StaleVersionDialog';
import type { MyReport } from '../types';
import { IndicatorInput } from './IndicatorInput';
import { RevisionsDialog } from './RevisionsDialog';
import { useReportEditor } from './useReportEditor';

interface ReportEditorProps {
  planId: string;
  mine: MyReport;
  /** the round is closed or the plan no longer collects reports */
  readOnly: boolean;
}

/** The form's indicators and the note, with "save as draft" and "submit" (or "save the correction" once submitted). */
export const ReportEditor = ({ planId, mine, readOnly }: ReportEditorProps) => {
  const translate = useTranslate();
  const editor = useReportEditor(planId, mine);
  const submitted = mine.report?.state === 'submitted';
  return (
    <Card variant="outlined" data-testid="report-editor">
      <CardContent>
        {mine.form && (
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, textAlign: 'center', mb: 1 }}>
            <InlineText text={mine.form.title} />
          </Typography>
        )}
        {!editor.indicators.length && (
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
            {translate('kehoach.reports.form.no_indicators')}
          </Typography>
        )}
        <Stack divider={<Divider flexItem />}>
          {editor.indicators.map((indicator) => (
            <IndicatorInput
              key={indicator.code}
              indicator={indicator}
              value={editor.texts[indicator.code] ?? ''}
              onChange={(text) => editor.setText(indicator.code, text)}
              error={editor.errors[indicator.code]}
              readOnly={readOnly}
            />
          ))}
        </Stack>
        <TextField
          name="note"
          label={translate('kehoach.reports.form.note')}
          helperText={readOnly ? undefined : translate('kehoach.reports.form.note_helper')}
          value={editor.note}
          onChange={(event) => editor.setNote(event.target.value)}
          disabled={readOnly}
          multiline
          minRows={3}
          fullWidth
          margin="normal"
        />
        {editor.errors[''] && <Alert severity="error" sx={{ mb: 1 }}>{editor.errors['']}</Alert>}
        {editor.refusal && (
          <Alert severity="warning" sx={{ mb: 1 }} data-testid="report-refused">
            {editor.refusal}
          </Alert>
        )}
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 1 }}>
          {!readOnly && !submitted && (
            <Button variant="outlined" onClick={() => editor.save(false)} disabled={editor.isSaving} data-testid="report-save-draft">
              {translate('kehoach.reports.form.save_draft')}
            </Button>
          )}
          {!readOnly && (
            <Button variant="contained" onClick={() => editor.save(true)} disabled={editor.isSaving} data-testid="report-submit">
              {translate(submitted ? 'kehoach.reports.form.save_correction' : 'kehoach.reports.form.submit')}
            </Button>
          )}
          <Box sx={{ flex: 1 }} />
          {mine.report && <OwnRevisionsButton planId={planId} mine={mine} />}
        </Stack>
      </CardContent>
      {editor.staleMessage && (
        <StaleVersionDialog message={editor.staleMessage} onReload={editor.reload} onClose={editor.closeStale} messages="kehoach.reports.stale_version" />
      )}
    </Card>
  );
};

/** The organisation's own saves of this report, as the issuer would see them. */
const OwnRevisionsButton = ({ planId, mine }: { planId: string; mine: MyReport }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  const organisation = identity?.organisation as { id: string; name: string } | undefined;
  if (!organisation) return null;
  return (
    <>
      <Button size="small" startIcon={<HistoryIcon />} onClick={() => setOpen(true)}>
        {translate('kehoach.reports.form.history')}
      </Button>
      {open && (
        <RevisionsDialog
          planId={planId}
          deadline={mine.deadline}
          organisation={organisation}
          indicators={mine.form?.indicators ?? []}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};
