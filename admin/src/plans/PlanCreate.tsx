import { useState } from 'react';
import { useFormState } from 'react-hook-form';
import { Create, Loading, SaveButton, Toolbar, TopToolbar, useGetIdentity, useTranslate } from 'react-admin';
import type { Organisation } from '../types';
import { ImportPlanButton, ImportWarnings, type ImportedPlan } from './ImportPlanDialog';
import { PlanForm } from './PlanForm';
import { newPlanDefaults, toPlanContent } from './planContent';

const SECTION_TITLES = ['purpose', 'content', 'organisation'];

/**
 * Imported content is the form's starting values, so the form is pristine, yet nothing is saved:
 * saving is open at once (and closed while it runs, as react-admin's own rule would).
 */
const ImportedToolbar = () => {
  const { isSubmitting } = useFormState();
  return (
    <Toolbar>
      <SaveButton alwaysEnable={!isSubmitting} />
    </Toolbar>
  );
};

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
      transform={toPlanContent}
      redirect="show"
      actions={<TopToolbar><ImportPlanButton onImported={(plan) => setImported({ plan, count: (imported?.count ?? 0) + 1 })} /></TopToolbar>}
    >
      {imported && <ImportWarnings warnings={imported.plan.warnings} />}
      <PlanForm key={imported?.count ?? 0} defaultValues={imported?.plan.content ?? defaults} toolbar={imported ? <ImportedToolbar /> : undefined} />
    </Create>
  );
};
