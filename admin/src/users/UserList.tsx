import { Chip, Stack } from '@mui/material';
import {
  AutocompleteInput,
  BooleanField,
  CreateButton,
  DataTable,
  DeleteButton,
  FilterButton,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { User } from '../types';
import { ROLE_CHOICES } from './roleChoices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'path', order: 'ASC' }} perPage={200}>
    <AutocompleteInput optionText="name" label="resources.users.fields.organisationId" sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <SelectInput key="role" source="role" label="resources.users.filters.role" choices={ROLE_CHOICES} />,
  <NullableBooleanInput key="active" source="active" label="resources.users.fields.active" />,
];

export const UserList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'users', action: 'edit' });
  return (
    <List
      filters={filters}
      sort={{ field: 'username', order: 'ASC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="username" label="resources.users.fields.username" />
        <DataTable.Col source="fullName" label="resources.users.fields.fullName" />
        <DataTable.Col source="organisationId" label="resources.users.fields.organisationId" disableSort>
          <ReferenceField source="organisationId" reference="organisations" link={false}>
            <TextField source="shortName" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="roles" label="resources.users.fields.roles" disableSort render={(user: User) => <RoleChips roles={user.roles} />} />
        <DataTable.Col source="active" label="resources.users.fields.active">
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col disableSort>
          <DeactivateButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const RoleChips = ({ roles }: { roles: User['roles'] }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {roles.map((role) => (
        <Chip key={role} size="small" label={translate(`resources.users.roles.${role}`)} />
      ))}
    </Stack>
  );
};

/** The API's DELETE deactivates the account: its name stays on what the user signed. */
const DeactivateButton = () => {
  const user = useRecordContext<User>();
  if (!user?.active) return null;
  return (
  <DeleteButton
    mutationMode="pessimistic"
    label="resources.users.actions.deactivate"
    confirmTitle="resources.users.actions.deactivate_title"
    confirmContent="resources.users.actions.deactivate_content"
    redirect={false}
  />
  );
};
