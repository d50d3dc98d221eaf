import { useRef } from 'react';
import { useFormContext } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteArrayInput,
  ReferenceArrayInput,
  SimpleFormIterator,
  TextInput,
  required,
  useSourceContext,
} from 'react-admin';
import { recipientLabelOf } from '@backend/core/plan-content';
import type { Organisation } from '../types';

/**
 * "Nơi nhận": each line is typed, or picked from the organisations (which then receive the plan
 * when it is distributed); picking fills the line's text with all the organisations' names.
 */
export const RecipientsInput = () => (
  <ArrayInput source="recipients" label="resources.plans.fields.recipients" helperText="resources.plans.helpers.recipients">
    <SimpleFormIterator inline fullWidth disableClear sx={{ '& .RaSimpleFormIterator-action': { visibility: 'visible' } }}>
      <RecipientOrganisationsInput />
      <TextInput source="label" label="resources.plans.fields.recipient_label" validate={required()} helperText={false} sx={{ flex: 2, minWidth: 220 }} />
      <TextInput source="note" label="resources.plans.fields.recipient_note" helperText={false} sx={{ width: { xs: '100%', sm: 110 } }} />
    </SimpleFormIterator>
  </ArrayInput>
);

const RecipientOrganisationsInput = () => {
  const { getSource } = useSourceContext();
  const { getValues, setValue } = useFormContext();
  // The label this input last filled in: while the line still reads it, it follows the picks.
  const filled = useRef<string | null>(null);
  /** The label names every organisation picked, until the drafter types one of their own (a group label). */
  const fillLabel = (_ids: string[], organisations: Organisation[]) => {
    const label = getSource('label');
    const current: unknown = getValues(label);
    const names = recipientLabelOf(organisations.map((organisation) => organisation.name));
    if (!current || current === filled.current) {
      setValue(label, names, { shouldDirty: true });
      filled.current = names;
    }
  };
  return (
    <ReferenceArrayInput source="orgIds" reference="organisations" perPage={200} sort={{ field: 'path', order: 'ASC' }} filter={{ active: true }}>
      <AutocompleteArrayInput
        optionText="name"
        label="resources.plans.fields.recipient_organisations"
        helperText={false}
        onChange={fillLabel}
        sx={{ flex: 2, minWidth: 220 }}
      />
    </ReferenceArrayInput>
  );
};
