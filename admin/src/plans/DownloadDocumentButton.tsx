import { useRecordContext, useTranslate } from 'react-admin';
import { DownloadButton } from '../common/DownloadButton';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { Plan } from '../types';

/**
 * The PDF first — the document as issued and signed (Nghị định 30/2020 Điều 5), or the draft — and
 * the DOCX beside it, labelled as the editable copy.
 */
export const DownloadDocumentButton = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const dataProvider = useKehoachDataProvider();
  if (!plan) return null;
  const issued = Boolean(plan.number);
  return (
    <>
      <DownloadButton
        variant="contained"
        download={() => dataProvider.downloadPdf(plan.id)}
        label={translate(issued ? 'resources.plans.document.download_pdf_issued' : 'resources.plans.document.download_pdf_draft')}
        failedMessage="resources.plans.document.download_failed"
        testId="download-pdf"
      />
      <DownloadButton
        download={() => dataProvider.downloadDocument(plan.id)}
        label={translate(issued ? 'resources.plans.document.download_issued' : 'resources.plans.document.download_draft')}
        failedMessage="resources.plans.document.download_failed"
        testId="download-docx"
      />
    </>
  );
};
