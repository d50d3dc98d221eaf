import type { PlanKind } from './plan-content';

/** `single`: a plan of one issuer; `joint`: a joint plan (one signature block per organisation). */
export const TEMPLATE_KINDS = ['single', 'joint'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The template a plan of this kind is rendered from. */
export function templateKindOf(planKind: PlanKind): TemplateKind {
  return planKind === 'joint_plan' ? 'joint' : 'single';
}
