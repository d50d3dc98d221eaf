import type { ReactNode } from 'react';
import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useMutation } from '@tanstack/react-query';
import { useNotify, type HttpError } from 'react-admin';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** Hands a fetched file to the browser as a download. */
function saveFile({ blob, fileName }: DownloadedFile) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface DownloadButtonProps {
  /** Fetches the file, so that a refusal can be shown as the server words it (a plain link would show a JSON page). */
  download: () => Promise<DownloadedFile>;
  label: ReactNode;
  /** Shown when the server gives no message of its own. */
  failedMessage: string;
  testId?: string;
  size?: 'small' | 'medium';
  /** the main download of a page is `contained` */
  variant?: 'contained' | 'outlined';
}

/** A button that downloads a file the API answers; the server's refusal is shown as it words it. */
export const DownloadButton = ({ download, label, failedMessage, testId, size = 'small', variant = 'outlined' }: DownloadButtonProps) => {
  const notify = useNotify();
  const { mutate, isPending } = useMutation({
    mutationFn: download,
    onSuccess: saveFile,
    onError: (error: HttpError) => notify(error.message || failedMessage, { type: 'error' }),
  });
  return (
    <Button size={size} variant={variant} startIcon={<DownloadIcon />} onClick={() => mutate()} disabled={isPending} data-testid={testId}>
      {label}
    </Button>
  );
};
