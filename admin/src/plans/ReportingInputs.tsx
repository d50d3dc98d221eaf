import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  DateInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  required,
  useSourceContext,
  useTranslate,
} from 'react-admin';
import { pastDeadlines } from '@backend/core/reporting-calendar';
import { formatDate, todayInVietnam } from '../common/dates';
import { INDICATOR_TYPES } from '../types';

const INDICATOR_TYPE_CHOICES = INDICATOR_TYPES.map((type) => ({ id: type, name: `resources.plans.indicator_types.${type}` }));

/** An indicator without a unit (a text answer) has "" for it: the API refuses null, react-admin's default for an emptied input. */
const keepEmpty = (value: string | null) => value ?? '';

const iteratorSx = { '& .RaSimpleFormIterator-action': { visibility: 'visible' } };

/** The reporting deadlines recipients must meet. */
export const ReportingInput = () => (
  <ArrayInput source="reporting" label="resources.plans.fields.reporting" helperText="resources.plans.helpers.reporting">
    <SimpleFormIterator inline disableClear sx={iteratorSx}>
      <TextInput source="name" label="resources.plans.fields.reporting_name" validate={required()} helperText={false} sx={{ minWidth: 260 }} />
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
  const isPast = typeof dueDate === 'string' && pastDeadlines([{ dueDate }], todayInVietnam()).length > 0;
  return (
    <DateInput
      source={source}
      label="resources.plans.fields.reporting_due"
      validate={required()}
      helperText={isPast ? translate('resources.plans.helpers.reporting_due_past', { date: formatDate(dueDate) }) : false}
      sx={isPast ? { '& .MuiFormHelperText-root': { color: 'warning.main' }, maxWidth: 360 } : undefined}
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
      <SimpleFormIterator inline fullWidth disableClear sx={iteratorSx}>
        <TextInput source="code" label="resources.plans.fields.indicator_code" validate={required()} helperText={false} sx={{ width: 90 }} />
        <TextInput source="label" label="resources.plans.fields.indicator_label" validate={required()} helperText={false} sx={{ flex: 1, minWidth: 240 }} />
        <TextInput source="unit" label="resources.plans.fields.indicator_unit" helperText={false} defaultValue="" parse={keepEmpty} sx={{ width: 120 }} />
        <SelectInput source="type" label="resources.plans.fields.indicator_type" choices={INDICATOR_TYPE_CHOICES} defaultValue="integer" validate={required()} helperText={false} />
        <TextInput source="section" label="resources.plans.fields.indicator_section" helperText={false} sx={{ minWidth: 220 }} />
        <TextInput source="group" label="resources.plans.fields.indicator_group" helperText={false} sx={{ minWidth: 220 }} />
      </SimpleFormIterator>
    </ArrayInput>
    <TextInput source="form.note" label="resources.plans.fields.form_note" multiline fullWidth helperText={false} />
  </>
  );
};
