import { Edit, ReferenceInput, SelectInput, SimpleForm, TextInput, useGetIdentity, useRedirect, type RaRecord } from 'react-admin';
import { changedFields } from '../common/changedFields';
import { DayMonthYearInput } from '../common/DayMonthYearInput';
import type { IncomingDocument } from '../types';
import { STATUS_CHOICES } from './choices';
import { label, RegisterInputs, type WithFile } from './IncomingForm';
import { useFileUpload } from './useFileUpload';

/**
 * One form for the three who change an entry: the clerk (the register), the leader (assignment, direction,
 * deadline), the assignee (status). Only changed fields are sent; the server checks each part's author.
 */
export const IncomingEdit = () => {
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const { strip, upload } = useFileUpload();
  const onSuccess = async (entry: IncomingDocument) => {
    await upload(entry.id);
    redirect('show', 'incoming-documents', entry.id);
  };
  const transform = (data: RaRecord & WithFile, options?: { previousData?: RaRecord }) => changedFields(strip(data), options);
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onSuccess }} transform={transform}>
      <SimpleForm>
        <RegisterInputs />
        {/* Sorted by name: the users API sorts by no `id` (react-admin's default) and would refuse the list. */}
        <ReferenceInput source="assigneeId" reference="users" filter={{ organisationId: identity?.organisation?.id, active: true }} sort={{ field: 'fullName', order: 'ASC' }}>
          <SelectInput label={label('assigneeId')} optionText="fullName" emptyText="—" />
        </ReferenceInput>
        <TextInput source="assigneeUnit" label={label('assigneeUnit')} />
        <TextInput source="direction" label={label('direction')} multiline fullWidth />
        <DayMonthYearInput source="deadline" label={label('deadline')} />
        <SelectInput source="status" label={label('status')} choices={STATUS_CHOICES} />
      </SimpleForm>
    </Edit>
  );
};
