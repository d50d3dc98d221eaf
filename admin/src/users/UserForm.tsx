import {
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  PasswordInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  email,
  minLength,
  required,
} from 'react-admin';
import { FormRow } from '../common/FormRow';
import { ROLE_CHOICES } from './roleChoices';
import { UnitInput } from './UnitInput';

/** A user: its organisation, its unit and roles there. The password is set on creation and changed only when typed. */
export const UserForm = ({ creating = false }: { creating?: boolean }) => (
  <SimpleForm warnWhenUnsavedChanges defaultValues={creating ? { roles: [], active: true } : undefined}>
    <FormRow>
      <TextInput source="username" label="resources.users.fields.username" validate={required()} readOnly={!creating} helperText="resources.users.helpers.username" />
      <TextInput source="fullName" label="resources.users.fields.fullName" validate={required()} />
    </FormRow>
    <TextInput source="email" type="email" label="resources.users.fields.email" validate={email()} helperText="resources.users.helpers.email" parse={(value: string) => value || null} />
    <ReferenceInput source="organisationId" reference="organisations" sort={{ field: 'path', order: 'ASC' }} perPage={200} filter={{ active: true }}>
      <AutocompleteInput optionText="name" label="resources.users.fields.organisationId" validate={required()} fullWidth />
    </ReferenceInput>
    <UnitInput />
    <CheckboxGroupInput source="roles" label="resources.users.fields.roles" choices={ROLE_CHOICES} validate={required()} />
    <PasswordInput
      source="password"
      label={creating ? 'resources.users.fields.password' : 'resources.users.fields.new_password'}
      validate={creating ? [required(), minLength(8)] : minLength(8)}
      helperText={creating ? 'resources.users.helpers.password' : 'resources.users.helpers.new_password'}
      parse={(value: string) => value || undefined}
    />
    <BooleanInput source="active" label="resources.users.fields.active" />
  </SimpleForm>
);
