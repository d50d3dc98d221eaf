import type { PlanStatus } from '../types';

/**
 * One colour per state, so a list reads at a glance: blue, purple, orange while the plan moves,
 * green once approved (solid once it is out), red or grey when it stopped.
 */
export const STATUS_COLOURS: Record<PlanStatus, { accent: string; solid?: boolean }> = {
  draft: { accent: '#546e7a' },
  in_review: { accent: '#1565c0' },
  in_coordination: { accent: '#7b1fa2' },
  awaiting_approval: { accent: '#e65100' },
  approved: { accent: '#00796b' },
  issued: { accent: '#2e7d32', solid: true },
  distributed: { accent: '#1b5e20', solid: true },
  closed: { accent: '#455a64', solid: true },
  rejected: { accent: '#c62828' },
  recalled: { accent: '#6d4c41' },
  cancelled: { accent: '#757575' },
};
