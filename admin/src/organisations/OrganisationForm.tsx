import { AutocompleteInput, BooleanInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { FormRow } from '../common/FormRow';
import { KIND_CHOICES, LEVEL_CHOICES } from './organisationChoices';

/**
 * An organisation's identity as its documents print it: names, symbol, place, signature lines. Once it
 * exists, its names and its parent change only by the recorded changes of the panel below the form
 * ("Đổi tên", "Chuyển", with the day they take effect): the edit form shows them, read-only.
 */
export const OrganisationForm = ({ creating = false }: { creating?: boolean }) => {
  const changedByRename = creating ? {} : { readOnly: true, helperText: 'resources.organisations.helpers.changed_by_rename' };
  return (
    <SimpleForm warnWhenUnsavedChanges>
      <TextInput source="name" label="resources.organisations.fields.name" validate={required()} fullWidth {...changedByRename} />
      <FormRow>
        <TextInput source="shortName" label="resources.organisations.fields.shortName" validate={required()} {...changedByRename} />
        <TextInput source="bodyName" label="resources.organisations.fields.bodyName" validate={required()} helperText="resources.organisations.helpers.bodyName" {...changedByRename} />
      </FormRow>
      <FormRow>
        <TextInput source="symbol" label="resources.organisations.fields.symbol" validate={required()} helperText="resources.organisations.helpers.symbol" {...changedByRename} />
        <TextInput source="place" label="resources.organisations.fields.place" validate={required()} />
      </FormRow>
      <FormRow>
        <TextInput source="signatureAuthority" label="resources.organisations.fields.signatureAuthority" validate={required()} helperText="resources.organisations.helpers.signatureAuthority" />
        <TextInput source="signerTitle" label="resources.organisations.fields.signerTitle" validate={required()} helperText="resources.organisations.helpers.signerTitle" />
      </FormRow>
      <FormRow>
        <SelectInput source="kind" label="resources.organisations.fields.kind" choices={KIND_CHOICES} validate={required()} />
        <SelectInput source="level" label="resources.organisations.fields.level" choices={LEVEL_CHOICES} validate={required()} />
      </FormRow>
      <ReferenceInput source="parentId" reference="organisations" sort={{ field: 'path', order: 'ASC' }} perPage={200} filter={{ active: true }}>
        <AutocompleteInput
          optionText="name"
          label="resources.organisations.fields.parentId"
          fullWidth
          {...(creating ? {} : { readOnly: true, helperText: 'resources.organisations.helpers.changed_by_move' })}
        />
      </ReferenceInput>
      <BooleanInput source="numberRegisterPerType" label="resources.organisations.fields.numberRegisterPerType" helperText="resources.organisations.helpers.numberRegisterPerType" />
      <BooleanInput source="signsElectronically" label="resources.organisations.fields.signsElectronically" helperText="resources.organisations.helpers.signsElectronically" defaultValue />
    </SimpleForm>
  );
};
