import { Edit } from 'react-admin';
import { changedFields } from '../common/changedFields';
import { UserForm } from './UserForm';

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={changedFields} redirect="list">
    <UserForm />
  </Edit>
);
