import { Create, Loading, useGetIdentity, useTranslate } from 'react-admin';
import type { Organisation } from '../types';
import { PlanForm } from './PlanForm';
import { newPlanDefaults, toPlanContent } from './planContent';

const SECTION_TITLES = ['purpose', 'content', 'organisation'];

/** A new draft of the drafter's own organisation. */
export const PlanCreate = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  if (isPending || !identity) return <Loading />;
  const defaults = newPlanDefaults(
    identity.organisation as Organisation,
    SECTION_TITLES.map((section) => translate(`resources.plans.defaults.sections.${section}`)),
    translate('resources.plans.defaults.archive'),
  );
  return (
    <Create transform={toPlanContent} redirect="show">
      <PlanForm defaultValues={defaults} />
    </Create>
  );
};
