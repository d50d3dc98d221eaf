import { Button, Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  LinkBase,
  List,
  SelectField,
  SelectInput,
  TopToolbar,
  useCreatePath,
  useTranslate,
} from 'react-admin';
import { useAbility } from '../ability';
import { DateText } from '../common/DateText';
import type { RegisterEntry } from '../types';
import { DOCUMENT_TYPE_CHOICES } from './documentTypes';
import { NumberSeriesPanel } from './NumberSeriesPanel';
import { RegisterExport } from './RegisterExport';

const thisYear = new Date().getFullYear();
const YEAR_CHOICES = Array.from({ length: 6 }, (_, offset) => ({ id: thisYear - offset, name: String(thisYear - offset) }));

const filters = [<SelectInput key="year" source="year" label="resources.number-registers.fields.year" choices={YEAR_CHOICES} translateChoice={false} alwaysOn />];

/**
 * The clerk's register of outgoing numbers for a year: those ISSUE gave and those registered by hand;
 * above it the export of any range of days, and the organisation's named series.
 */
export const NumberRegisterList = () => {
  const canChangeSeries = useAbility().can('create', 'NumberRegister');
  return (
    <>
      <RegisterExport />
      <NumberSeriesPanel canChange={canChangeSeries} />
      <RegisterTable />
    </>
  );
};

const RegisterTable = () => (
  <List
    filters={filters}
    filterDefaultValues={{ year: thisYear }}
    sort={{ field: 'number', order: 'DESC' }}
    exporter={false}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="fullNumber" label="resources.number-registers.fields.fullNumber" disableSort sx={{ whiteSpace: 'nowrap', fontWeight: 600 }} />
      <DataTable.Col source="issuedAt" label="resources.number-registers.fields.issuedAt" field={DateText} disableSort />
      <DataTable.Col source="typeCode" label="resources.number-registers.fields.typeCode" disableSort>
        <SelectField source="typeCode" choices={DOCUMENT_TYPE_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="title" label="resources.number-registers.fields.title" disableSort />
      <DataTable.Col label="resources.number-registers.fields.source" disableSort render={(entry: RegisterEntry) => <EntrySource entry={entry} />} />
    </DataTable>
  </List>
);

/** A number ISSUE gave links to its plan; one registered by hand is marked as made outside the system. */
const EntrySource = ({ entry }: { entry: RegisterEntry }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (entry.planId) {
    return (
      <Button size="small" component={LinkBase} to={createPath({ resource: 'plans', id: entry.planId, type: 'show' })} sx={{ whiteSpace: 'nowrap' }}>
        {translate('resources.number-registers.actions.open_plan')}
      </Button>
    );
  }
  return <Chip size="small" variant="outlined" label={translate('resources.number-registers.external')} />;
};
