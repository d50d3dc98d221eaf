/** The plan list, pre-filtered: what a dashboard card opens. */
export const planListLink = (filter: Record<string, unknown>) => `/plans?filter=${encodeURIComponent(JSON.stringify(filter))}`;
