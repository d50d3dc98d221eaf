import { Create } from 'react-admin';
import { OrganisationForm } from './OrganisationForm';

export const OrganisationCreate = () => (
  <Create redirect="list">
    <OrganisationForm creating />
  </Create>
);
