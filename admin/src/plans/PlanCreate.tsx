import { useState } from 'react';
import { Create, Loading, TopToolbar, useGetIdentity, useTranslate } from 'react-admin';
import type { Organisation } from '../types';
import { ImportPlanButton, ImportWarnings, type ImportedPlan } from './ImportPlanDialog';
import { PlanForm } from './PlanForm';
import { PlanFormToolbar } from './PlanFormToolbar';
import { newPlanDefaults, toPlanDraft } from './planContent';

const SECTION_TITLES = ['purpose', 'content', 'organisation'];

/** A new draft of the drafter's own organisation, blank or filled from a Word file or pasted text. */
export const PlanCreate = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  // Each import remounts the form with the imported content as its values (react-hook-form keeps its first defaults).
  const [imported, setImported] = useState<{ plan: ImportedPlan; count: number } | null>(null);
  if (isPending || !identity) return <Loading />;
  const defaults = newPlanDefaults(
    identity.organisation as Organisation,
    SECTION_TITLES.map((section) => translate(`resources.plans.defaults.sections.${section}`)),
    translate('resources.plans.defaults.archive'),
  );
  return (
    <Create
      transform={toPlanDraft}
      redirect="show"
      actions={<TopToolbar><ImportPlanButton onImported={(plan) => setImported({ plan, count: (imported?.count ?? 0) + 1 })} /></TopToolbar>}
    >
      {imported && <ImportWarnings warnings={imported.plan.warnings} />}
      <PlanForm key={imported?.count ?? 0} defaultValues={imported?.plan.content ?? defaults} toolbar={<PlanFormToolbar imported={Boolean(imported)} />} />
    </Create>
  );
};
