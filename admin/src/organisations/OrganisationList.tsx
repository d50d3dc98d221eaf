import { useMemo, type ReactNode } from 'react';
import { Box, Chip } from '@mui/material';
import SubdirectoryIcon from '@mui/icons-material/SubdirectoryArrowRight';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ListContextProvider,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useListContext,
  useTranslate,
} from 'react-admin';
import type { Organisation } from '../types';
import { KIND_CHOICES, LEVEL_CHOICES } from './organisationChoices';
import { treeOrder } from './treeOrder';

const ACTIVE_CHOICES = [
  { id: 'true', name: 'resources.organisations.filters.active' },
  { id: 'false', name: 'resources.organisations.filters.ended' },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" label="resources.organisations.fields.kind" choices={KIND_CHOICES} />,
  <SelectInput key="level" source="level" label="resources.organisations.fields.level" choices={LEVEL_CHOICES} />,
  <SelectInput key="active" source="active" label="resources.organisations.fields.active" choices={ACTIVE_CHOICES} />,
];

/** Depth in the tree from the materialised path "/root/…/id/". */
const depthOf = (organisation: Organisation) => organisation.path.split('/').filter(Boolean).length - 1;

/** The organisation tree: each one under its parent, indented by its depth, siblings by name. */
export const OrganisationList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'organisations', action: 'edit' });
  return (
    <List
      filters={filters}
      sort={{ field: 'path', order: 'ASC' }}
      perPage={100}
      exporter={false}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
        </TopToolbar>
      }
    >
      <SiblingsByName>
        <DataTable rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
          <DataTable.Col source="name" label="resources.organisations.fields.name" render={(organisation: Organisation) => <TreeName organisation={organisation} />} />
          <DataTable.Col source="shortName" label="resources.organisations.fields.shortName" />
          <DataTable.Col source="symbol" label="resources.organisations.fields.symbol" />
          <DataTable.Col source="kind" label="resources.organisations.fields.kind">
            <SelectField source="kind" choices={KIND_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="level" label="resources.organisations.fields.level">
            <SelectField source="level" choices={LEVEL_CHOICES} />
          </DataTable.Col>
        </DataTable>
      </SiblingsByName>
    </List>
  );
};

/** In tree (path) order, the page's rows reordered so that siblings follow each other by name. */
const SiblingsByName = ({ children }: { children: ReactNode }) => {
  const context = useListContext<Organisation>();
  const { data, sort } = context;
  const value = useMemo(() => (data && sort.field === 'path' ? { ...context, data: treeOrder(data) } : context), [context, data, sort.field]);
  return <ListContextProvider value={value}>{children}</ListContextProvider>;
};

/** Indented only when the list is in tree (path) order; sorted otherwise, depth means nothing. */
const TreeName = ({ organisation }: { organisation: Organisation }) => {
  const { sort } = useListContext();
  const depth = sort.field === 'path' ? depthOf(organisation) : 0;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', pl: Math.max(depth - 1, 0) * 3, fontWeight: depth === 0 ? 700 : 400 }}>
      {depth > 0 && <SubdirectoryIcon fontSize="small" sx={{ color: 'text.disabled', mr: 0.5 }} />}
      {organisation.name}
      {organisation.dissolvedOn && <EndedChip />}
    </Box>
  );
};

/** Merged or dissolved: kept in the tree for its history, offered in no picker. */
const EndedChip = () => {
  const translate = useTranslate();
  return <Chip size="small" label={translate('resources.organisations.changes.ended_chip')} sx={{ ml: 1 }} />;
};
