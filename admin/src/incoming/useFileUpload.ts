import { useRef } from 'react';
import { useNotify, type HttpError } from 'react-admin';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { WithFile } from './IncomingForm';

/**
 * The form's file goes up after the entry is saved (PUT /incoming-documents/:id/file, multipart):
 * `strip` takes it out of the JSON body, `upload` sends it; a refused file is said, the entry stays.
 */
export function useFileUpload() {
  const methods = useKehoachDataProvider();
  const notify = useNotify();
  const picked = useRef<File | null>(null);
  const strip = <T extends WithFile>({ file, ...rest }: T) => {
    picked.current = file?.rawFile ?? null;
    return rest;
  };
  const upload = async (id: string) => {
    if (!picked.current) return;
    try {
      await methods.uploadIncomingFile(id, picked.current);
    } catch (error) {
      notify('resources.incoming-documents.notifications.file_failed', { type: 'warning', messageArgs: { message: (error as HttpError).message } });
    }
  };
  return { strip, upload };
}
