import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { invalid } from './app-error';

/** One page of a list request in ra-data-simple-rest's shape: `range`, `sort`, `filter` query parameters. */
export interface ListQuery {
  offset: number;
  limit: number;
  sortField: string;
  sortOrder: 'ASC' | 'DESC';
  filter: Record<string, unknown>;
}

const MAX_PAGE = 1000;

/**
 * `@ListParams({ sortable: ['name', 'level'], defaultSort: 'name' })` parses `?range=[0,24]&sort=["name","ASC"]&filter={}`,
 * accepting only the listed sort fields; a malformed parameter is a 400 naming it.
 */
export const ListParams = createParamDecorator(
  ({ sortable, defaultSort }: { sortable: string[]; defaultSort: string }, ctx: ExecutionContext): ListQuery => {
    const query = ctx.switchToHttp().getRequest<Request>().query;
    const [start, end] = parseJson<[number, number]>(query.range, 'range', [0, 24]);
    if (![start, end].every(Number.isInteger) || start < 0 || end < start || end - start >= MAX_PAGE) {
      throw invalid({ range: `phải là [đầu, cuối] số nguyên, tối đa ${MAX_PAGE} dòng` });
    }
    const [sortField, sortOrder] = parseJson<[string, string]>(query.sort, 'sort', [defaultSort, 'ASC']);
    if (!sortable.includes(sortField) || !['ASC', 'DESC'].includes(String(sortOrder).toUpperCase())) {
      throw invalid({ sort: `chỉ sắp xếp được theo: ${sortable.join(', ')} (ASC hoặc DESC)` });
    }
    const filter = parseJson<Record<string, unknown>>(query.filter, 'filter', {});
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw invalid({ filter: 'phải là một đối tượng JSON' });
    return { offset: start, limit: end - start + 1, sortField, sortOrder: String(sortOrder).toUpperCase() as 'ASC' | 'DESC', filter };
  },
);

function parseJson<T>(raw: unknown, name: string, fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  try {
    return JSON.parse(String(raw)) as T;
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
