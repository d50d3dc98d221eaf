/**
 * The reporting form's appendix as the templates fill it: the title, an optional subtitle, the
 * table's rows — section rows (STT I, II…), group rows (1, 2… within a section) and indicators
 * (1, 2… restarting at each section or group) — and an optional note under the table.
 */
import { toRoman } from '../../core/block-numbering';
import type { Indicator, ReportingForm } from '../../core/plan-content';
import { markupView, type MarkupView } from './inline-view';
import { upperCaseVietnamese } from '../../core/vietnamese-text';

/** One table row; exactly one of section, group, indicator is true. */
export interface FormRowView extends MarkupView {
  section: boolean;
  group: boolean;
  indicator: boolean;
  /** the STT column */
  number: string;
  /** empty on section and group rows */
  unit: string;
}

export interface FormView {
  formTitle: string;
  subtitle: MarkupView | false;
  /** the flat list, STT = code: for templates made before sections and groups */
  indicators: { code: string; label: string; unit: string }[];
  rows: FormRowView[];
  note: MarkupView | false;
}

const headingRow = (kind: 'section' | 'group', number: string, markup: string): FormRowView => ({
  ...markupView(markup),
  section: kind === 'section',
  group: kind === 'group',
  indicator: false,
  number,
  unit: '',
});

const indicatorRow = (indicator: Indicator, number: string): FormRowView => ({
  ...markupView(indicator.label),
  section: false,
  group: false,
  indicator: true,
  number,
  unit: indicator.unit,
});

/**
 * With sections or groups the STT is counted within them (as 000's form); a flat form, as written
 * before groups existed, prints each indicator's code, as it always has.
 */
function formRows(form: ReportingForm): FormRowView[] {
  const grouped = form.indicators.some((indicator) => indicator.section?.trim() || indicator.group?.trim());
  if (!grouped) return form.indicators.map((indicator) => indicatorRow(indicator, indicator.code));
  let sections = 0;
  let groups = 0;
  let items = 0;
  return form.indicators.flatMap((indicator) => {
    const rows: FormRowView[] = [];
    if (indicator.section?.trim()) {
      sections += 1;
      groups = 0;
      items = 0;
      rows.push(headingRow('section', toRoman(sections), indicator.section));
    }
    if (indicator.group?.trim()) {
      groups += 1;
      items = 0;
      rows.push(headingRow('group', String(groups), indicator.group));
    }
    items += 1;
    rows.push(indicatorRow(indicator, String(items)));
    return rows;
  });
}

export function formView(form: ReportingForm): FormView {
  return {
    formTitle: upperCaseVietnamese(form.title),
    subtitle: form.subtitle?.trim() ? markupView(form.subtitle) : false,
    indicators: form.indicators.map(({ code, label, unit }) => ({ code, label: markupView(label).text, unit })),
    rows: formRows(form),
    note: form.note?.trim() ? markupView(form.note) : false,
  };
}
