import { bodyNameInSentence, lowerFirstWord } from '../core/vietnamese-text';
import { planCitation } from '../core/plan-citation';
import { vietnamDay, workingDaysBefore } from '../core/reporting-calendar';
import type { Organisation } from '../organisations/organisation.entity';
import type { PlanContent, ReportingDeadline } from '../core/plan-content';
import type { Plan } from './plan.entity';
import type { ReportingRound } from './reporting-round.entity';

/**
 * How many working days before the parent's deadline the deriving unit's own falls: the unit gathers
 * its committees' reports, then reports up in time (a working week).
 */
export const REPORT_UP_LEAD_WORKING_DAYS = 5;

/**
 * The draft of an implementing plan (kế hoạch thực hiện) that a recipient derives from a plan it
 * received. Its title and first preamble line cite the parent as the seeds and the real plans cite a
 * document — "Thực hiện Kế hoạch số 224/KH-MTTQ-BTT ngày 05/4/2022 của Ban Thường trực Ủy ban MTTQ
 * Việt Nam tỉnh Sơn La về …" (no comma before "ngày") — then the deriving unit's own statement line;
 * the body is copied for editing, and the recipients default to the committees directly below it.
 * Each deadline names the parent's round it reports to (`parentRounds`, by position: the parent's list
 * as distributed) and falls before the parent's.
 */
export function implementingPlanContent(parent: Plan, own: Organisation, children: Organisation[], parentRounds: ReportingRound[], now = new Date()): PlanContent {
  // The parent's issuer as the parent names it: a later rename or merge does not rewrite what was issued.
  const issuer = parent.issuedAs?.issuer ?? parent.issuer;
  const citation = `${planCitation({ number: parent.number!, symbol: parent.symbol, issuedAt: parent.issuedAt!, issuer })} về ${lowerFirstWord(parent.title)}`;
  return {
    ...implementingDraft(citation, `${bodyNameInSentence(issuer.bodyName)} ${issuer.name}`, own, children),
    body: parent.content.body.map((block) => ({ ...block })),
    reporting: parent.content.reporting.map((r, i) => ({
      name: r.name,
      dueDate: reportUpBy(r, vietnamDay(now)),
      ...(parentRounds[i] && { parentRoundId: parentRounds[i].id }),
    })),
    form: parent.content.form ? { ...parent.content.form, indicators: parent.content.form.indicators.map((i) => ({ ...i })) } : null,
    parentPlanId: parent.id,
  };
}

/**
 * Any implementing plan's frame: titled and opened by the citation of what it implements, then the
 * deriving unit's statement; sent for information (b/c) to who issued that, and to the committees
 * directly below; its body, deadlines and form empty until the caller fills them.
 */
export function implementingDraft(citation: string, citedIssuer: string, own: Organisation, children: Organisation[]): PlanContent {
  return {
    kind: 'plan',
    issuerId: own.id,
    coIssuerIds: [],
    heading: null,
    title: `Thực hiện ${citation}`,
    place: own.place,
    preamble: [`Thực hiện ${citation};`, `${bodyNameInSentence(own.bodyName)} ${own.name} xây dựng Kế hoạch thực hiện như sau:`],
    preambleKinds: ['basis', 'statement'],
    body: [],
    closing: [],
    signer: { authority: own.signatureAuthority, deputy: null, title: own.signerTitle },
    recipients: [
      { label: citedIssuer, note: 'b/c', orgIds: [] },
      ...(children.length ? [{ label: 'Ủy ban MTTQ các đơn vị trực thuộc', note: null, orgIds: children.map((c) => c.id) }] : []),
    ],
    archive: 'Lưu: VT.',
    reporting: [],
    form: null,
    parentPlanId: null,
  };
}

/** The unit's own deadline: a working week before the parent's, yet not already past (the plan must still go out). */
function reportUpBy(parentDeadline: ReportingDeadline, today: string): string {
  const earlier = workingDaysBefore(parentDeadline.dueDate, REPORT_UP_LEAD_WORKING_DAYS);
  return earlier < today ? today : earlier;
}
