import { formatShortDate } from '../core/vietnamese-date';
import { bodyNameInSentence } from '../core/vietnamese-text';
import { formatDocumentNumber } from '../core/document-number';
import type { Organisation } from '../organisations/organisation.entity';
import type { PlanContent } from '../core/plan-content';
import type { Plan } from './plan.entity';
import type { ReportingRound } from './reporting-round.entity';

/**
 * The draft of an implementing plan (kế hoạch thực hiện) that a recipient derives from a plan it
 * received: its preamble cites the parent — "Thực hiện Kế hoạch số 224/KH-MTTQ-BTT, ngày 05/4/2022
 * của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La …" — the body is copied for editing, and the
 * recipients default to the committees directly below the deriving organisation. Each deadline names
 * the parent's round it reports to (`parentRounds`, by position: the parent's list as distributed).
 */
export function implementingPlanContent(parent: Plan, own: Organisation, children: Organisation[], parentRounds: ReportingRound[]): PlanContent {
  const citation =
    `Thực hiện Kế hoạch số ${formatDocumentNumber(parent.number!, parent.symbol)}, ngày ${formatShortDate(parent.issuedAt!)} ` +
    `của ${bodyNameInSentence(parent.issuer.bodyName)} ${parent.issuer.name} về ${lowerFirst(parent.title)}, ` +
    `${bodyNameInSentence(own.bodyName)} ${own.name} xây dựng Kế hoạch thực hiện như sau:`;
  return {
    kind: 'plan',
    issuerId: own.id,
    coIssuerIds: [],
    heading: null,
    title: parent.title,
    place: own.place,
    preamble: [citation],
    body: parent.content.body.map((block) => ({ ...block })),
    closing: [],
    signer: { authority: own.signatureAuthority, deputy: null, title: own.signerTitle },
    recipients: [
      { label: `${bodyNameInSentence(parent.issuer.bodyName)} ${parent.issuer.name}`, note: 'b/c', orgIds: [] },
      ...(children.length ? [{ label: 'Ủy ban MTTQ các đơn vị trực thuộc', note: null, orgIds: children.map((c) => c.id) }] : []),
    ],
    archive: 'Lưu: VT.',
    reporting: parent.content.reporting.map((r, i) => ({ name: r.name, dueDate: r.dueDate, ...(parentRounds[i] && { parentRoundId: parentRounds[i].id }) })),
    form: parent.content.form ? { ...parent.content.form, indicators: parent.content.form.indicators.map((i) => ({ ...i })) } : null,
    parentPlanId: parent.id,
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
