import { useState, type ChangeEvent } from 'react';
import { Alert, AlertTitle, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import ImportIcon from '@mui/icons-material/FileOpen';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useTranslate, type HttpError } from 'react-admin';
import { problemsOf } from '../common/problemsOf';
import { httpClient } from '../dataProvider';
import type { PlanContent } from '../types';

/** What POST /api/plans/import answers: content for the editor (nothing is saved yet) and what to check. */
export interface ImportedPlan {
  content: PlanContent;
  warnings: string[];
}

type Source = { file: File } | { text: string };

async function importPlan(source: Source): Promise<ImportedPlan> {
  const body = 'file' in source ? fileForm(source.file) : JSON.stringify({ text: source.text });
  return (await httpClient('/api/plans/import', { method: 'POST', body })).json as ImportedPlan;
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/**
 * "Nhập từ Word / dán văn bản": a .docx or .txt picked, or text pasted, read by the server into a
 * plan's content that fills the create form. Nothing is saved until the drafter saves the form.
 */
export const ImportPlanButton = ({ onImported }: { onImported: (imported: ImportedPlan) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const { mutate, isPending } = useMutation({
    mutationFn: importPlan,
    onSuccess: (imported) => {
      setOpen(false);
      setText('');
      setProblems([]);
      onImported(imported);
    },
    onError: (error: HttpError) => {
      if (error.status === 400 || error.status === 413) setProblems(problemsOf(error));
      else notify(error.message || 'ra.notification.http_error', { type: 'error' });
    },
  });
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) mutate({ file });
  };
  return (
    <>
      <Button size="small" startIcon={<ImportIcon />} onClick={() => setOpen(true)} data-testid="import-plan">
        {translate('resources.plans.import.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('resources.plans.import.title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>{translate('resources.plans.import.explanation')}</Typography>
          <Button component="label" variant="contained" startIcon={<ImportIcon />} disabled={isPending}>
            {translate('resources.plans.import.pick_file')}
            <input hidden type="file" name="import-file" accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={onPick} />
          </Button>
          <TextField
            label={translate('resources.plans.import.paste')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            multiline
            minRows={8}
            maxRows={20}
            fullWidth
            sx={{ mt: 2 }}
            slotProps={{ htmlInput: { 'data-testid': 'import-text' } }}
          />
          {problems.length > 0 && (
            <Alert severity="error" sx={{ mt: 2 }} onClose={() => setProblems([])}>
              <AlertTitle>{translate('resources.plans.import.refused')}</AlertTitle>
              {problems.map((problem) => <div key={problem}>{problem}</div>)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={isPending || !text.trim()} onClick={() => mutate({ text })}>
            {translate('resources.plans.import.read_text')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The import's warnings above the filled form: what the drafter should check before saving. */
export const ImportWarnings = ({ warnings }: { warnings: string[] }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Alert severity={warnings.length ? 'warning' : 'success'} data-testid="import-warnings">
        <AlertTitle>{translate(warnings.length ? 'resources.plans.import.check' : 'resources.plans.import.done')}</AlertTitle>
        {warnings.length > 0 && (
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {warnings.map((warning) => <li key={warning}>{warning}</li>)}
          </Box>
        )}
      </Alert>
    </Box>
  );
};
