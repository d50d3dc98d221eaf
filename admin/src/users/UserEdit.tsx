import { Edit, useParams } from 'react-admin';
import { changedFields } from '../common/changedFields';
import { UserSigningPanel } from '../signing/SigningPanel';
import { UserForm } from './UserForm';

/** The account, and below it the certificate and signature image the person signs with. */
export const UserEdit = () => {
  const { id } = useParams();
  return (
    <>
      <Edit mutationMode="pessimistic" transform={changedFields} redirect="list">
        <UserForm />
      </Edit>
      {id && <UserSigningPanel userId={id} />}
    </>
  );
};
