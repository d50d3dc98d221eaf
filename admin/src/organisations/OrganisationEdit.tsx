import { Edit } from 'react-admin';
import { changedFields } from '../common/changedFields';
import { OrganisationForm } from './OrganisationForm';

export const OrganisationEdit = () => (
  <Edit mutationMode="pessimistic" transform={changedFields} redirect="list">
    <OrganisationForm />
  </Edit>
);
