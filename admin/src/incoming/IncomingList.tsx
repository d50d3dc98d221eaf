import { CreateButton, DataTable, List, SearchInput, SelectArrayInput, SelectField, SelectInput, TopToolbar } from 'react-admin';
import { DateText } from '../common/DateText';
import { DayMonthYearInput } from '../common/DayMonthYearInput';
import { STATUS_CHOICES, URGENCY_CHOICES, YEAR_CHOICES } from './choices';

const label = (field: string) => `resources.incoming-documents.fields.${field}`;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="year" source="year" label={label('year')} choices={YEAR_CHOICES} translateChoice={false} alwaysOn />,
  <SelectArrayInput key="status" source="status" label={label('status')} choices={STATUS_CHOICES} />,
  <SelectArrayInput key="urgency" source="urgency" label={label('urgency')} choices={URGENCY_CHOICES} />,
  <DayMonthYearInput key="from" source="from" label={label('from')} />,
  <DayMonthYearInput key="to" source="to" label={label('to')} />,
];

/** The organisation's incoming register for a year, newest arrival first (Phụ lục IV's columns). */
export const IncomingList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ year: new Date().getFullYear() }}
    sort={{ field: 'arrivalNumber', order: 'DESC' }}
    exporter={false}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
  >
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="arrivalNumber" label={label('arrivalNumber')} sx={{ fontWeight: 600 }} />
      <DataTable.Col source="receivedAt" label={label('receivedAt')} field={DateText} />
      <DataTable.Col source="sender" label={label('sender')} disableSort />
      <DataTable.Col source="documentNumber" label={label('documentNumber')} disableSort sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="documentDate" label={label('documentDate')} field={DateText} />
      <DataTable.Col source="summary" label={label('summary')} disableSort />
      <DataTable.Col source="urgency" label={label('urgency')}>
        <SelectField source="urgency" choices={URGENCY_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="deadline" label={label('deadline')} field={DateText} />
      <DataTable.Col source="status" label={label('status')}>
        <SelectField source="status" choices={STATUS_CHOICES} />
      </DataTable.Col>
    </DataTable>
  </List>
);
