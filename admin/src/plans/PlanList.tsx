import { Box, useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ReferenceField,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { DateText } from '../common/DateText';
import type { Plan } from '../types';
import { StatusChip } from './StatusChip';
import { ReplacedChip } from './Replacement';
import { planFilters } from './planFilters';

/**
 * The list answers summaries (no body, signatures or actions). react-admin copies list rows into
 * its per-record cache, keyed with the query's `meta`: a meta of their own keeps summaries out of
 * the plan page's and the editor's cache. ra-data-simple-rest sends nothing for it.
 */
const SUMMARY_QUERY = { meta: { summary: true } };

const PlanListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** Plans the caller may read, newest activity first; a phone gets a compact list. */
export const PlanList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  return (
    <List
      filters={planFilters}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      actions={<PlanListActions />}
      exporter={false}
      queryOptions={SUMMARY_QUERY}
    >
      {isSmall ? <PlanSimpleList /> : <PlanTable />}
    </List>
  );
};

/** On a phone: the title, then the state and the number (or the kind before there is one). */
const PlanSimpleList = () => {
  const translate = useTranslate();
  return (
    <SimpleList<Plan>
      primaryText={(plan) => plan.title}
      secondaryText={(plan) => (
        <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 0.5 }}>
          <StatusChip status={plan.status} />
          {plan.number ?? translate(`resources.plans.kinds.${plan.kind}`)}
        </Box>
      )}
      linkType="show"
    />
  );
};

const PlanTable = () => (
  <DataTable rowClick="show" bulkActionButtons={false}>
    <DataTable.Col source="number" label="resources.plans.fields.number" disableSort sx={{ whiteSpace: 'nowrap' }} />
    <DataTable.Col source="title" label="resources.plans.fields.title" />
    <DataTable.Col source="kind" label="resources.plans.fields.kind" disableSort render={(plan: Plan) => <KindText kind={plan.kind} />} />
    <DataTable.Col source="issuerId" label="resources.plans.fields.issuerId" disableSort render={(plan: Plan) => <IssuerName plan={plan} />} />
    <DataTable.Col source="draftingUnit" label="resources.plans.fields.draftingUnitId" disableSort render={(plan: Plan) => plan.draftingUnit?.code ?? ''} />
    <DataTable.Col source="status" label="resources.plans.fields.status">
      <StatusChip />
      <ReplacedChip />
    </DataTable.Col>
    <DataTable.Col source="issuedAt" label="resources.plans.fields.issuedAt" field={DateText} />
    <DataTable.Col source="updatedAt" label="resources.plans.fields.updatedAt" field={DateText} />
  </DataTable>
);

const KindText = ({ kind }: { kind: Plan['kind'] }) => {
  const translate = useTranslate();
  return <>{translate(`resources.plans.kinds.${kind}`)}</>;
};

/** Once issued, the name it was issued under (a later rename or merge does not change it); before, the issuer as it is. */
const IssuerName = ({ plan }: { plan: { issuerNameAsIssued: string | null } }) =>
  plan.issuerNameAsIssued ?? (
    <ReferenceField source="issuerId" reference="organisations" link={false}>
      <TextField source="shortName" />
    </ReferenceField>
  );
