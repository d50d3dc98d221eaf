import { useRecordContext, useTranslate } from 'react-admin';
import { DownloadButton } from '../common/DownloadButton';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { Plan } from '../types';

/** The DOCX: marked "DỰ THẢO" before issue, the stored issued document after. */
export const DownloadDocumentButton = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const dataProvider = useKehoachDataProvider();
  if (!plan) return null;
  return (
    <DownloadButton
      download={() => dataProvider.downloadDocument(plan.id)}
      label={translate(plan.number ? 'resources.plans.document.download_issued' : 'resources.plans.document.download_draft')}
      failedMessage="resources.plans.document.download_failed"
      testId="download-docx"
    />
  );
};
