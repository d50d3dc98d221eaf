import { invalid } from '../common/app-error';
import type { Indicator } from '../core/plan-content';
import type { IndicatorValue } from './report.entity';

const TEXT_MAX = 5000;

/**
 * Checks each value against its indicator's type — integers ≥ 0, decimals ≥ 0, percentages 0–100, text — and
 * refuses codes the form does not have; errors are keyed `values.<code>`. Empty values are allowed
 * (a draft may be partial) and stored as null.
 */
export function validateValues(indicators: Indicator[], values: Record<string, unknown>): Record<string, IndicatorValue> {
  const errors: Record<string, string> = {};
  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  for (const code of Object.keys(values)) {
    if (!byCode.has(code)) errors[`values.${code}`] = 'biểu báo cáo không có chỉ tiêu này';
  }
  const clean: Record<string, IndicatorValue> = {};
  for (const indicator of indicators) {
    const raw = values[indicator.code];
    const reason = raw === undefined || raw === null || raw === '' ? null : problemWith(indicator, raw);
    if (reason) errors[`values.${indicator.code}`] = `"${indicator.label}" ${reason}`;
    else clean[indicator.code] = raw === undefined || raw === '' ? null : (raw as IndicatorValue);
  }
  if (Object.keys(errors).length) throw invalid(errors);
  return clean;
}

function problemWith(indicator: Indicator, value: unknown): string | null {
  switch (indicator.type) {
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? null : 'phải là số nguyên không âm';
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : 'phải là số không âm (có thể có phần thập phân, như 12,5)';
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? null : 'phải là tỷ lệ phần trăm từ 0 đến 100';
    case 'text':
      return typeof value === 'string' && value.length <= TEXT_MAX ? null : `phải là văn bản, tối đa ${TEXT_MAX} ký tự`;
  }
}

/** Totals across organisations: integers and decimals add up, percentages average, text answers are counted. */
export function totalsOf(indicators: Indicator[], reports: Record<string, IndicatorValue>[]): Record<string, number | null> {
  return Object.fromEntries(
    indicators.map((indicator) => {
      const present = reports.map((values) => values[indicator.code]).filter((v) => v !== null && v !== undefined && v !== '');
      if (indicator.type === 'text') return [indicator.code, present.length];
      const numbers = present as number[];
      const sum = numbers.reduce((a, b) => a + b, 0);
      if (indicator.type === 'percent') return [indicator.code, numbers.length ? Math.round((sum / numbers.length) * 100) / 100 : null];
      // Decimals added in binary float drift (0,1 + 0,2); figures are typed with a few decimals at most.
      return [indicator.code, indicator.type === 'decimal' ? Math.round(sum * 1e6) / 1e6 : sum];
    }),
  );
}
