import { EntityManager, FilterQuery, QBFilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { invalid } from '../common/app-error';
import { formatDocumentNumber } from '../core/document-number';
import { plainText } from '../core/inline-markup';
import { matchRanges, searchWords, snippetOf, textQuery, type Snippet, type TextQuery, type TextRange } from '../core/search-text';
import { accessibleIncomingWhere } from '../incoming/incoming-access';
import { IncomingDocument } from '../incoming/incoming-document.entity';
import { accessiblePlansWhere } from '../plans/plan-access';
import { matchesText } from './text-match';
import { Plan } from '../plans/plan.entity';

const DEFAULT_HITS = 10;
/** How many of the newest matches are ranked. */
const RANK_POOL = 500;

/** One thing found: a plan, or an entry of the caller's incoming register. */
export type SearchHit = PlanHit | IncomingHit;

export interface PlanHit {
  kind: 'plan';
  id: string;
  title: string;
  /** where the title matched the query */
  titleHighlights: TextRange[];
  /** "02/KH-MTTQ-BTT" once issued */
  number: string | null;
  issuer: string;
  status: Plan['status'];
  /** the first paragraph that matched, cut around the match; null when only the title, number or issuer did */
  snippet: Snippet | null;
  updatedAt: Date;
}

/** An incoming document: its summary as title, its number and symbol (and arrival number), its sender. */
export interface IncomingHit {
  kind: 'incoming';
  id: string;
  title: string;
  titleHighlights: TextRange[];
  /** "224/KH-MTTQ-BTT" */
  number: string;
  arrivalNumber: number;
  issuer: string;
  status: IncomingDocument['status'];
  /** the sender, marked, when it matched */
  snippet: Snippet | null;
  updatedAt: Date;
}

/** A match and its rank, before the two kinds are merged. */
interface Ranked {
  id: string;
  rank: number;
  updatedAt: Date;
}

/**
 * One search box over what the caller may read: the query folded like the stored words (diacritics and
 * case ignored, "đ" as "d"), the last word a prefix so results come as people type; ranked by where the
 * words are (title and number before issuer before text) and how close together, then by recency.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
  ) {}

  async search(user: AuthUser, query: string, limit = DEFAULT_HITS): Promise<SearchHit[]> {
    const words = searchWords(query);
    if (!words.length) throw invalid({ q: 'cần ít nhất một chữ hoặc số để tìm' });
    const text = textQuery(words);
    const ability = this.abilities.createForUser(user);
    const readablePlans = accessiblePlansWhere(ability, 'read');
    const readableIncoming = accessibleIncomingWhere(ability);
    const [plans, incoming] = await Promise.all([
      readablePlans ? this.ranked(Plan, readablePlans, text, limit) : [],
      readableIncoming ? this.ranked(IncomingDocument, readableIncoming, text, limit) : [],
    ]);
    // Both kinds are weighed alike (the number and the title or summary A, the issuer or sender B), so their ranks compare.
    const best = [...plans.map((hit) => ({ ...hit, kind: 'plan' as const })), ...incoming.map((hit) => ({ ...hit, kind: 'incoming' as const }))]
      .sort((a, b) => b.rank - a.rank || b.updatedAt.getTime() - a.updatedAt.getTime())
      .slice(0, limit);
    return this.present(best, words);
  }

  private async present(best: (Ranked & { kind: SearchHit['kind'] })[], words: string[]): Promise<SearchHit[]> {
    const idsOf = (kind: SearchHit['kind']) => best.filter((hit) => hit.kind === kind).map((hit) => hit.id);
    const [plans, entries] = await Promise.all([
      idsOf('plan').length ? this.em.find(Plan, { id: { $in: idsOf('plan') } }, { populate: ['issuer'] }) : [],
      idsOf('incoming').length ? this.em.find(IncomingDocument, { id: { $in: idsOf('incoming') } }) : [],
    ]);
    const planById = new Map(plans.map((plan) => [plan.id, plan]));
    const entryById = new Map(entries.map((entry) => [entry.id, entry]));
    return best.map((hit) => (hit.kind === 'plan' ? presentHit(planById.get(hit.id)!, words) : presentIncomingHit(entryById.get(hit.id)!, words)));
  }

  /**
   * The best `limit` plans or entries the caller may read whose words hold the query's, ranked among the
   * newest RANK_POOL matches: words that nearly every plan holds still answer at once, and each word typed
   * more narrows the matches to rank. The pool is sorted as (id, updated_at) alone, and only its rows are
   * read again for their words to rank: carrying every match's words through the sort cost more than both.
   */
  private async ranked<T extends Plan | IncomingDocument>(entity: new () => T, readable: FilterQuery<T>, text: TextQuery, limit: number): Promise<Ranked[]> {
    const knex = this.em.getKnex();
    const newestMatches = this.em
      .createQueryBuilder(entity, 'e')
      .select(['e.id', 'e.updatedAt'] as never)
      .where({ $and: [readable, matchesText<T>(text)] } as QBFilterQuery<T>)
      .getKnexQuery()
      .orderBy('e.updated_at', 'desc')
      .limit(RANK_POOL);
    const query = knex
      .select('m.id', 'm.updated_at')
      .select(knex.raw(`ts_rank_cd(words.search_vector, to_tsquery('simple', ?)) as rank`, [text.ranked]))
      .from(newestMatches.as('m'))
      .join(`${this.em.getMetadata().get(entity.name).tableName} as words`, 'words.id', 'm.id')
      .orderBy([{ column: 'rank', order: 'desc' }, { column: 'm.updated_at', order: 'desc' }])
      .limit(limit);
    const rows = await this.em.getConnection().execute<{ id: string; updated_at: Date | string; rank: number | string }[]>(query);
    return rows.map((row) => ({ id: row.id, rank: Number(row.rank), updatedAt: new Date(row.updated_at) }));
  }
}

function presentHit(plan: Plan, words: string[]): PlanHit {
  const { preamble, body, closing } = plan.content;
  const paragraphs = [...preamble, ...body.map((block) => block.text), ...closing].map(plainText);
  return {
    kind: 'plan',
    id: plan.id,
    title: plan.title,
    titleHighlights: matchRanges(plan.title, words),
    number: plan.number === null ? null : formatDocumentNumber(plan.number, plan.symbol),
    issuer: plan.issuer.name,
    status: plan.status,
    snippet: paragraphs.reduce<Snippet | null>((found, text) => found ?? snippetOf(text, words), null),
    updatedAt: plan.updatedAt,
  };
}

function presentIncomingHit(entry: IncomingDocument, words: string[]): IncomingHit {
  return {
    kind: 'incoming',
    id: entry.id,
    title: entry.summary,
    titleHighlights: matchRanges(entry.summary, words),
    number: entry.documentNumber,
    arrivalNumber: entry.arrivalNumber,
    issuer: entry.sender,
    status: entry.status,
    snippet: snippetOf(entry.sender, words),
    updatedAt: entry.updatedAt,
  };
}
