import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput, useGetIdentity } from 'react-admin';
import { unitLabel, useUnits } from '../organisations/useUnits';
import { PLAN_KINDS, PLAN_STATUSES } from '../types';

const STATUS_CHOICES = PLAN_STATUSES.map((status) => ({ id: status, name: `resources.plans.statuses.${status}` }));
const KIND_CHOICES = PLAN_KINDS.map((kind) => ({ id: kind, name: `resources.plans.kinds.${kind}` }));

/** This year and the five before it: plans older than that are looked up by text. */
const yearChoices = () => {
  const thisYear = new Date().getFullYear();
  return Array.from({ length: 6 }, (_, offset) => ({ id: thisYear - offset, name: String(thisYear - offset) }));
};

/** The caller's organisation's units: its plans by the unit drafting them. */
const DraftingUnitFilter = ({ source, label }: { source: string; label: string }) => {
  const { identity } = useGetIdentity();
  const { data: units = [] } = useUnits(identity?.organisation?.id);
  return <SelectInput source={source} label={label} choices={units.map((unit) => ({ id: unit.id, name: unitLabel(unit) }))} translateChoice={false} />;
};

export const planFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" label="resources.plans.fields.status" choices={STATUS_CHOICES} alwaysOn />,
  <SelectInput key="kind" source="kind" label="resources.plans.fields.kind" choices={KIND_CHOICES} />,
  <SelectInput key="year" source="year" label="resources.plans.filters.year" choices={yearChoices()} translateChoice={false} />,
  <ReferenceInput key="issuerId" source="issuerId" reference="organisations" sort={{ field: 'path', order: 'ASC' }} perPage={200}>
    <AutocompleteInput optionText="name" label="resources.plans.fields.issuerId" sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <DraftingUnitFilter key="draftingUnitId" source="draftingUnitId" label="resources.plans.fields.draftingUnitId" />,
];
