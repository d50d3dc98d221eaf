import { incomingCitation, type CitedDocument } from '../core/incoming-documents';
import type { PlanContent } from '../core/plan-content';
import { bodyNameInSentence } from '../core/vietnamese-text';
import type { Organisation } from '../organisations/organisation.entity';

/**
 * The draft implementing a document received from outside the system: title and first preamble line
 * cite the register entry ("Thực hiện Kế hoạch số 12/KH-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh …
 * về …"), then the organisation's own statement; the usual three parts to fill in; no parent plan (the
 * cited document is not a plan of the system), the committees directly below as recipients.
 */
export function implementingOutsideDocument(document: CitedDocument, own: Organisation, children: Organisation[]): PlanContent {
  const citation = incomingCitation(document);
  return {
    kind: 'plan',
    issuerId: own.id,
    coIssuerIds: [],
    heading: null,
    title: `Thực hiện ${citation}`,
    place: own.place,
    preamble: [`Thực hiện ${citation};`, `${bodyNameInSentence(own.bodyName)} ${own.name} xây dựng Kế hoạch thực hiện như sau:`],
    preambleKinds: ['basis', 'statement'],
    body: [
      { type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'heading1', text: 'NỘI DUNG' },
      { type: 'heading1', text: 'TỔ CHỨC THỰC HIỆN' },
    ],
    closing: [],
    signer: { authority: own.signatureAuthority, deputy: null, title: own.signerTitle },
    recipients: [
      { label: document.sender, note: 'b/c', orgIds: [] },
      ...(children.length ? [{ label: 'Ủy ban MTTQ các đơn vị trực thuộc', note: null, orgIds: children.map((c) => c.id) }] : []),
    ],
    archive: 'Lưu: VT.',
    reporting: [],
    form: null,
    parentPlanId: null,
  };
}
