import { useState } from 'react';
import { Alert, AlertTitle, Box } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useTranslate, type HttpError } from 'react-admin';
import { FilePickButton } from '../common/FilePickButton';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { OrganisationTemplate, TemplateKind } from '../types';
import { useRefreshTemplates } from './useTemplates';

/** A refused upload (400): the summary (`errors.file`), then every problem the format check found (`errors["file.N"]`). */
interface Refusal {
  summary: string;
  problems: string[];
}

function refusalOf(error: HttpError): Refusal {
  const errors: Record<string, string> = error.body?.errors ?? {};
  const problems = Object.entries(errors)
    .filter(([field]) => field !== 'file')
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([, message]) => message);
  return { summary: errors.file ?? error.message, problems };
}

/** Picks a .docx and uploads it as the kind's new version; the server checks it against the document format first. */
export const TemplateUpload = ({ organisationId, kind }: { organisationId: string; kind: TemplateKind }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const methods = useKehoachDataProvider();
  const refresh = useRefreshTemplates(organisationId);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: (file: File) => methods.uploadTemplate(organisationId, kind, file),
    onSuccess: (template: OrganisationTemplate) => {
      setRefusal(null);
      notify('resources.organisations.templates.uploaded', { type: 'success', messageArgs: { version: template.version } });
      void refresh();
    },
    onError: (error: HttpError) => {
      if (error.status === 400) setRefusal(refusalOf(error));
      else notify(error.message || 'ra.notification.http_error', { type: 'error' });
    },
  });
  return (
    <>
      <FilePickButton
        label={translate('resources.organisations.templates.upload')}
        name={`template-${kind}`}
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        disabled={isPending}
        onPick={(file) => mutate(file)}
      />
      {refusal && (
        <Box sx={{ flexBasis: '100%' }}>
          <Alert severity="error" onClose={() => setRefusal(null)} data-testid="template-refused">
            <AlertTitle>{refusal.summary}</AlertTitle>
            {refusal.problems.length > 0 && (
              <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
                {refusal.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </Box>
            )}
          </Alert>
        </Box>
      )}
    </>
  );
};
