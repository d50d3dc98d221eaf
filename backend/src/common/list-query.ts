import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { invalid } from './app-error';
import { cleanInput } from './input-text';
import { isUuid } from './parse-id.pipe';

/** One page of a list request in ra-data-simple-rest's shape: `range`, `sort`, `filter` query parameters. */
export interface ListQuery {
  offset: number;
  limit: number;
  sortField: string;
  sortOrder: 'ASC' | 'DESC';
  filter: Record<string, unknown>;
}

const MAX_PAGE = 1000;

/** How one list filter's value is checked: a value `accepts` refuses is a 400 `filter.<name>: reason`. */
export interface FilterRule {
  reason: string;
  accepts: (value: unknown) => boolean;
}

const INT4_MAX = 2_147_483_647;
const rule = (reason: string, accepts: (value: unknown) => boolean): FilterRule => ({ reason, accepts });

/** The kinds of filter values: each list declares its filters with these, so no value reaches a query unchecked. */
export const Filter = {
  uuid: rule('phải là mã định danh (UUID) hợp lệ', isUuid),
  text: rule('phải là chuỗi ký tự', (value) => typeof value === 'string'),
  /** a number or its digits (react-admin's select inputs send either), small enough for an integer column */
  integer: rule('phải là số nguyên', (value) => {
    const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    return Number.isInteger(number) && Math.abs(number as number) <= INT4_MAX;
  }),
  boolean: rule('phải là true hoặc false', (value) => [true, false, 'true', 'false'].includes(value as string)),
  oneOf: (values: readonly string[]) => rule(`phải là một trong: ${values.join(', ')}`, (value) => values.includes(value as string)),
  /** one value or a list of them, as react-admin's getMany sends `{"id": [...]}` */
  many: ({ reason, accepts }: FilterRule) =>
    rule(`${reason} (một giá trị hoặc danh sách)`, (value) => (Array.isArray(value) ? value.length <= MAX_PAGE && value.every(accepts) : accepts(value))),
  nullable: ({ reason, accepts }: FilterRule) => rule(`${reason} hoặc null`, (value) => value === null || accepts(value)),
};

export interface ListOptions {
  sortable: string[];
  defaultSort: string;
  /** every filter the list understands; any other is a 400 */
  filters: Record<string, FilterRule>;
}

/**
 * `@ListParams({ sortable: ['name', 'level'], defaultSort: 'name', filters: { level: Filter.oneOf(LEVELS) } })` parses
 * `?range=[0,24]&sort=["name","ASC"]&filter={}`, accepting only the listed sort fields and filters with values
 * of their kind; a malformed parameter is a 400 naming it (`filter.level`).
 */
export const ListParams = createParamDecorator(({ sortable, defaultSort, filters }: ListOptions, ctx: ExecutionContext): ListQuery => {
  const query = ctx.switchToHttp().getRequest<Request>().query;
  const rangeReason = `phải là [đầu, cuối] số nguyên, tối đa ${MAX_PAGE} dòng`;
  const [start, end] = parsePair(query.range, 'range', [0, 24], rangeReason) as [number, number];
  if (![start, end].every(Number.isSafeInteger) || start < 0 || end < start || end - start >= MAX_PAGE) throw invalid({ range: rangeReason });
  const sortReason = `chỉ sắp xếp được theo: ${sortable.join(', ')} (ASC hoặc DESC)`;
  const [sortField, sortOrder] = parsePair(query.sort, 'sort', [defaultSort, 'ASC'], sortReason).map(String);
  if (!sortable.includes(sortField) || !['ASC', 'DESC'].includes(sortOrder.toUpperCase())) throw invalid({ sort: sortReason });
  return { offset: start, limit: end - start + 1, sortField, sortOrder: sortOrder.toUpperCase() as 'ASC' | 'DESC', filter: parseFilter(query.filter, filters) };
});

/** The filter object, cleaned like any request value (cleanInput), each value checked by its list's rule. */
function parseFilter(raw: unknown, rules: Record<string, FilterRule>): Record<string, unknown> {
  const filter = raw === undefined || raw === '' ? {} : cleanInput(parseJson(raw, 'filter'), 'filter', 'filter');
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw invalid({ filter: 'phải là một đối tượng JSON' });
  for (const [name, value] of Object.entries(filter)) {
    const known = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!known) throw invalid({ [`filter.${name}`]: `không có bộ lọc này; lọc được theo: ${Object.keys(rules).join(', ')}` });
    if (!known.accepts(value)) throw invalid({ [`filter.${name}`]: known.reason });
  }
  return filter as Record<string, unknown>;
}

/** `range` and `sort`: a JSON array of two; absent, the fallback. */
function parsePair(raw: unknown, name: string, fallback: [unknown, unknown], reason: string): [unknown, unknown] {
  if (raw === undefined || raw === '') return fallback;
  const pair = parseJson(raw, name);
  if (!Array.isArray(pair) || pair.length !== 2) throw invalid({ [name]: reason });
  return pair as [unknown, unknown];
}

function parseJson(raw: unknown, name: string): unknown {
  try {
    return JSON.parse(String(raw));
  } catch {
    throw invalid({ [name]: 'không phải JSON hợp lệ' });
  }
}

/** A page of a list; the interceptor answers its items with the `Content-Range` header react-admin reads. */
export class Page<T> {
  constructor(
    readonly resource: string,
    readonly items: T[],
    readonly total: number,
    readonly offset: number,
  ) {}
}

@Injectable()
export class ContentRangeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result) => {
        if (!(result instanceof Page)) return result;
        const last = result.items.length ? result.offset + result.items.length - 1 : result.offset;
        context.switchToHttp().getResponse<Response>().setHeader('Content-Range', `${result.resource} ${result.offset}-${last}/${result.total}`);
        return result.items;
      }),
    );
  }
}
