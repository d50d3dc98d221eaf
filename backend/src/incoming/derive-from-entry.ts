import { incomingCitation, type CitedDocument } from '../core/incoming-documents';
import type { PlanContent } from '../core/plan-content';
import type { Organisation } from '../organisations/organisation.entity';
import { implementingDraft } from '../plans/derive';

/**
 * The draft implementing a document received from outside the system: title and first preamble line
 * cite the register entry ("Thực hiện Kế hoạch số 12/KH-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh …
 * về …"), then the organisation's own statement; the usual three parts to fill in; no parent plan (the
 * cited document is not a plan of the system), the committees directly below as recipients.
 */
export function implementingOutsideDocument(document: CitedDocument, own: Organisation, children: Organisation[]): PlanContent {
  return {
    ...implementingDraft(incomingCitation(document), document.sender, own, children),
    body: [
      { type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'heading1', text: 'NỘI DUNG' },
      { type: 'heading1', text: 'TỔ CHỨC THỰC HIỆN' },
    ],
  };
}
