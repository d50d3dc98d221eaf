import { NUMBERED_BLOCK_TYPES, preambleKindsOf, type PreambleKind } from '@backend/core/plan-content';
import type { Organisation, PlanContent } from '../types';

/** A preamble line as the form edits it: its text and its kind together, so they move together. */
export interface PreambleLine {
  text: string;
  kind: PreambleKind;
}

type FormValues = Partial<PlanContent> & { preambleLines?: Partial<PreambleLine>[] } & Record<string, unknown>;

const texts = (values: unknown): string[] => (Array.isArray(values) ? values.map((value) => String(value ?? '')) : []);

/** The form's values for a plan's content: the preamble as lines with their kinds. */
export function toFormValues<T extends Pick<PlanContent, 'preamble' | 'preambleKinds'>>(content: T): T & { preambleLines: PreambleLine[] } {
  const kinds = preambleKindsOf(content);
  return { ...content, preambleLines: content.preamble.map((text, i) => ({ text, kind: kinds[i] })) };
}

/**
 * The preamble's two lists; the kinds are left out when they say what a plan without kinds means,
 * so that saving an older plan unchanged keeps its content (and its hash, and its signatures).
 */
function preambleOf(lines: Partial<PreambleLine>[]): Pick<PlanContent, 'preamble' | 'preambleKinds'> {
  const preamble = lines.map((line) => line.text ?? '');
  const preambleKinds = lines.map((line) => line.kind ?? 'basis');
  const implied = preambleKindsOf({ preamble });
  return preambleKinds.every((kind, i) => kind === implied[i]) ? { preamble } : { preamble, preambleKinds };
}


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
    ...(values.preambleLines ? preambleOf(values.preambleLines) : { preamble: texts(values.preamble) }),
    body: (values.body ?? []).map((block) => {
      const type = block?.type ?? 'paragraph';
      const asParagraph = Boolean(block?.asParagraph) && NUMBERED_BLOCK_TYPES.includes(type);
      return { type, text: block?.text ?? '', ...(asParagraph ? { asParagraph } : {}) };
    }),
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
    // parentRoundId (an implementing plan's link to the parent's round) travels with its deadline when reordered.
    reporting: (values.reporting ?? []).map(({ name, dueDate, parentRoundId }) => ({ name: name ?? '', dueDate: dueDate ?? '', ...(parentRoundId && { parentRoundId }) })),
    form: indicators.length ? toForm(values.form!, indicators) : null,
    parentPlanId: values.parentPlanId ?? null,
  };
}

/** The form: optional lines and headings only when written, as the API stores them. */
function toForm(form: NonNullable<PlanContent['form']>, indicators: NonNullable<PlanContent['form']>['indicators']): NonNullable<PlanContent['form']> {
  const optional = (key: string, value: string | undefined | null) => (value?.trim() ? { [key]: value } : {});
  return {
    title: form.title ?? '',
    ...optional('subtitle', form.subtitle),
    // A row just added is empty until typed in: the live preview renders it meanwhile.
    indicators: indicators.map(({ code, label, unit, type, section, group }) => ({
      code: code ?? '', label: label ?? '', unit: unit ?? '', type: type ?? 'integer', ...optional('section', section), ...optional('group', group),
    })),
    ...optional('note', form.note),
  };
}

/** A new draft: its content and, when chosen, its drafting unit (else the server gives the drafter's own). */
export const toPlanDraft = (values: FormValues) => ({
  ...toPlanContent(values),
  ...(values.draftingUnitId === undefined ? {} : { draftingUnitId: (values.draftingUnitId as string | null) ?? null }),
});

/** An edit sends the whole content, its unit and the version it was made from (409 when someone saved first). */
export const toPlanUpdate = (values: FormValues & { version?: number }) => ({ ...toPlanDraft(values), version: values.version });

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
