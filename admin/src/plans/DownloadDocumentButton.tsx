import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useRecordContext, useTranslate, type HttpError } from 'react-admin';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { Plan } from '../types';

function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The DOCX: marked "DỰ THẢO" before issue, the stored issued document after. */
export const DownloadDocumentButton = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useKehoachDataProvider();
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.downloadDocument(plan!.id),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName),
    onError: (error: HttpError) => notify(error.message || 'resources.plans.document.download_failed', { type: 'error' }),
  });
  if (!plan) return null;
  return (
    <Button size="small" variant="outlined" startIcon={<DownloadIcon />} onClick={() => mutate()} disabled={isPending} data-testid="download-docx">
      {translate(plan.number ? 'resources.plans.document.download_issued' : 'resources.plans.document.download_draft')}
    </Button>
  );
};
