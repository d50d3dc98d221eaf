import { Create, NumberInput, SelectInput, SimpleForm, TextInput, minValue, required, useNotify, useRedirect } from 'react-admin';
import { DayMonthYearInput } from '../common/DayMonthYearInput';
import { todayInVietnam } from '../common/dates';
import type { RegisterEntry } from '../types';
import { DOCUMENT_TYPE_CHOICES } from './documentTypes';

/**
 * Registers a document made outside the system: the register gives it the next number of the year,
 * or records the number it already carries (the server answers 409 naming the entry that holds it).
 */
export const NumberRegisterCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (entry: RegisterEntry) => {
    notify('resources.number-registers.notifications.registered', { type: 'success', messageArgs: { number: entry.fullNumber } });
    redirect('list', 'number-registers');
  };
  return (
    <Create mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ typeCode: 'KH', issuedAt: todayInVietnam() }}>
        <SelectInput source="typeCode" label="resources.number-registers.fields.typeCode" choices={DOCUMENT_TYPE_CHOICES} validate={required()} />
        <TextInput source="title" label="resources.number-registers.fields.title" validate={required()} multiline fullWidth />
        <DayMonthYearInput source="issuedAt" label="resources.number-registers.fields.issuedAt" helperText="resources.number-registers.helpers.issuedAt" />
        <NumberInput source="number" label="resources.number-registers.fields.number" helperText="resources.number-registers.helpers.number" min={1} step={1} validate={minValue(1)} />
      </SimpleForm>
    </Create>
  );
};
