/**
 * The plan list answers summaries (no body, signatures or actions). react-admin copies list rows
 * into its per-record cache, keyed with the query's `meta`: a meta of their own keeps summaries
 * out of the plan page's and the editor's cache. ra-data-simple-rest sends nothing for it.
 */
export const SUMMARY_QUERY = { meta: { summary: true } };
