import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  required,
  useSourceContext,
  useTranslate,
} from 'react-admin';
import { pastDeadlines } from '@backend/core/reporting-calendar';
import { formatDate, todayInVietnam } from '../common/dates';
import { DayMonthYearInput } from '../common/DayMonthYearInput';
import { INDICATOR_TYPES } from '../types';

const INDICATOR_TYPE_CHOICES = INDICATOR_TYPES.map((type) => ({ id: type, name: `resources.plans.indicator_types.${type}` }));

/** An indicator without a unit (a text answer) has "" for it: the API refuses null, react-admin's default for an emptied input. */
const keepEmpty = (value: string | null) => value ?? '';

/**
 * The indicator row's columns: the label takes what is left, the unit is wide enough for its
 * caption "Đơn vị tính", the type for its longest choice and no more; the section and group
 * follow on a second line when the row is full; each a whole line on a phone.
 */
const INDICATOR_COLUMNS = {
  code: { width: { xs: '100%', sm: 90 } },
  label: { flex: { sm: '1 1 320px' }, width: { xs: '100%', sm: 'auto' } },
  unit: { width: { xs: '100%', sm: 140 } },
  type: { width: { xs: '100%', sm: 210 }, flex: 'none' },
  heading: { width: { xs: '100%', sm: 'auto' }, flex: { sm: '1 1 220px' } },
} as const;

const iteratorSx = { '& .RaSimpleFormIterator-action': { visibility: 'visible' } };
/** react-admin's inline row never wraps, so its inputs shrink until their labels are cut; here a row wraps instead. */
const wrappingIteratorSx = { ...iteratorSx, '& .RaSimpleFormIterator-form': { flexWrap: 'wrap', flex: 1 } };

/** The reporting deadlines recipients must meet. */
export const ReportingInput = () => (
  <ArrayInput source="reporting" label="resources.plans.fields.reporting" helperText="resources.plans.helpers.reporting">
    <SimpleFormIterator inline disableClear sx={iteratorSx}>
      <TextInput source="name" label="resources.plans.fields.reporting_name" validate={required()} helperText={false} sx={{ width: { xs: '100%', sm: 'auto' }, minWidth: { sm: 260 } }} />
      <DueDateInput source="dueDate" />
    </SimpleFormIterator>
  </ArrayInput>
);

/**
 * A due date already past is a warning while drafting (the draft still saves), since SUBMIT and ISSUE
 * refuse it: recipients would receive a report already overdue.
 */
const DueDateInput = ({ source }: { source: string }) => {
  const translate = useTranslate();
  const { getSource } = useSourceContext();
  const dueDate: unknown = useWatch({ name: getSource(source) });
  const isPast = typeof dueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dueDate) && pastDeadlines([{ dueDate }], todayInVietnam()).length > 0;
  return (
    <DayMonthYearInput
      source={source}
      label="resources.plans.fields.reporting_due"
      validate={required()}
      helperText={isPast ? translate('resources.plans.helpers.reporting_due_past', { date: formatDate(dueDate) }) : false}
      sx={{ width: { xs: '100%', sm: isPast ? 360 : 170 }, ...(isPast ? { '& .MuiFormHelperText-root': { color: 'warning.main' } } : {}) }}
    />
  );
};

/** The reporting form (appendix): its title and the indicators each recipient reports. */
export const FormIndicatorsInput = () => {
  const translate = useTranslate();
  return (
  <>
    <TextInput source="form.title" label="resources.plans.fields.form_title" defaultValue={translate('resources.plans.defaults.form_title')} fullWidth helperText="resources.plans.helpers.form" />
    <TextInput source="form.subtitle" label="resources.plans.fields.form_subtitle" fullWidth helperText={false} />
    <ArrayInput source="form.indicators" label="resources.plans.fields.indicators" helperText="resources.plans.helpers.indicators">
      <SimpleFormIterator inline fullWidth disableClear sx={wrappingIteratorSx}>
        <TextInput source="code" label="resources.plans.fields.indicator_code" validate={required()} helperText={false} sx={INDICATOR_COLUMNS.code} />
        <TextInput source="label" label="resources.plans.fields.indicator_label" validate={required()} helperText={false} sx={INDICATOR_COLUMNS.label} />
        <TextInput source="unit" label="resources.plans.fields.indicator_unit" helperText={false} defaultValue="" parse={keepEmpty} sx={INDICATOR_COLUMNS.unit} />
        <SelectInput source="type" label="resources.plans.fields.indicator_type" choices={INDICATOR_TYPE_CHOICES} defaultValue="integer" validate={required()} helperText={false} sx={INDICATOR_COLUMNS.type} />
        <TextInput source="section" label="resources.plans.fields.indicator_section" helperText={false} sx={INDICATOR_COLUMNS.heading} />
        <TextInput source="group" label="resources.plans.fields.indicator_group" helperText={false} sx={INDICATOR_COLUMNS.heading} />
      </SimpleFormIterator>
    </ArrayInput>
    <TextInput source="form.note" label="resources.plans.fields.form_note" multiline fullWidth helperText={false} />
  </>
  );
};
