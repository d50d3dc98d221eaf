import { ArgumentMetadata, Injectable, Optional, PipeTransform } from '@nestjs/common';
import { invalid } from './app-error';

/** Digits only, few enough to fit a PostgreSQL integer: a larger number would fail in the query, not here. */
const SMALL_NATURAL = /^\d{1,9}$/;

/**
 * A whole-number path or query parameter (`/versions/:n`, `?from=2`): anything else is a 400 naming it.
 * The value may already be a number (the global pipe converts parameters typed `number`, "abc" to NaN).
 * `optional`: an absent parameter stays undefined.
 */
@Injectable()
export class ParseIntParamPipe implements PipeTransform<unknown, number | undefined> {
  constructor(@Optional() private readonly options: { optional?: boolean } = {}) {}

  transform(value: unknown, { data }: ArgumentMetadata): number | undefined {
    if (value === undefined && this.options.optional) return undefined;
    if (!SMALL_NATURAL.test(String(value))) throw invalid({ [data ?? 'value']: 'phải là số nguyên không âm' });
    return Number(value);
  }
}
