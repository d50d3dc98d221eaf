import { EntityManager, FilterQuery, QBFilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { invalid } from '../common/app-error';
import { formatDocumentNumber } from '../core/document-number';
import { plainText } from '../core/inline-markup';
import { matchRanges, searchWords, snippetOf, type Snippet, type TextRange } from '../core/search-text';
import { accessiblePlansWhere } from '../plans/plan-access';
import { Plan } from '../plans/plan.entity';

const DEFAULT_HITS = 10;
/** How many of the newest matches are ranked. */
const RANK_POOL = 2000;

/** One thing found: a plan now; incoming documents join the same list with their own kind. */
export interface SearchHit {
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

/**
 * One search box over what the caller may read: the query folded like the stored words (diacritics and
 * case ignored, "đ" as "d"), each word a prefix so results come as people type; ranked by where the
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
    const readable = accessiblePlansWhere(this.abilities.createForUser(user), 'read');
    if (!readable) return [];
    const ids = await this.rankedPlanIds(readable, words.map((word) => `${word}:*`).join(' & '), limit);
    if (!ids.length) return [];
    const plans = await this.em.find(Plan, { id: { $in: ids } }, { populate: ['issuer'] });
    const byId = new Map(plans.map((plan) => [plan.id, plan]));
    return ids.map((id) => presentHit(byId.get(id)!, words));
  }

  /**
   * The best `limit` plans the caller may read whose words hold every query word (as a prefix), ranked
   * among the newest RANK_POOL matches: words that nearly every plan holds still answer at once, and
   * each word typed more narrows the matches to rank.
   */
  private async rankedPlanIds(readable: FilterQuery<Plan>, tsquery: string, limit: number): Promise<string[]> {
    const newestMatches = this.em
      .createQueryBuilder(Plan, 'p')
      .select(['p.id', 'p.updatedAt'])
      .where(readable as QBFilterQuery<Plan>)
      .andWhere(`p.search_vector @@ to_tsquery('simple', ?)`, [tsquery])
      .getKnexQuery()
      .select('p.search_vector')
      .orderBy('p.updated_at', 'desc')
      .limit(RANK_POOL);
    const query = this.em
      .getKnex()
      .select('m.id')
      .from(newestMatches.as('m'))
      .orderByRaw(`ts_rank_cd(m.search_vector, to_tsquery('simple', ?)) desc, m.updated_at desc`, [tsquery])
      .limit(limit);
    const rows = await this.em.getConnection().execute<{ id: string }[]>(query);
    return rows.map((row) => row.id);
  }
}

function presentHit(plan: Plan, words: string[]): SearchHit {
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
