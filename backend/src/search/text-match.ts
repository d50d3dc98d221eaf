import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import { searchWords, textQuery, type TextQuery } from '../core/search-text';

/**
 * What a typed text matches, as a filter on an entity that keeps its folded words in `search_vector`
 * (plans, incoming documents): the search box's rule — diacritics and case ignored, the last word a
 * prefix. Null when the text holds no word.
 */
export function textMatch<T>(typed: string): FilterQuery<T> | null {
  const words = searchWords(typed);
  return words.length ? matchesText<T>(textQuery(words)) : null;
}

/** The filter of a query already made of words (the search box ranks by the same query). */
export function matchesText<T>(text: TextQuery): FilterQuery<T> {
  const indexed = { [raw((alias: string) => `${alias}.search_vector @@ to_tsquery('simple', ?)`, [text.indexed])]: [] };
  if (!text.checked) return indexed as FilterQuery<T>;
  // ts_match_vq is what @@ calls; written as a function the planner checks it on the rows found instead of in the index.
  const checked = { [raw((alias: string) => `ts_match_vq(${alias}.search_vector, to_tsquery('simple', ?))`, [text.checked])]: [] };
  return { $and: [indexed, checked] } as FilterQuery<T>;
}
