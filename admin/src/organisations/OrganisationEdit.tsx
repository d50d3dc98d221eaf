import { Edit, useParams } from 'react-admin';
import { changedFields } from '../common/changedFields';
import { OrganisationSigningPanel } from '../signing/SigningPanel';
import { TemplatesPanel } from '../templates/TemplatesPanel';
import { OrganisationForm } from './OrganisationForm';
import { UnitsPanel } from './UnitsPanel';

/** The organisation's identity, and below it its units, the Word templates its plans are printed with, its certificate and seal. */
export const OrganisationEdit = () => {
  const { id } = useParams();
  return (
    <>
      <Edit mutationMode="pessimistic" transform={changedFields} redirect="list">
        <OrganisationForm />
      </Edit>
      {id && <UnitsPanel organisationId={id} />}
      {id && <TemplatesPanel organisationId={id} />}
      {id && <OrganisationSigningPanel organisationId={id} />}
    </>
  );
};
