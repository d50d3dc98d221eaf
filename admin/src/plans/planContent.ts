import type { Organisation, PlanContent } from '../types';

type FormValues = Partial<PlanContent> & Record<string, unknown>;

const texts = (values: unknown): string[] => (Array.isArray(values) ? values.map((value) => String(value ?? '')) : []);

/**
 * The content the API accepts (PlanContent, DESIGN §3) from the form's values: nothing else of the
 * record (status, signatures, …) is sent, empty optional parts become null, a single plan has no co-issuers.
 */
export function toPlanContent(values: FormValues): PlanContent {
  const kind = values.kind ?? 'plan';
  const indicators = values.form?.indicators ?? [];
  return {
    kind,
    issuerId: values.issuerId ?? '',
    coIssuerIds: kind === 'joint_plan' ? (values.coIssuerIds ?? []) : [],
    heading: values.heading?.trim() || null,
    title: values.title ?? '',
    place: values.place ?? '',
    preamble: texts(values.preamble),
    body: (values.body ?? []).map((block) => ({ type: block?.type ?? 'paragraph', text: block?.text ?? '' })),
    closing: texts(values.closing),
    signer: {
      authority: values.signer?.authority ?? '',
      deputy: values.signer?.deputy?.trim() || null,
      title: values.signer?.title ?? '',
    },
    recipients: (values.recipients ?? []).map(({ label, note, orgIds }) => ({
      label: label ?? '',
      note: note?.trim() || null,
      orgIds: orgIds ?? [],
    })),
    archive: values.archive ?? '',
    reporting: (values.reporting ?? []).map(({ name, dueDate }) => ({ name: name ?? '', dueDate: dueDate ?? '' })),
    form: indicators.length ? { title: values.form?.title ?? '', indicators } : null,
    parentPlanId: values.parentPlanId ?? null,
  };
}

/** An edit sends the whole content and the version it was made from (409 when someone saved first). */
export const toPlanUpdate = (values: FormValues & { version?: number }) => ({ ...toPlanContent(values), version: values.version });

/**
 * A new plan starts from the drafter's organisation (place, signature lines) and the three sections
 * every plan of the Front has.
 */
export function newPlanDefaults(organisation: Organisation, sectionTitles: string[], archive: string): PlanContent {
  return {
    kind: 'plan',
    issuerId: organisation.id,
    coIssuerIds: [],
    heading: null,
    title: '',
    place: organisation.place,
    preamble: [],
    body: sectionTitles.map((text) => ({ type: 'heading1', text })),
    closing: [],
    signer: { authority: organisation.signatureAuthority, deputy: null, title: organisation.signerTitle },
    recipients: [],
    archive,
    reporting: [],
    form: null,
    parentPlanId: null,
  };
}
