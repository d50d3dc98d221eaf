import type { Indicator, IndicatorValue } from '../types';

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A value as a Vietnamese reader writes it: "1.250", "87,5", the text as typed; empty for none. */
export function formatValue(indicator: Pick<Indicator, 'type'>, value: IndicatorValue | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return indicator.type === 'percent' ? `${number.format(value)} %` : number.format(value);
  return value;
}

/** What an input shows for a stored value: numbers with a decimal comma, no grouping, so they can be edited. */
export function toInputText(value: IndicatorValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value).replace('.', ',') : value;
}

const NUMERIC = /^-?\d+(?:[.,]\d+)?$/;

/**
 * What is sent for a typed value: a number for numeric indicators when it reads as one ("87,5"
 * too), the text otherwise. Whether it fits the indicator (integer ≥ 0, 0–100) is the server's
 * call, and its message shows under the input.
 */
export function fromInputText(indicator: Indicator, text: string): IndicatorValue {
  const trimmed = text.trim();
  if (indicator.type === 'text') return trimmed === '' ? null : text;
  if (trimmed === '') return null;
  return NUMERIC.test(trimmed) ? Number(trimmed.replace(',', '.')) : trimmed;
}
