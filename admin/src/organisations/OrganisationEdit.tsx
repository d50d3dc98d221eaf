import { Edit, useParams } from 'react-admin';
import { changedFields } from '../common/changedFields';
import { OrganisationSigningPanel } from '../signing/SigningPanel';
import { TemplatesPanel } from '../templates/TemplatesPanel';
import { OrganisationChangesPanel } from './OrganisationChangesPanel';
import { OrganisationForm } from './OrganisationForm';
import { UnitsPanel } from './UnitsPanel';

/** The organisation's identity, its changes (rename, move, merge, dissolve) with their history, its units, and below them the Word templates its plans are printed with, its certificate and seal. */
export const OrganisationEdit = () => {
  const { id } = useParams();
  return (
    <>
      <Edit mutationMode="pessimistic" transform={changedFields} redirect="list">
        <OrganisationForm />
      </Edit>
      {id && <OrganisationChangesPanel organisationId={id} />}
      {id && <UnitsPanel organisationId={id} />}
      {id && <TemplatesPanel organisationId={id} />}
      {id && <OrganisationSigningPanel organisationId={id} />}
    </>
  );
};
