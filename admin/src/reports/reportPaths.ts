/** Where a recipient fills in its report for deadline `deadline` (its index in the plan's `reporting`). */
export const reportFormPath = (planId: string, deadline: number) => `/plans/${planId}/reports/${deadline}`;

/** Where the issuer follows one deadline up. */
export const reportSummaryPath = (planId: string, deadline: number) => `/plans/${planId}/reports/${deadline}/summary`;
